// The response-schema check installed by test/setup.ts: it accepts what the contracts answer and catches what they
// must not answer.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ESCROW_WASM, setupEscrow } from "../helpers/escrow-fixture.js";
import { checkResponsesOf, responseCheckLog, responseMismatch } from "../helpers/response-schemas.js";

describe("query responses against the committed schemas", () => {
  it("checks every answer of an escrow on the embedded chain", async () => {
    const env = await setupEscrow();
    const before = responseCheckLog.checked;
    const config = await env.query<{ admin: string }>({ config: {} });
    expect(config.admin).toBe(env.chain.govAddress);
    await env.query({ accounts_by_owner: { owner: env.addr.alice } });
    expect(responseCheckLog.checked).toBe(before + 2);
    expect(responseCheckLog.mismatches).toEqual([]);
  });

  it("names the path and rule a wrong response breaks", () => {
    expect(responseMismatch("oracle", { feeds: {} }, { feeds: [] })).toBeNull();
    const missing = responseMismatch("oracle", { feeds: {} }, {});
    expect(missing).toContain("responses.feeds");
    expect(missing).toContain("must have required property 'feeds'");
    const extra = responseMismatch("oracle", { feeds: {} }, { feeds: [], next: 1 });
    expect(extra).toContain("must NOT have additional properties");
    const wrongType = responseMismatch("escrow", { config: {} }, { admin: 7 });
    expect(wrongType).toContain("/admin must be string");
  });

  it("enforces the integer ranges of cosmwasm-schema's formats", () => {
    const query = { get_update_fee: { data: [] } };
    const schema = JSON.parse(readFileSync("schema/oracle/oracle.json", "utf8")) as {
      responses: Record<string, { properties?: Record<string, { format?: string }> }>;
    };
    // Find any uint32 field in a response and push it out of range.
    const uint32Field = Object.entries(schema.responses).flatMap(([variant, s]) =>
      Object.entries(s.properties ?? {})
        .filter(([, p]) => p.format === "uint32")
        .map(([field]) => [variant, field] as const),
    )[0];
    expect(uint32Field).toBeDefined();
    const [variant, field] = uint32Field!;
    const mismatch = responseMismatch("oracle", { [variant]: {} }, { [field]: 2 ** 32 });
    expect(mismatch).toContain(`/${field} must match format "uint32"`);
    expect(responseMismatch("oracle", query, { denom: "uakt", amount: "0" })).toBeNull();
  });

  it("rejects a query variant that has no response schema", () => {
    expect(responseMismatch("escrow", { nonsense: {} }, {})).toContain('has no response schema "nonsense"');
    expect(responseMismatch("escrow", { a: {}, b: {} }, {})).toContain("not a single-variant query message");
  });

  it("fails the query and logs the mismatch when a backend returns a wrong answer", async () => {
    const checksum = createHash("sha256").update(readFileSync(ESCROW_WASM)).digest("hex");
    class WrongBackend {
      // A config answer with a number where the schema says string.
      queryContractSmart(address: string, query: Record<string, unknown>): Promise<unknown> {
        return Promise.resolve("config" in query ? { admin: address.length } : {});
      }
      getContract(): Promise<{ codeId: number }> {
        return Promise.resolve({ codeId: 3 });
      }
      getCodes(): Promise<{ id: number; checksum: string }[]> {
        return Promise.resolve([{ id: 3, checksum: checksum.toUpperCase() }]);
      }
    }
    checkResponsesOf(WrongBackend.prototype);
    await expect(new WrongBackend().queryContractSmart("addr", { config: {} })).rejects.toThrow(
      /escrow query \{"config":\{\}\}: response does not match .*\/admin must be string/,
    );
    // The log is what fails a test that swallowed the error; take this expected entry out of it.
    expect(responseCheckLog.mismatches.splice(0)).toHaveLength(1);
  });
});
