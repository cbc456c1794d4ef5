/**
 * Bad input: malformed messages, zero amounts, wrong denoms, unknown ids, overflow-sized numbers. Each case asserts
 * the exact contract error and that nothing changed (contract queries, contract and sender balances).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Coin, JsonObject } from "../../../sim/index.js";
import { contractError } from "../../helpers/escrow-runner.js";
import { setupEscrow, uakt, type EscrowEnv } from "../../helpers/escrow-fixture.js";

const U128_MAX = "340282366920938463463374607431768211455";
const U128_OVER = "340282366920938463463374607431768211456";
const VARIANTS =
  "`create_account`, `deposit`, `grant`, `revoke_grant`, `create_payment`, `withdraw`, `close_payment`, `settle`, " +
  "`close_account`, `set_alert`, `remove_alert`, `update_config`, `receive`";
const P = "Error parsing into type ExecuteMsg: ";
const HUGE_ID = "x".repeat(70_000);

let e: EscrowEnv;

beforeAll(async () => {
  e = await setupEscrow();
  await e.exec("owner", { create_account: { id: "a" } }, uakt(1_000_000));
  await e.exec("owner", {
    create_payment: { id: "a", payment_id: "p1", provider: e.addr.provider, denom: "uakt", rate: "10" },
  });
  await e.exec("sponsor", { grant: { grantee: e.addr.owner } }, uakt(1_000));
});

/** Everything a failed message must leave untouched. */
async function state(sender: string): Promise<string> {
  const qs: JsonObject[] = [
    { config: {} },
    { account: { id: "a" } },
    { deposits: { id: "a" } },
    { payments: { id: "a" } },
    { grants_by_grantee: { grantee: e.addr.owner } },
    { alerts: { id: "a" } },
  ];
  const results = await Promise.all(qs.map((q) => e.query(q)));
  const addr = sender in e.addr ? e.addr[sender as keyof typeof e.addr] : sender;
  const balances = ["uakt", "uact", "ufoo"].map((d) => `${e.chain.balance(e.contract, d)}/${e.chain.balance(addr, d)}`);
  return JSON.stringify({ results, balances });
}

type Case = [name: string, sender: string, msg: JsonObject, funds: Coin[], error: string];

