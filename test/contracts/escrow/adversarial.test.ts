/**
 * Attacks on the escrow contract (heavy grants, unsolicited grants, dust entries, foreign-denom debt payments, and the
 * classes around them): each test plays the attacker on the embedded chain and asserts what the victim sees (error
 * text or success) and that the victim's state and balances are unchanged or correctly refunded. The CW20 section
 * plays the attacks on the receive hook (forged tokens, forged senders, bank coins named like a token).
 */
import { describe, expect, it } from "vitest";
import type { Coin } from "../../../sim/index.js";
import { addToken, setupEscrow, uakt, type EscrowEnv } from "../../helpers/escrow-fixture.js";

const MIN = 500_000;
/** What every actor holds of a CW20 fixture token (escrow-fixture's FUNDING). */
const FUNDING_CW20 = 1_000_000_000_000n;
const MAX_SCOPES = 20;

interface Deposit {
  depositor: string;
  source: string;
  amount: string;
}
interface Account {
  state: string;
  alert_count: number;
  funds: { denom: string; amount: string; debt: string }[];
}

/** An account id of the longest accepted length (128), distinct per `n`. */
const longId = (n: number): string => `x/${n.toString().padStart(6, "0")}`.padEnd(128, "a");

/** Funded attacker addresses; `below`: only addresses that sort before it (so their grants are scanned first). */
function attackers(e: EscrowEnv, count: number, below?: string): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    if (i > count * 20) throw new Error("not enough attacker addresses");
    const a = e.chain.addressFor(`attacker-${i}`);
    if (below !== undefined && a >= below) continue;
    e.chain.fund(a, [
      { denom: "uakt", amount: "1000000000000" },
      { denom: "uact", amount: "1000000000000" },
    ]);
    out.push(a);
  }
  return out;
}

const deposits = async (e: EscrowEnv, id: string): Promise<Deposit[]> =>
  (await e.query<{ deposits: Deposit[] }>({ deposits: { id, limit: 30 } })).deposits;
const account = (e: EscrowEnv, id: string): Promise<Account> => e.query<Account>({ account: { id } });
const uact = (n: number): Coin[] => [{ denom: "uact", amount: n.toString() }];

describe("escrow adversarial: heavy grants (item 1)", () => {
  it("refuses a grant with more scopes than max_scopes, changing nothing", async () => {
    const e = await setupEscrow();
    const before = await e.balance("sponsor");
    const scopes = Array.from({ length: MAX_SCOPES + 1 }, (_, i) => longId(i));
    await expect(e.exec("sponsor", { grant: { grantee: e.addr.alice, scopes } }, uakt(MIN))).rejects.toThrow(
      `invalid scopes: at most ${MAX_SCOPES} account ids`,
    );
    await expect(e.query({ grant: { sponsor: e.addr.sponsor, grantee: e.addr.alice } })).rejects.toThrow(
      "no grant from",
    );
    expect(await e.balance("sponsor")).toBe(before);
  });

  it("grant-funded entries cannot brick the owner's close: every depositor gets its remainder back", async () => {
    const e = await setupEscrow();
    await e.exec("owner", { create_account: { id: "victim" } }, uakt(MIN));
    await e.exec("alice", { deposit: { id: "victim" } }, uakt(MIN));
    // Each attacker funds a grant to its own accomplice with as many scopes as fit in a stored value (~20,000 short
    // ids), and the accomplice deposits through it: every refund at close then loads one such grant.
    const sponsors = attackers(e, 16);
    const accomplices = sponsors.map((_, i) => e.chain.addressFor(`accomplice-${i}`));
    const heavy = Array.from({ length: 20_000 }, (_, i) => i.toString(36)).concat(["victim"]);
    for (let i = 0; i < sponsors.length; i++) {
      const grant = (scopes: string[]): Promise<unknown> =>
        e.exec(sponsors[i]!, { grant: { grantee: accomplices[i], scopes } }, uakt(MIN));
      // Over the bound the grant is refused; the attacker settles for the largest accepted one.
      await grant(heavy).catch(() => grant(heavy.slice(heavy.length - MAX_SCOPES)));
      await e.exec(accomplices[i]!, {
        deposit: { id: "victim", amount: { denom: "uakt", amount: String(MIN) }, sources: ["grant"] },
      });
    }
    const aliceBefore = await e.balance("alice");
    const ownerBefore = await e.balance("owner");
    await e.exec("owner", { close_account: { id: "victim" } });
    expect((await account(e, "victim")).state).toBe("closed");
    expect(await e.balance("alice")).toBe(aliceBefore + BigInt(MIN));
    expect(await e.balance("owner")).toBe(ownerBefore + BigInt(MIN));
    expect(await e.balance(e.contract)).toBe(BigInt(MIN * sponsors.length));
  });
});

