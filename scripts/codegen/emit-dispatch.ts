// Emits gen/dispatch.ts: the entry-point functions contract.ts hands to std's entries. Each enum message gets its
// variant table and one branch per variant that parses the body and calls the variant's handler; there is no default
// branch, and the generator refuses to emit a dispatch whose handler is missing (see handlers.ts).

import type { Variant } from "../schema.js";
import { HANDLER_MODULES, handlerName } from "./handlers.js";

export interface DispatchModel {
  structs: { kind: string; className: string }[];
  execute: Variant[] | null;
  query: Variant[] | null;
  /** Whether error.ts must provide FUNDS_NOT_ACCEPTED (some execute variant is not `@payable`). */
  rejectsFunds: boolean;
}

const ENTRY: Record<string, string> = {
  InstantiateMsg: "dispatchInstantiate",
  MigrateMsg: "dispatchMigrate",
  SudoMsg: "dispatchSudo",
};

function structDispatch(kind: string, className: string): string {
  return [
    `export function ${ENTRY[kind]!}(ctx: Context, msg: JsonValue): Response {`,
    `  const p = new Parser(${JSON.stringify(kind)});`,
    `  const o = p.obj(msg);`,
    `  if (p.failed()) return err(p.message());`,
    `  const m = parse${className}(o, p);`,
    `  if (p.failed()) return err(p.message());`,
    `  return ${handlerName(kind, null)}(ctx, m);`,
    `}`,
  ].join("\n");
}

const tableLine = (name: string, values: string[]): string =>
  `const ${name}: Array<string> = [${values.map((v) => JSON.stringify(v)).join(", ")}];`;

// A constant, not a string table: no start-function code and a shift instead of a search.
function payableMask(variants: Variant[]): string {
  if (variants.length > 64) throw new Error(`ExecuteMsg: ${variants.length} variants; the payable mask holds 64`);
  let mask = 0n;
  variants.forEach((v, i) => {
    if (v.payable) mask |= 1n << BigInt(i);
  });
  const names = variants.filter((v) => v.payable).map((v) => v.name);
  return [
    `/** Bit i set: EXECUTE_VARIANTS[i] is \`@payable\` (${names.join(", ") || "none"}); every other one rejects funds. */`,
    `const PAYABLE_VARIANTS: u64 = 0x${mask.toString(16)};`,
  ].join("\n");
}

const pascal = (snake: string): string =>
  snake
    .split("_")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");

/** The names a hook variant generates: its message type (`receive` → ReceiveMsg), table and dispatch function. */
export function hookNames(variant: string): { type: string; table: string; fn: string } {
  const type = `${pascal(variant)}Msg`;
  return { type, table: `${variant.toUpperCase()}_VARIANTS`, fn: `dispatch${type}` };
}

/**
 * A hook's inner message: JSON bytes holding one of the variants the hook lists, parsed and run like the execute
 * variant of that name, with the context the hook handler passes (e.g. the token sender and the tokens as funds).
 */
function hookDispatch(hook: Variant, all: Variant[]): string {
  const { type, table, fn } = hookNames(hook.name);
  const targets = hook.hook.map((name) => all.find((v) => v.name === name)!);
  const lines = [
    tableLine(table, hook.hook),
    "",
    `/** The \`${hook.name}\` hook's message: ${hook.hook.join(", ")}. */`,
    `export function ${fn}(ctx: Context, msg: Uint8Array): Response {`,
    `  const p = new Parser(${JSON.stringify(type)});`,
    `  const j = parseJsonBytes(msg, p);`,
    `  const v = j !== null ? parseVariant(j, ${JSON.stringify(type)}, ${table}, p) : null;`,
    `  if (v === null) return err(p.message());`,
    `  let res: Response | null = null;`,
    `  switch (v.index) {`,
  ];
  targets.forEach((v, i) => {
    lines.push(
      `    ${caseLabel(i, targets.length)} {`,
      `      const m = parse${v.info.name}(v.body, p);`,
      `      if (!p.failed()) res = ${handlerName("ExecuteMsg", v.name)}(ctx, m);`,
      `      break;`,
      `    }`,
    );
  });
  lines.push(
    `  }`,
    `  if (p.failed()) return err(p.message());`,
    `  return changetype<Response>(res); // every branch sets it unless parsing failed`,
    `}`,
  );
  return lines.join("\n");
}

/**
 * The switch label of variant `i` of `n`: the last one is the `default`, since parseVariant returns only indexes of
 * the table, so no fallback branch (and no "no branch" error text in the wasm) is needed.
 */
function caseLabel(i: number, n: number): string {
  return i === n - 1 ? "default:" : `case ${i}:`;
}