const cases = (): Case[] => [
  ["unknown variant", "owner", { nope: {} }, [], `${P}unknown variant \`nope\`, expected one of ${VARIANTS}`],
  [
    "two variants",
    "owner",
    { settle: { id: "a" }, deposit: { id: "a" } },
    [],
    `${P}expected an object with exactly one key (a variant of ExecuteMsg), found 2`,
  ],
  ["missing field", "owner", { deposit: {} }, uakt(1), `${P}missing field \`id\``],
  ["wrong type", "owner", { settle: { id: 5 } }, [], `${P}invalid type: integer \`5\`, expected a string at \`id\``],
  [
    "unknown field",
    "owner",
    { deposit: { id: "a", extra: 1 } },
    uakt(1),
    `${P}unknown field \`extra\`, expected one of \`id\`, \`amount\`, \`sources\`, \`sponsors\``,
  ],
  [
    "unknown source",
    "owner",
    { deposit: { id: "a", sources: ["wallet"] } },
    uakt(1),
    `${P}invalid value: string "wallet", expected one of \`balance\`, \`grant\` at \`sources[0]\``,
  ],
  ["empty sources", "owner", { deposit: { id: "a", sources: [] } }, uakt(1), "sources must not be empty"],
  [
    "duplicate sources",
    "owner",
    { deposit: { id: "a", sources: ["balance", "balance"] } },
    uakt(1),
    "duplicate deposit source",
  ],
  [
    "amount as a number",
    "owner",
    { deposit: { id: "a", amount: { denom: "uakt", amount: 5 } } },
    [],
    `${P}invalid type: integer \`5\`, expected string-encoded integer at \`amount.amount\``,
  ],
  [
    "bad decimal",
    "owner",
    { create_payment: { id: "a", payment_id: "p2", provider: "x", denom: "uakt", rate: "1.2.3" } },
    [],
    `${P}invalid Decimal \`1.2.3\` at \`rate\``,
  ],
  ["no funds", "owner", { deposit: { id: "a" } }, [], "no funds attached"],
  [
    "zero amount",
    "owner",
    { deposit: { id: "a", amount: { denom: "uakt", amount: "0" } } },
    [],
    "amount must be greater than zero",
  ],
  [
    "zero rate",
    "owner",
    { create_payment: { id: "a", payment_id: "p2", provider: "PROVIDER", denom: "uakt", rate: "0" } },
    [],
    "rate must be greater than zero",
  ],
  ["grant without funds", "sponsor", { grant: { grantee: "ALICE" } }, [], "grant must attach funds"],
  ["wrong denom", "alice", { deposit: { id: "a" } }, [{ denom: "ufoo", amount: "1" }], "denom `ufoo` is not accepted"],
  [
    "grant in a wrong denom",
    "sponsor",
    { grant: { grantee: "ALICE" } },
    [{ denom: "ufoo", amount: "5" }],
    "denom `ufoo` is not accepted",
  ],
  [
    "attached denom differs from amount",
    "owner",
    { deposit: { id: "a", amount: { denom: "uact", amount: "5" } } },
    uakt(5),
    "denom `uact` is not accepted",
  ],
  [
    "two coins",
    "owner",
    { deposit: { id: "a" } },
    [
      { denom: "uact", amount: "5" },
      { denom: "uakt", amount: "5" },
    ],
    "attach exactly one coin",
  ],
  ["funds on a non-payable message", "owner", { settle: { id: "a" } }, uakt(1), "this message does not accept funds"],
  ["unknown account", "owner", { deposit: { id: "zz" } }, uakt(1), "account `zz` not found"],
  [
    "unknown payment",
    "provider",
    { withdraw: { id: "a", payment_id: "p9" } },
    [],
    "payment `p9` not found in account `a`",
  ],
  ["revoke without grant", "bob", { revoke_grant: { grantee: "ALICE" } }, [], "no grant from BOB to ALICE"],
  [
    "Uint128 overflow",
    "owner",
    { deposit: { id: "a", amount: { denom: "uakt", amount: U128_OVER }, sources: ["grant"] } },
    [],
    `${P}invalid Uint128 \`${U128_OVER}\` at \`amount.amount\``,
  ],
  [
    "Uint128 max not covered",
    "owner",
    { deposit: { id: "a", amount: { denom: "uakt", amount: U128_MAX }, sources: ["grant"] } },
    [],
    // The sponsor's 1,000 would open an entry below min_deposit, so it is not drawn.
    `insufficient funds: ${U128_MAX}uakt not covered by the listed sources`,
  ],
  [
    "rate above the cap",
    "owner",
    {
      create_payment: {
        id: "a",
        payment_id: "p2",
        provider: "PROVIDER",
        denom: "uakt",
        rate: "1000000000000000000.000000000000000001",
      },
    },
    [],
    "rate must be at most 1000000000000000000 per block",
  ],
  [
    "rate beyond Decimal",
    "owner",
    {
      create_payment: { id: "a", payment_id: "p2", provider: "PROVIDER", denom: "uakt", rate: "340282366920938463464" },
    },
    [],
    `${P}invalid Decimal \`340282366920938463464\` at \`rate\``,
  ],
  [
    "invalid id",
    "owner",
    { create_account: { id: "bad id!" } },
    uakt(500_000),
    "invalid id: 1 to 128 characters of [A-Za-z0-9._:/-]",
  ],
  [
    "duplicate payment id",
    "owner",
    { create_payment: { id: "a", payment_id: "p1", provider: "PROVIDER", denom: "uakt", rate: "1" } },
    [],
    "payment `p1` already exists in account `a`",
  ],
  [
    "payment in an unfunded denom",
    "owner",
    { create_payment: { id: "a", payment_id: "p2", provider: "PROVIDER", denom: "uact", rate: "1" } },
    [],
    "account holds no `uact` deposits",
  ],
  ["grant to self", "sponsor", { grant: { grantee: "SPONSOR" } }, uakt(5), "cannot grant to yourself"],
  [
    "grant already expired",
    "sponsor",
    { grant: { grantee: "ALICE", expires_at: { at_height: 1 } } },
    uakt(5),
    "expires_at must be in the future",
  ],
  [
    "alert with two thresholds",
    "owner",
    { set_alert: { id: "a", denom: "uakt", below: { amount: "5", blocks_left: 3 } } },
    [],
    "below must set exactly one of `amount`, `blocks_left`, `percent_of_peak`",
  ],
  [
    "alert percent 0",
    "owner",
    { set_alert: { id: "a", denom: "uakt", below: { percent_of_peak: "0" } } },
    [],
    "percent_of_peak must be greater than 0 and at most 100",
  ],
  [
    "alert kind",
    "owner",
    { remove_alert: { id: "a", denom: "uakt", kind: "soon" } },
    [],
    `${P}invalid value: string "soon", expected one of \`amount\`, \`blocks_left\`, \`percent_of_peak\` at \`kind\``,
  ],
  ["update_config by a user", "owner", { update_config: {} }, [], "unauthorized: only the admin can do this"],
  // Ids past the VM's 64 KiB key limit: std storage reads them as absent instead of failing the call in the VM.
  [
    "deposit to an id longer than a storage key",
    "owner",
    { deposit: { id: HUGE_ID, amount: { denom: "uakt", amount: "5" } } },
    uakt(5),
    `account \`${HUGE_ID}\` not found`,
  ],
  [
    "withdraw with ids longer than a key element",
    "provider",
    { withdraw: { id: HUGE_ID, payment_id: HUGE_ID } },
    [],
    `account \`${HUGE_ID}\` not found`,
  ],
];