describe("escrow adversarial: unsolicited grants (item 2)", () => {
  it("a grantee that names its sponsor draws from it whatever others granted it", async () => {
    const e = await setupEscrow();
    const honest = e.addr.sponsor;
    const spam = attackers(e, 35, honest);
    const scopes = Array.from({ length: MAX_SCOPES }, (_, i) => longId(i));
    for (const s of spam) await e.exec(s, { grant: { grantee: e.addr.alice, scopes } }, uakt(1));
    await e.exec("sponsor", { grant: { grantee: e.addr.alice } }, uakt(2_000_000));
    await e.exec("alice", {
      create_account: {
        id: "a1",
        amount: { denom: "uakt", amount: "1000000" },
        sources: ["grant"],
        sponsors: [honest],
      },
    });
    expect((await deposits(e, "a1")).map((d) => [d.depositor, d.source, d.amount])).toEqual([
      [honest, "grant", "1000000"],
    ]);
    // The listing stays answerable at its largest page.
    const page = await e.query<{ grants: unknown[] }>({ grants_by_grantee: { grantee: e.addr.alice, limit: 30 } });
    expect(page.grants).toHaveLength(30);
  });

  it("a sponsor the grantee did not name is never drawn, even when it sorts first", async () => {
    const e = await setupEscrow();
    const [spam] = attackers(e, 1, e.addr.sponsor);
    await e.exec(spam!, { grant: { grantee: e.addr.alice } }, uakt(5_000_000));
    await e.exec("sponsor", { grant: { grantee: e.addr.alice } }, uakt(2_000_000));
    await e.exec("alice", {
      create_account: {
        id: "a1",
        amount: { denom: "uakt", amount: "1000000" },
        sources: ["grant"],
        sponsors: [e.addr.sponsor],
      },
    });
    const g = await e.query<{ balances: { amount: string }[] }>({ grant: { sponsor: spam, grantee: e.addr.alice } });
    expect(g.balances[0]!.amount).toBe("5000000");
  });

  it("refuses a sponsor list that is too long or repeats a sponsor", async () => {
    const e = await setupEscrow();
    await e.exec("sponsor", { grant: { grantee: e.addr.alice } }, uakt(2_000_000));
    const fund = (sponsors: string[]): Promise<unknown> =>
      e.exec("alice", {
        create_account: { id: "a1", amount: { denom: "uakt", amount: "1000000" }, sources: ["grant"], sponsors },
      });
    await expect(fund([e.addr.sponsor, e.addr.sponsor])).rejects.toThrow("duplicate sponsor");
    await expect(fund(["x".repeat(70_000)])).rejects.toThrow("invalid sponsors: ");
    await expect(fund(Array.from({ length: 31 }, () => e.addr.sponsor))).rejects.toThrow(
      "invalid sponsors: at most 30 addresses",
    );
    await expect(e.query({ account: { id: "a1" } })).rejects.toThrow("not found");
  });
});

