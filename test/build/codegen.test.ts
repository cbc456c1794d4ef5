/**
 * The message code generator (scripts/codegen): a variant without a handler fails the build naming it (in every
 * generated contract), the committed generated files match the generator, and the generated parsers behave like
 * serde on the escrow wasm.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContracts } from "../../scripts/build-contracts.js";
import { GENERATED_DIR, codegenTargets, contractCode, generateContractCode } from "../../scripts/codegen/index.js";
import type { JsonObject } from "../../sim/index.js";
import { contractError } from "../helpers/escrow-runner.js";
import { setupEscrow, type EscrowEnv } from "../helpers/escrow-fixture.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const P = "Error parsing into type ExecuteMsg: ";

const FREEZE = `
/** Freezes an account. @msg ExecuteMsg freeze */
export class FreezeMsg {
  id: string = "";
}
`;

describe.each(["escrow", "oracle"])("a message without a handler (%s)", (name) => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), "codegen-"));
    cpSync(path.join(ROOT, "contracts"), path.join(tmp, "contracts"), { recursive: true });
    cpSync(path.join(ROOT, "package.json"), path.join(tmp, "package.json"));
    const msg = path.join(tmp, `contracts/${name}/msg.ts`);
    writeFileSync(msg, readFileSync(msg, "utf8") + FREEZE);
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  const expected = `ExecuteMsg variant "freeze" has no handler: export function executeFreeze(...) from contracts/${name}/execute.ts`;

  it("stops the generator, naming the variant and the function to write", () => {
    expect(() => contractCode(tmp, `contracts/${name}`)).toThrow(expected);
  });

  it("fails the contract build with that message and builds nothing", async () => {
    const lines: string[] = [];
    const result = await buildContracts({ root: tmp, only: [name], log: (l) => lines.push(l) });
    expect(result.ok).toBe(false);
    expect(lines.join("\n")).toContain(`FAIL    artifacts/${name}.wasm`);
    expect(lines.join("\n")).toContain(expected);
  });

  it("passes once the handler exists", () => {
    const exec = path.join(tmp, `contracts/${name}/execute.ts`);
    writeFileSync(
      exec,
      readFileSync(exec, "utf8") +
        "\nexport function executeFreeze(_ctx: Context, _m: FreezeMsg): Response {\n  return new Response();\n}\n",
    );
    const files = contractCode(tmp, `contracts/${name}`);
    const dispatch = files.get(`contracts/${name}/gen/dispatch.ts`)!;
    expect(dispatch).toContain('"freeze"');
    expect(dispatch).toContain("executeFreeze(ctx, m)");
  });
});

describe("committed generated files", () => {
  it("are what the generator writes (CI's drift check)", async () => {
    const targets = codegenTargets(ROOT);
    expect(targets).toEqual(expect.arrayContaining(["contracts/escrow", "contracts/oracle"]));
    for (const t of targets) expect(await generateContractCode(ROOT, t, true)).toEqual([]);
  });

  it("dispatch has a branch per variant and no hand-written lists remain in the contracts", () => {
    // The payable mask's set bits, read as names of the execute variant table.
    const payable = (name: string): string[] => {
      const text = readFileSync(path.join(ROOT, `contracts/${name}/gen/dispatch.ts`), "utf8");
      const table = /const EXECUTE_VARIANTS: Array<string> = \[([^\]]*)\];/.exec(text);
      const mask = /const PAYABLE_VARIANTS: u64 = (0x[0-9a-f]+);/.exec(text);
      if (table === null || mask === null) throw new Error(`${name}: no variant table or payable mask`);
      const names = [...table[1]!.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
      return names.filter((_, i) => (BigInt(mask[1]!) >> BigInt(i)) & 1n);
    };
    expect(payable("escrow")).toEqual(["create_account", "deposit", "grant"]);
    expect(payable("oracle")).toEqual(["update_price_feeds"]);
    for (const target of codegenTargets(ROOT)) {
      const dir = path.join(ROOT, target);
      const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter(
        (f) => f.endsWith(".ts") && !f.startsWith(`${GENERATED_DIR}/`),
      );
      expect(files).toContain("execute.ts");
      for (const file of files) {
        const text = readFileSync(path.join(dir, file), "utf8");
        expect(text, `${target}/${file}`).not.toMatch(/denyUnknown|parseVariant|VARIANTS|QUERIES/);
      }
    }
  });
});

describe("generated parsers on the escrow wasm", () => {
  let e: EscrowEnv;
  beforeAll(async () => {
    e = await setupEscrow();
  });

  const rejects = async (msg: JsonObject, error: string): Promise<void> => {
    const failure: unknown = await e.exec("owner", msg).then(
      () => new Error("accepted"),
      (x: unknown) => x,
    );
    expect(contractError(failure)).toBe(error);
  };

  it("rejects unknown fields, listing the known ones in declaration order", async () => {
    await rejects(
      { create_payment: { id: "a", bogus: 1 } },
      `${P}unknown field \`bogus\`, expected one of \`id\`, \`payment_id\`, \`provider\`, \`denom\`, \`rate\``,
    );
    await rejects(
      { set_alert: { id: "a", denom: "uakt", below: { amount: "1", minutes: 1 } } },
      `${P}unknown field \`minutes\`, expected one of \`amount\`, \`blocks_left\`, \`percent_of_peak\` at \`below\``,
    );
  });

  it("reports the first missing field in declaration order", async () => {
    await rejects({ create_payment: { id: "a" } }, `${P}missing field \`payment_id\``);
    await rejects({ set_alert: { id: "a", denom: "uakt" } }, `${P}missing field \`below\``);
  });

  it("reports wrong types with serde's wording and the path", async () => {
    await rejects(
      { withdraw: { id: "a", payment_id: 7 } },
      `${P}invalid type: integer \`7\`, expected a string at \`payment_id\``,
    );
    await rejects(
      { update_config: { limits: { max_deposits: "5", max_payments: 1, max_alerts: 1 } } },
      `${P}invalid type: string "5", expected u32 at \`limits.max_deposits\``,
    );
    await rejects(
      { remove_alert: { id: "a", denom: "uakt", kind: "minutes" } },
      `${P}invalid value: string "minutes", expected one of \`amount\`, \`blocks_left\`, \`percent_of_peak\` at \`kind\``,
    );
  });
});