// Branches only set the outcome and one exit reports it: fewer copies of the error paths in the wasm.
function executeDispatch(variants: Variant[]): string {
  const lines = [
    `export function dispatchExecute(ctx: Context, msg: JsonValue): Response {`,
    `  const p = new Parser("ExecuteMsg");`,
    `  const v = parseVariant(msg, "ExecuteMsg", EXECUTE_VARIANTS, p);`,
    `  if (v === null) return err(p.message());`,
    // Funds first: a non-payable message with coins attached fails before its body is read (coins would be stuck).
    `  if (ctx.messageInfo().funds.length > 0 && ((PAYABLE_VARIANTS >> <u64>v.index) & 1) == 0) return err(FUNDS_NOT_ACCEPTED);`,
    `  let res: Response | null = null;`,
  ];
  lines.push(`  switch (v.index) {`);
  variants.forEach((v, i) => {
    lines.push(
      `    ${caseLabel(i, variants.length)} {`,
      `      const m = parse${v.info.name}(v.body, p);`,
      // A hook's handler gets the dispatch of its inner message (a function, so execute.ts need not import gen/).
      `      if (!p.failed()) res = ${handlerName("ExecuteMsg", v.name)}(ctx, m${v.hook.length > 0 ? `, ${hookNames(v.name).fn}` : ""});`,
      `      break;`,
      `    }`,
    );
  });
  lines.push(
    `  }`,
    `  if (p.failed()) return err(p.message());`,
    `  return changetype<Response>(res); // every branch sets it unless parsing failed`,
    `}`,
  );
  return lines.join("\n");
}

function queryDispatch(variants: Variant[]): string {
  const lines = [
    `export function dispatchQuery(ctx: Context, msg: JsonValue): QueryResponse {`,
    `  const p = new Parser("QueryMsg");`,
    `  const v = parseVariant(msg, "QueryMsg", QUERY_VARIANTS, p);`,
    `  if (v === null) return QueryResponse.err(p.message());`,
    `  const w = new JsonWriter();`,
    `  let error: string | null = null;`,
  ];
  lines.push(`  switch (v.index) {`);
  variants.forEach((v, i) => {
    lines.push(
      `    ${caseLabel(i, variants.length)} {`,
      `      const m = parse${v.info.name}(v.body, p);`,
      `      if (!p.failed()) {`,
      `        const a = ${handlerName("QueryMsg", v.name)}(ctx, m);`,
      `        error = a.error;`,
      `        if (error === null) write${v.returns!}(w, answerValue(a));`,
      `      }`,
      `      break;`,
      `    }`,
    );
  });
  lines.push(
    `  }`,
    `  if (p.failed()) return QueryResponse.err(p.message());`,
    `  if (error !== null) return QueryResponse.err(changetype<string>(error));`,
    `  return QueryResponse.ok(w.toString());`,
    `}`,
  );
  return lines.join("\n");
}

export function emitDispatch(model: DispatchModel, header: string): string {
  const fromMessages = new Set<string>();
  const handlers = new Map<string, Set<string>>();
  const need = (kind: string, variant: string | null, className: string): void => {
    fromMessages.add(`parse${className}`);
    const mod = `../${HANDLER_MODULES[kind]!.replace(/\.ts$/, "")}`;
    handlers.set(mod, (handlers.get(mod) ?? new Set()).add(handlerName(kind, variant)));
  };
  const body: string[] = [];
  for (const s of model.structs) {
    need(s.kind, null, s.className);
    body.push(structDispatch(s.kind, s.className));
  }
  if (model.execute !== null) {
    for (const v of model.execute) need("ExecuteMsg", v.name, v.info.name);
    body.push(
      tableLine(
        "EXECUTE_VARIANTS",
        model.execute.map((v) => v.name),
      ),
    );
    body.push(payableMask(model.execute));
    for (const v of model.execute) if (v.hook.length > 0) body.push(hookDispatch(v, model.execute));
    body.push(executeDispatch(model.execute));
  }
  if (model.query !== null) {
    for (const v of model.query) {
      need("QueryMsg", v.name, v.info.name);
      fromMessages.add(`write${v.returns!}`);
    }
    body.push(
      tableLine(
        "QUERY_VARIANTS",
        model.query.map((v) => v.name),
      ),
    );
    body.push(queryDispatch(model.query));
  }
  const hooks = (model.execute ?? []).some((v) => v.hook.length > 0);
  const imports = [
    `import { Context, JsonValue, JsonWriter, Parser, QueryResponse, Response, ${model.query !== null ? "answerValue, " : ""}err, ${hooks ? "parseJsonBytes, " : ""}parseVariant } from "../../std";`,
  ];
  if (model.rejectsFunds) imports.push(`import { FUNDS_NOT_ACCEPTED } from "../error";`);
  imports.push(`import { ${[...fromMessages].sort().join(", ")} } from "./messages";`);
  for (const [mod, names] of [...handlers.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    imports.push(`import { ${[...names].sort().join(", ")} } from "${mod}";`);
  }
  return `${header}\n\n${imports.join("\n")}\n\n${body.join("\n\n")}\n`;
}