describe("escrow adversarial: dust entries and alert slots (item 3)", () => {
  it("dust grants do not become entries of the owner's account, so their sponsors cannot take alert slots", async () => {
    const e = await setupEscrow();
    const spam = attackers(e, 12, e.addr.sponsor);
    for (const s of spam) await e.exec(s, { grant: { grantee: e.addr.owner } }, uakt(1));
    await e.exec("sponsor", { grant: { grantee: e.addr.owner } }, uakt(2_000_000));
    await e.exec("owner", {
      create_account: { id: "o1", amount: { denom: "uakt", amount: "1000000" }, sources: ["grant"] },
    });
    const ds = await deposits(e, "o1");
    expect(ds.map((d) => d.depositor)).toEqual([e.addr.sponsor]);
    for (const s of spam) {
      await expect(e.exec(s, { set_alert: { id: "o1", denom: "uakt", below: { amount: "1" } } })).rejects.toThrow(
        "only the account owner or a depositor can set alerts",
      );
    }
    await e.exec("owner", { set_alert: { id: "o1", denom: "uakt", below: { amount: "10" } } });
    expect((await account(e, "o1")).alert_count).toBe(1);
    // The dust stays in the attackers' grants.
    const g = await e.query<{ balances: { amount: string }[] }>({ grant: { sponsor: spam[0], grantee: e.addr.owner } });
    expect(g.balances[0]!.amount).toBe("1");
  });

  it("a new entry below min_deposit is refused whoever sends it when its depositor is not the owner", async () => {
    const e = await setupEscrow();
    await e.exec("sponsor", { grant: { grantee: e.addr.owner } }, uakt(100));
    await e.exec("owner", { create_account: { id: "o1" } }, uakt(MIN));
    await expect(
      e.exec("owner", {
        deposit: { id: "o1", amount: { denom: "uakt", amount: "100" }, sources: ["grant"], sponsors: [e.addr.sponsor] },
      }),
    ).rejects.toThrow("insufficient funds: 100uakt not covered by the listed sources");
    expect((await deposits(e, "o1")).map((d) => d.depositor)).toEqual([e.addr.owner]);
  });

  it("the owner can remove the alerts depositors put on its account and then set its own", async () => {
    const e = await setupEscrow({ limits: { max_deposits: 50, max_payments: 10, max_alerts: 3 } });
    await e.exec("owner", { create_account: { id: "o1" } }, uakt(MIN));
    await e.exec("alice", { deposit: { id: "o1" } }, uakt(MIN));
    for (const below of [{ amount: "1" }, { blocks_left: 1 }, { percent_of_peak: "1" }]) {
      await e.exec("alice", { set_alert: { id: "o1", denom: "uakt", below } });
    }
    await expect(e.exec("owner", { set_alert: { id: "o1", denom: "uakt", below: { amount: "10" } } })).rejects.toThrow(
      "account has too many alerts (max 3)",
    );
    await expect(
      e.exec("bob", { remove_alert: { id: "o1", denom: "uakt", kind: "amount", registrant: e.addr.alice } }),
    ).rejects.toThrow("only the account owner can do this");
    await e.exec("owner", { remove_alert: { id: "o1", denom: "uakt", kind: "amount", registrant: e.addr.alice } });
    await e.exec("owner", { set_alert: { id: "o1", denom: "uakt", below: { amount: "10" } } });
    const alerts = await e.query<{ alerts: { registrant: string; kind: string }[] }>({ alerts: { id: "o1" } });
    expect(alerts.alerts.map((a) => [a.registrant, a.kind]).sort()).toEqual(
      [
        [e.addr.alice, "blocks_left"],
        [e.addr.alice, "percent_of_peak"],
        [e.addr.owner, "amount"],
      ].sort(),
    );
  });
});

