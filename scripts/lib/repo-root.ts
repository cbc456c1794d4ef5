import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cachedRoot: string | undefined;

/**
 * The repository root, found by walking up from this module to the akash-econ package.json: the same code runs from
 * scripts/ (vitest) and from dist/scripts/ (the built CLI), so a fixed relative path would be wrong in one of the two.
 */
export function repoRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      const parsed = JSON.parse(readFileSync(pkg, "utf8")) as { name?: unknown };
      if (parsed.name === "akash-econ") return (cachedRoot = dir);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find the akash-econ repository root (package.json)");
    dir = parent;
  }
}
