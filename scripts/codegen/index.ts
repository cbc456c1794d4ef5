// Generates each contract's message code from its msg.ts (the single definition of its messages):
// contracts/<name>/gen/messages.ts (parsers and response writers) and gen/dispatch.ts (entry dispatch). Run by
// `npm run build` before asc; CI fails when the committed files differ from what this writes.
//
// CLI: node dist/scripts/codegen/index.js [--check] [name…]   (no names = every contract under contracts/)

import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { collectMessages, loadProgram, type MessageKind, SchemaError } from "../schema.js";
import { emitDispatch } from "./emit-dispatch.js";
import { emitMessages } from "./emit-messages.js";
import { checkHandlers } from "./handlers.js";
import { reachableClasses } from "./types.js";
import { repoRoot } from "../lib/repo-root.js";

export { SchemaError as CodegenError };

export const GENERATED_DIR = "gen";

/** The generated files of one contract (paths relative to root) and their text. */
export function contractCode(root: string, contractDir: string): Map<string, string> {
  const dir = path.join(root, contractDir);
  const msgFile = path.join(dir, "msg.ts");
  const prog = loadProgram(msgFile);
  const { structs, enums } = collectMessages(prog);
  const execute = enums.get("ExecuteMsg") ?? null;
  const query = enums.get("QueryMsg") ?? null;
  for (const kind of ["SudoMsg", "InstantiateMsg", "MigrateMsg"] as MessageKind[]) {
    if (enums.has(kind)) throw new SchemaError(`${contractDir}/msg.ts: ${kind} as an enum is not supported yet`);
  }

  const wanted: { kind: string; variant: string | null }[] = [];
  for (const kind of structs.keys()) wanted.push({ kind, variant: null });
  for (const v of execute ?? []) wanted.push({ kind: "ExecuteMsg", variant: v.name });
  for (const v of query ?? []) wanted.push({ kind: "QueryMsg", variant: v.name });
  checkHandlers(root, contractDir, wanted);

  const parsedRoots = [
    ...[...structs.values()].map((c) => c.name),
    ...(execute ?? []).map((v) => v.info.name),
    ...(query ?? []).map((v) => v.info.name),
  ];
  const writtenRoots = [...new Set((query ?? []).map((v) => v.returns!))];
  for (const r of writtenRoots) {
    if (!prog.classes.has(r))
      throw new SchemaError(`${contractDir}/msg.ts: @returns ${r}: only classes can be returned`);
  }
  const header =
    `// Generated from ${contractDir}/msg.ts by scripts/codegen (run by \`npm run build\`). Do not edit: change msg.ts,\n` +
    `// then rebuild. docs/contracts.md describes the conventions.`;
  const genDir = path.join(dir, GENERATED_DIR);
  const importPath = (file: string): string => {
    const rel = path.relative(genDir, file).replace(/\\/g, "/").replace(/\.ts$/, "");
    return rel.startsWith(".") ? rel : `./${rel}`;
  };
  const messages = emitMessages(
    { parsed: reachableClasses(parsedRoots, prog), written: reachableClasses(writtenRoots, prog) },
    header,
    importPath,
  );
  const structList = [...structs.entries()].map(([kind, info]) => ({ kind, className: info.name }));
  const dispatch = emitDispatch(
    { structs: structList, execute, query, rejectsFunds: (execute ?? []).some((v) => !v.payable) },
    header,
  );
  const out = new Map<string, string>();
  out.set(path.posix.join(contractDir, GENERATED_DIR, "messages.ts"), messages);
  out.set(path.posix.join(contractDir, GENERATED_DIR, "dispatch.ts"), dispatch);
  return out;
}

/** Formats like the rest of the repository when Prettier is installed (it is a dev dependency). */
async function format(file: string, text: string): Promise<string> {
  try {
    const prettier = await import("prettier");
    const options = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(text, { ...options, filepath: file });
  } catch (e) {
    if (e instanceof Error && "code" in e && e.code === "ERR_MODULE_NOT_FOUND") return text;
    throw e;
  }
}

/** Writes (or with `check`, compares) one contract's generated files; returns the paths that changed. */
export async function generateContractCode(root: string, contractDir: string, check = false): Promise<string[]> {
  const changed: string[] = [];
  for (const [rel, raw] of contractCode(root, contractDir)) {
    const file = path.join(root, rel);
    const text = await format(file, raw);
    if (existsSync(file) && readFileSync(file, "utf8") === text) continue;
    changed.push(rel);
    if (!check) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  return changed;
}

/** Whether a contract uses generated message code: its contract.ts wires the generated dispatch. */
export function usesCodegen(root: string, contractDir: string): boolean {
  const entry = path.join(root, contractDir, "contract.ts");
  return (
    existsSync(path.join(root, contractDir, "msg.ts")) &&
    existsSync(entry) &&
    readFileSync(entry, "utf8").includes(`"./${GENERATED_DIR}/dispatch"`)
  );
}

/** Contract folders whose message code is generated. */
export function codegenTargets(root: string): string[] {
  const contracts = path.join(root, "contracts");
  if (!existsSync(contracts)) return [];
  return readdirSync(contracts, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== "std" && usesCodegen(root, `contracts/${d.name}`))
    .map((d) => `contracts/${d.name}`)
    .sort();
}

export async function main(argv: string[], root = repoRoot()): Promise<number> {
  const check = argv.includes("--check");
  const names = argv.filter((a) => !a.startsWith("-"));
  let targets = codegenTargets(root);
  if (names.length > 0) targets = targets.filter((t) => names.includes(path.basename(t)));
  let failed = false;
  for (const t of targets) {
    try {
      const changed = await generateContractCode(root, t, check);
      const verb = check ? (changed.length > 0 ? "OUTDATED" : "ok") : changed.length > 0 ? "wrote" : "unchanged";
      process.stdout.write(`${verb.padEnd(9)} ${t}/${GENERATED_DIR}\n`);
      if (check && changed.length > 0) failed = true;
    } catch (e) {
      failed = true;
      process.stderr.write(`FAIL      ${t}: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
  return failed ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