describe("escrow adversarial: overdrawn accounts and foreign denoms (item 5)", () => {
  const TWO_DENOMS = {
    denoms: [
      { denom: "uakt", min_deposit: String(MIN) },
      { denom: "uact", min_deposit: String(MIN) },
    ],
  };

  async function overdrawn(e: EscrowEnv): Promise<void> {
    await e.exec("owner", { create_account: { id: "d1" } }, uakt(MIN));
    await e.exec("owner", {
      create_payment: { id: "d1", payment_id: "p1", provider: e.addr.provider, denom: "uakt", rate: "1000" },
    });
    e.chain.advanceBlocks(600);
    await e.exec("stranger", { settle: { id: "d1" } });
    const a = await account(e, "d1");
    expect(a.state).toBe("overdrawn");
    expect(a.funds.find((f) => f.denom === "uakt")!.debt).toBe("100000");
  }

  it("a deposit in another denom does not write the debt off", async () => {
    const e = await setupEscrow(TWO_DENOMS);
    await overdrawn(e);
    const before = await e.balance("stranger", "uact");
    await expect(e.exec("stranger", { deposit: { id: "d1" } }, uact(MIN))).rejects.toThrow(
      "account is overdrawn and owes no `uact`: deposit the owed denom",
    );
    expect(await e.balance("stranger", "uact")).toBe(before);
    const a = await account(e, "d1");
    expect(a.state).toBe("overdrawn");
    expect(a.funds.find((f) => f.denom === "uakt")!.debt).toBe("100000");
  });

  it("a deposit that pays only part of the debt keeps the account overdrawn; paying the rest closes it", async () => {
    const e = await setupEscrow(TWO_DENOMS);
    await overdrawn(e);
    const provider = await e.balance("provider");
    await e.exec("owner", { deposit: { id: "d1" } }, uakt(40_000));
    let a = await account(e, "d1");
    expect(a.state).toBe("overdrawn");
    expect(a.funds.find((f) => f.denom === "uakt")!.debt).toBe("60000");
    expect(await e.balance("provider")).toBe(provider + 40_000n);
    await e.exec("owner", { deposit: { id: "d1" } }, uakt(70_000));
    a = await account(e, "d1");
    expect(a.state).toBe("closed");
    expect(await e.balance("provider")).toBe(provider + 100_000n);
    expect(await e.balance(e.contract)).toBe(0n);
  });

  it("debts in two denoms: paying one leaves the account overdrawn", async () => {
    const e = await setupEscrow(TWO_DENOMS);
    await e.exec("owner", { create_account: { id: "d1" } }, uakt(MIN));
    await e.exec("owner", { deposit: { id: "d1" } }, uact(MIN));
    for (const [pid, denom] of [
      ["p1", "uakt"],
      ["p2", "uact"],
    ] as const) {
      await e.exec("owner", {
        create_payment: { id: "d1", payment_id: pid, provider: e.addr.provider, denom, rate: "1000" },
      });
    }
    e.chain.advanceBlocks(600);
    await e.exec("stranger", { settle: { id: "d1" } });
    expect((await account(e, "d1")).state).toBe("overdrawn");
    await e.exec("stranger", { deposit: { id: "d1" } }, uakt(MIN));
    const a = await account(e, "d1");
    expect(a.state).toBe("overdrawn");
    expect(a.funds.find((f) => f.denom === "uakt")!.debt).toBe("0");
    expect(a.funds.find((f) => f.denom === "uact")!.debt).toBe("100000");
  });
});

