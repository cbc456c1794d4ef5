// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    // contracts/ and the AssemblyScript test modules (test/probe, test/counter, test/asm) are AssemblyScript: tsc/eslint do not understand its
    // builtins (u32, load<T>, @external). They are type-checked by asc during `npm run build` and formatted by prettier.
    ignores: [
      "node_modules/",
      "dist/",
      "build/",
      "artifacts/",
      ".cache/",
      "contracts/",
      "test/probe/",
      "test/counter/",
      "test/asm/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  { files: ["**/*.js"], extends: [tseslint.configs.disableTypeChecked] },
);
