// Handler naming and the check that every message has one. Names carry the message kind as a prefix
// (`executeCreateAccount`, `queryAccount`, `instantiateContract`), so they cannot clash with logic functions.

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { SchemaError } from "../schema.js";

/** The module (in the contract folder) that exports the handlers of each message kind. */
export const HANDLER_MODULES: Record<string, string> = {
  InstantiateMsg: "lifecycle.ts",
  MigrateMsg: "lifecycle.ts",
  SudoMsg: "sudo.ts",
  ExecuteMsg: "execute.ts",
  QueryMsg: "query.ts",
};

const STRUCT_HANDLERS: Record<string, string> = {
  InstantiateMsg: "instantiateContract",
  MigrateMsg: "migrateContract",
  SudoMsg: "sudoContract",
};

const pascal = (snake: string): string => snake.replace(/(^|_)([a-z0-9])/g, (_m, _u, c: string) => c.toUpperCase());

/** `ExecuteMsg`, `create_account` → `executeCreateAccount`; a struct message → its fixed name. */
export function handlerName(kind: string, variant: string | null): string {
  if (variant === null) return STRUCT_HANDLERS[kind]!;
  return `${kind === "ExecuteMsg" ? "execute" : kind === "QueryMsg" ? "query" : "sudo"}${pascal(variant)}`;
}

/** Names a module exports: `export function f`, `export const f`, `export { a as f }`, `export { f } from …`. */
export function exportedNames(file: string): Set<string> {
  const names = new Set<string>();
  if (!existsSync(file)) return names;
  const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const exported = (n: ts.Node): boolean =>
    ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name && exported(st)) names.add(st.name.text);
    if (ts.isVariableStatement(st) && exported(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
    }
    if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const e of st.exportClause.elements) names.add(e.name.text);
    }
  }
  return names;
}

/** Throws naming every message without a handler, e.g. `ExecuteMsg variant "foo" has no handler: …`. */
export function checkHandlers(
  root: string,
  contractDir: string,
  wanted: { kind: string; variant: string | null }[],
): void {
  const missing: string[] = [];
  const cache = new Map<string, Set<string>>();
  for (const w of wanted) {
    const rel = path.posix.join(contractDir, HANDLER_MODULES[w.kind]!);
    let names = cache.get(rel);
    if (names === undefined) {
      names = exportedNames(path.join(root, rel));
      cache.set(rel, names);
    }
    const fn = handlerName(w.kind, w.variant);
    if (names.has(fn)) continue;
    const what = w.variant === null ? w.kind : `${w.kind} variant "${w.variant}"`;
    missing.push(`${what} has no handler: export function ${fn}(...) from ${rel}`);
  }
  if (missing.length > 0) throw new SchemaError(missing.join("\n"));
}