describe("escrow adversarial: dust and bombs", () => {
  it("a stranger cannot add dust entries, so the entry list cannot be filled for free", async () => {
    const e = await setupEscrow();
    await e.exec("owner", { create_account: { id: "v1" } }, uakt(MIN));
    const before = await e.balance("stranger");
    await expect(e.exec("stranger", { deposit: { id: "v1" } }, uakt(MIN - 1))).rejects.toThrow(
      `a deposit from someone other than the owner must be at least ${MIN}uakt unless it tops up its own entry`,
    );
    expect(await e.balance("stranger")).toBe(before);
    expect((await deposits(e, "v1")).map((d) => d.depositor)).toEqual([e.addr.owner]);
  });

  it("without named sponsors, a heavy grant sorting first does not stop the grantee's draw", async () => {
    const e = await setupEscrow();
    const [spam] = attackers(e, 1, e.addr.sponsor);
    const scopes = Array.from({ length: MAX_SCOPES }, (_, i) => longId(i));
    await e.exec(spam!, { grant: { grantee: e.addr.alice, scopes } }, uakt(MIN));
    await e.exec("sponsor", { grant: { grantee: e.addr.alice } }, uakt(MIN));
    await e.exec("alice", {
      create_account: { id: "a1", amount: { denom: "uakt", amount: String(MIN) }, sources: ["grant"] },
    });
    expect((await deposits(e, "a1")).map((d) => d.depositor)).toEqual([e.addr.sponsor]);
  });

  it("max_scopes is configuration: validated, reported, and raising it stays under a ceiling", async () => {
    const e = await setupEscrow();
    const cfg = await e.query<{ limits: { max_scopes: number } }>({ config: {} });
    expect(cfg.limits.max_scopes).toBe(MAX_SCOPES);
    const limits = (maxScopes: number) => ({
      update_config: { limits: { max_deposits: 50, max_payments: 10, max_alerts: 10, max_scopes: maxScopes } },
    });
    await expect(e.exec(e.chain.govAddress, limits(0))).rejects.toThrow("limits must be greater than zero");
    await expect(e.exec(e.chain.govAddress, limits(101))).rejects.toThrow("invalid limits.max_scopes: at most 100");
    expect((await e.query<{ limits: { max_scopes: number } }>({ config: {} })).limits.max_scopes).toBe(MAX_SCOPES);
    await e.exec(e.chain.govAddress, limits(2));
    await expect(
      e.exec("sponsor", { grant: { grantee: e.addr.alice, scopes: ["a", "b", "c"] } }, uakt(MIN)),
    ).rejects.toThrow("invalid scopes: at most 2 account ids");
  });
});

describe("escrow adversarial: replay and repeated calls", () => {
  it("closing twice, revoking twice and re-creating a closed id all fail without moving money", async () => {
    const e = await setupEscrow();
    await e.exec("owner", { create_account: { id: "r1" } }, uakt(MIN));
    await e.exec("sponsor", { grant: { grantee: e.addr.alice } }, uakt(MIN));
    await e.exec("owner", { close_account: { id: "r1" } });
    await e.exec("sponsor", { revoke_grant: { grantee: e.addr.alice } });
    const owner = await e.balance("owner");
    const sponsor = await e.balance("sponsor");
    await expect(e.exec("owner", { close_account: { id: "r1" } })).rejects.toThrow("account is closed");
    await expect(e.exec("sponsor", { revoke_grant: { grantee: e.addr.alice } })).rejects.toThrow("no grant from");
    await expect(e.exec("owner", { create_account: { id: "r1" } }, uakt(MIN))).rejects.toThrow(
      "account `r1` already exists",
    );
    expect(await e.balance("owner")).toBe(owner);
    expect(await e.balance("sponsor")).toBe(sponsor);
    expect(await e.balance(e.contract)).toBe(0n);
  });
});