/** "PROVIDER"/"ALICE"/… stand for the actors' addresses (known only after setup). */
function fill(v: unknown): unknown {
  if (typeof v === "string") {
    return v.replace(/\b(PROVIDER|ALICE|BOB|SPONSOR)\b/g, (m) => e.addr[m.toLowerCase() as keyof typeof e.addr]);
  }
  if (Array.isArray(v)) return v.map(fill);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
  return v;
}

describe("escrow bad input", () => {
  it.each(cases().map((c) => [c[0], c] as const))("%s", async (_name, c) => {
    const [, sender, msg, funds, error] = c;
    const before = await state(sender);
    let got: string | undefined;
    try {
      await e.exec(sender, fill(msg) as JsonObject, funds);
    } catch (err) {
      got = contractError(err);
    }
    expect(got).toBe(fill(error));
    expect(await state(sender)).toBe(before);
  });

  it("rejects malformed and unknown queries with serde-like errors", async () => {
    await expect(e.query({ account: { id: "zz" } })).rejects.toThrow("account `zz` not found");
    await expect(e.query({ accounts: {} })).rejects.toThrow("unknown variant `accounts`");
    await expect(e.query({ deposits: { id: "a", limit: -1 } })).rejects.toThrow(
      "invalid value: integer `-1`, expected u32 at `limit`",
    );
    await expect(e.query({ payments_by_provider: { provider: "x", start_after: "p1" } })).rejects.toThrow(
      'invalid type: string "p1", expected a map at `start_after`',
    );
  });

  it("governance cannot configure nonsense either", async () => {
    const gov = e.chain.asGov();
    for (const [msg, error] of [
      [{ update_config: { denoms: [] } }, "at least one denom must be configured"],
      [{ update_config: { denoms: [{ denom: "uakt" }, { denom: "uakt" }] } }, "denom `uakt` listed twice"],
      [
        { update_config: { limits: { max_deposits: 0, max_payments: 1, max_alerts: 1 } } },
        "limits must be greater than zero",
      ],
      [{ update_config: { block_time: "0" } }, "block_time must be greater than zero"],
      [{ update_config: { admin: "not-an-address" } }, "invalid admin: "],
    ] as const) {
      const before = await state("owner");
      await expect(gov.execute(e.chain.govAddress, e.contract, msg, "auto")).rejects.toThrow(error);
      expect(await state("owner")).toBe(before);
    }
  });
});
