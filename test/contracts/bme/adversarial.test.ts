/**
 * Bad input against the bme contract on the embedded chain: every case checks the exact error text and that no query
 * answer, ACT balance or coin balance changed (`snapshot`).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Coin, JsonObject } from "../../../sim/interface/index.js";
import { deployBme, embeddedBme, uakt, type BmeOn } from "../../helpers/bme.js";

let s: BmeOn;
let user: string;
let other: string;

/** Runs a call that must fail with `expected` (substring) and proves nothing changed. */
async function refused(who: string, msg: JsonObject, expected: string, funds: Coin[] = []): Promise<string> {
  const before = await s.snapshot();
  const error = await s.fails(who, msg, funds);
  expect(error).toContain(expected);
  expect(await s.snapshot()).toEqual(before);
  return error;
}

describe("bme adversarial input", () => {
  beforeAll(async () => {
    const { backend } = embeddedBme();
    s = await deployBme(backend, 0, { params: { min_epoch_blocks: 1 }, vault: 1_000_000_000n });
    [user, other] = s.users as [string, string];
    await s.setPrice(100_000_000n);
    await s.exec(user, { mint_act: {} }, uakt(500_000_000n));
    await s.crank();
    expect(await s.act(user)).toBe(498_750_000n);
  });

  it("rejects governance messages from anyone but the admin", async () => {
    const msgs: JsonObject[] = [
      { update_config: { params: { ...(await s.query<{ params: JsonObject }>({ config: {} })).params } } },
      { update_config: { allowed: [user] } },
      { update_config: { oracle: user } },
      { update_config: { admin: user } },
      { pause: {} },
      { unpause: {} },
    ];
    for (const msg of msgs) await refused(user, msg, "unauthorized: only the admin can do this");
    await refused(user, { fund_vault: {} }, "unauthorized: only the admin can do this", uakt(5));
  });

  it("validates parameters and config (admin)", async () => {
    const p = (await s.query<{ params: JsonObject }>({ config: {} })).params;
    const cases: [JsonObject, string][] = [
      [{ params: { ...p, circuit_breaker_halt_threshold: 9500 } }, "invalid params.circuit_breaker_halt_threshold"],
      [{ params: { ...p, circuit_breaker_warn_threshold: 10001 } }, "invalid params.circuit_breaker_warn_threshold"],
      [{ params: { ...p, mint_spread_bps: 1001 } }, "invalid params.mint_spread_bps: at most 1000"],
      [{ params: { ...p, settle_spread_bps: 5000 } }, "invalid params.settle_spread_bps: at most 1000"],
      [{ params: { ...p, min_epoch_blocks: 0 } }, "invalid params.min_epoch_blocks: 1 to 14400"],
      [{ params: { ...p, epoch_blocks_backoff_percent: 101 } }, "invalid params.epoch_blocks_backoff_percent"],
      [{ params: { ...p, max_endblocker_records: 0 } }, "invalid params.max_endblocker_records: 1 to 100"],
      [{ params: { ...p, max_pending_attempts: 0 } }, "invalid params.max_pending_attempts: 1 to 100"],
      [{ allowed: Array.from({ length: 21 }, () => user) }, "invalid allowed: at most 20 addresses"],
      [{ oracle: "not-an-address" }, "invalid oracle: "],
      [{ akt_feed: "4ea5" }, "invalid akt_feed: expected 64 hex digits"],
      [{ burn_mode: "melt" }, 'invalid value: string "melt", expected one of `hold`, `burn` at `burn_mode`'],
    ];
    for (const [body, expected] of cases) await refused(s.admin, { update_config: body }, expected);
    // A partial params object is a parse error (params are always given whole).
    await refused(s.admin, { update_config: { params: { mint_spread_bps: 10 } } }, "missing field");
  });

  it("keeps ACT non-transferable except to and from allow-listed contracts", async () => {
    const text = "ACT is not transferable: sender or recipient must be an allow-listed contract";
    await refused(user, { transfer: { recipient: other, amount: "1" } }, text);
    await refused(user, { send: { contract: s.oracle, amount: "1", msg: "" } }, text);
    await refused(user, { transfer: { recipient: "nope", amount: "1" } }, "invalid recipient: ");
  });

  it("refuses zero, dust and amounts beyond the balance", async () => {
    await refused(user, { transfer: { recipient: other, amount: "0" } }, "invalid zero amount");
    await refused(user, { redeem_act: { amount: "0" } }, "invalid zero amount");
    await refused(user, { burn: { amount: "0" } }, "invalid zero amount");
    await refused(user, { send: { contract: s.bme, amount: "0", msg: "" } }, "invalid zero amount");
    await refused(user, { mint_act: {} }, "mint below minimum: 1uact < 10000000uact", uakt(1));
    await refused(user, { mint_act: {} }, "mint below minimum: 9999999uact < 10000000uact", uakt(9_999_999));
    await refused(other, { redeem_act: { amount: "5" } }, "insufficient ACT balance: 0uact < 5uact");
    await refused(user, { burn: { amount: "498750001" } }, "insufficient ACT balance: 498750000uact < 498750001uact");
  });

  it("refuses a redemption that converts to zero AKT", async () => {
    await s.setPrice(250_000_000n); // $2.50: 1 uact → floor(0.4) = 0 uakt
    await refused(user, { redeem_act: { amount: "1" } }, "amount too small: it converts to zero");
    await s.setPrice(100_000_000n);
  });

  it("refuses wrong denoms, several coins and funds on messages that take none", async () => {
    await refused(user, { mint_act: {} }, "funds must be in `uakt`, got `ufoo`", [{ denom: "ufoo", amount: "100" }]);
    await refused(user, { mint_act: {} }, "attach exactly one coin of uakt", []);
    await refused(user, { mint_act: {} }, "attach exactly one coin of uakt", [
      { denom: "uakt", amount: "20000000" },
      { denom: "ufoo", amount: "100" },
    ]);
    await refused(s.admin, { fund_vault: {} }, "funds must be in `uakt`, got `ufoo`", [{ denom: "ufoo", amount: "1" }]);
    await refused(user, { redeem_act: { amount: "1000000" } }, "this message does not accept funds", uakt(1));
    await refused(user, { process_epoch: {} }, "this message does not accept funds", uakt(1));
  });

  it("refuses malformed messages with serde's wording", async () => {
    await refused(user, { mint_akt: {} }, "unknown variant `mint_akt`");
    await refused(user, { redeem_act: { amount: 5 } }, "invalid type: integer `5`, expected string-encoded integer");
    await refused(user, { redeem_act: {} }, "missing field `amount`");
    await refused(user, { redeem_act: { amount: "5", to: other } }, "unknown field `to`, expected `amount`");
    await refused(user, { redeem_act: { amount: "-5" } }, "invalid Uint128 `-5`");
    await refused(user, { process_epoch: { limit: 0 } }, "invalid limit: 1 to 50");
    await refused(user, { process_epoch: { limit: 51 } }, "invalid limit: 1 to 50");
    expect(await s.queryFails({ pending: { kind: "swap" } })).toContain(
      'invalid value: string "swap", expected one of `mint`, `redeem` at `kind`',
    );
    expect(await s.queryFails({ balance: { address: "x" } })).toContain("invalid address: ");
  });

  it("caps the pending records of one owner", async () => {
    const { backend } = embeddedBme();
    const t = await deployBme(backend, 0, { params: { min_epoch_blocks: 100 } });
    await t.setPrice(100_000_000n);
    const u = t.users[0]!;
    for (let i = 0; i < 10; i++) await t.exec(u, { mint_act: {} }, uakt(20_000_000n));
    const before = await t.snapshot();
    expect(await t.fails(u, { mint_act: {} }, uakt(20_000_000n))).toContain(
      "too many pending records for this owner (max 10)",
    );
    expect(await t.snapshot()).toEqual(before);
    await t.exec(t.users[1]!, { mint_act: {} }, uakt(20_000_000n)); // the cap is per owner
  });

  it("refuses requests while paused and after the price went stale", async () => {
    await s.exec(s.admin, { pause: {} });
    await refused(user, { mint_act: {} }, "bme is paused", uakt(20_000_000n));
    await refused(user, { redeem_act: { amount: "1000000" } }, "bme is paused");
    await refused(user, { process_epoch: {} }, "bme is paused");
    await s.exec(s.admin, { unpause: {} });
    await s.backend.advance(40);
    await refused(
      user,
      { mint_act: {} },
      "price unavailable: Querier contract error: price unhealthy",
      uakt(20_000_000n),
    );
    await refused(user, { redeem_act: { amount: "1000000" } }, "price unavailable: ");
    expect(await s.queryFails({ simulate_mint: { amount: "20000000" } })).toContain("price unavailable: ");
  });
});