describe("escrow adversarial: CW20 tokens (the receive hook)", () => {
  const b64 = (j: unknown): string => Buffer.from(JSON.stringify(j)).toString("base64");
  const snap = (x: unknown): string => JSON.stringify(x, (_k, v: unknown) => (typeof v === "bigint" ? `${v}` : v));

  it("only the allow-listed token contract credits its denom: a copy of the same code, or a wallet, cannot", async () => {
    const e = await setupEscrow();
    const act = await addToken(e);
    const copy = await addToken(e, { listed: false });
    await act.send("owner", MIN, { create_account: { id: "v" } });
    const before = snap([await deposits(e, "v"), await act.balance(e.contract), await copy.balance("bob")]);
    // Same code, other address: its `cw20:<copy>` denom is not listed, whatever the token calls itself.
    await expect(copy.send("bob", MIN, { deposit: { id: "v" } })).rejects.toThrow(
      `denom \`cw20:${copy.token}\` is not accepted`,
    );
    // A wallet forging the hook names itself as the token, and claims someone else's tokens as the sender.
    const forged = { receive: { sender: e.addr.owner, amount: String(MIN), msg: b64({ deposit: { id: "v" } }) } };
    await expect(e.exec("bob", forged)).rejects.toThrow(`denom \`cw20:${e.addr.bob}\` is not accepted`);
    // The account's own token is refused as a forged hook too: the caller must be the token contract itself.
    await expect(e.exec("bob", { ...forged, receive: { ...forged.receive, sender: e.addr.bob } })).rejects.toThrow(
      "is not accepted",
    );
    expect(snap([await deposits(e, "v"), await act.balance(e.contract), await copy.balance("bob")])).toBe(before);
  });

  it("bank coins spelled like a token's denom are never credited as that token", async () => {
    const e = await setupEscrow();
    const act = await addToken(e);
    await act.send("owner", MIN, { create_account: { id: "v" } });
    const fake: Coin[] = [{ denom: act.denom, amount: String(MIN) }];
    e.chain.fund(e.addr.stranger, fake);
    const before = snap([await deposits(e, "v"), await act.balance(e.contract)]);
    for (const msg of [
      { deposit: { id: "v" } },
      { create_account: { id: "w" } },
      { grant: { grantee: e.addr.owner } },
    ]) {
      await expect(e.exec("stranger", msg, fake)).rejects.toThrow(`denom \`${act.denom}\` is not accepted`);
    }
    expect(snap([await deposits(e, "v"), await act.balance(e.contract)])).toBe(before);
    expect(await e.balance("stranger", act.denom)).toBe(BigInt(MIN));
  });

  it("a provider or depositor that is a contract is paid by transfer, never called, so it cannot block payouts", async () => {
    const e = await setupEscrow();
    const act = await addToken(e);
    // The unlisted token is a contract that would reject any `receive` call: as payee it must still be paid.
    const trap = await addToken(e, { listed: false });
    await act.send("owner", 2 * MIN, { create_account: { id: "v" } });
    await e.exec("owner", {
      create_payment: { id: "v", payment_id: "p", provider: trap.token, denom: act.denom, rate: "1000" },
    });
    e.chain.advanceBlocks(100);
    const r = await e.exec("owner", { close_account: { id: "v" } });
    expect(await act.balance(trap.token)).toBe(100_000n);
    expect(await act.balance("owner")).toBe(FUNDING_CW20 - 100_000n);
    expect(r.events.filter((x) => x.type === "wasm" && x.attributes.some((a) => a.value === "transfer"))).toHaveLength(
      2,
    );
  });

  it("removing a token from the allow-list stops new deposits only: payments and refunds in it still go out", async () => {
    const e = await setupEscrow();
    const act = await addToken(e);
    await act.send("owner", MIN, { create_account: { id: "v" } });
    await act.send("alice", MIN, { deposit: { id: "v" } });
    await e.exec("owner", {
      create_payment: { id: "v", payment_id: "p", provider: e.addr.provider, denom: act.denom, rate: "1000" },
    });
    await e.exec(e.chain.govAddress, { update_config: { denoms: [{ denom: "uakt" }] } });
    await expect(act.send("bob", MIN, { deposit: { id: "v" } })).rejects.toThrow(
      `denom \`${act.denom}\` is not accepted`,
    );
    e.chain.advanceBlocks(10);
    await e.exec("owner", { close_account: { id: "v" } });
    expect(await act.balance("provider")).toBe(FUNDING_CW20 + 10_000n);
    expect(await act.balance("alice")).toBe(FUNDING_CW20);
    expect(await act.balance(e.contract)).toBe(0n);
  });

  it("governance cannot list a malformed token or more than 10 denoms; nothing changes", async () => {
    const e = await setupEscrow();
    const cfg = JSON.stringify(await e.query({ config: {} }));
    const gov = (denoms: { denom: string }[]) => e.exec(e.chain.govAddress, { update_config: { denoms } });
    await expect(gov([{ denom: "uakt" }, { denom: "cw20:notanaddress" }])).rejects.toThrow("invalid denoms: ");
    const many = Array.from({ length: 11 }, (_, i) => ({ denom: `ucoin${i}` }));
    await expect(gov(many)).rejects.toThrow("invalid denoms: at most 10");
    expect(JSON.stringify(await e.query({ config: {} }))).toBe(cfg);
  });
});
