/**
 * Escrow contract on the embedded chain: the Akash rules (AEP-75 multi-depositor escrow) and this contract's own
 * additions (pro-rata shortfall, carried accrual, alerts, reverse-index queries, limits, governance config).
 */
import { describe, expect, it } from "vitest";
import {
  FUNDING,
  addToken,
  eventsOf,
  itemsOf,
  setupEscrow,
  uakt,
  type EscrowEnv,
} from "../../helpers/escrow-fixture.js";
import { embeddedBackend } from "../../../scripts/bench/backends.js";
import { withBackend } from "../../helpers/suite.js";
import { escrowSuite } from "./suite.js";

interface Deposit {
  seq: number;
  depositor: string;
  source: string;
  denom: string;
  amount: string;
  deposited: string;
}
interface Payment {
  payment_id: string;
  state: string;
  balance: string;
  unsettled: string;
  withdrawn: string;
  carry: string;
}
interface Account {
  id: string;
  owner: string;
  state: string;
  funds: { denom: string; amount: string; debt: string; transferred: string; peak: string }[];
}
interface Grant {
  sponsor: string;
  grantee: string;
  balances: { denom: string; amount: string }[];
}

const deposits = async (e: EscrowEnv, id: string): Promise<Deposit[]> =>
  (await e.query<{ deposits: Deposit[] }>({ deposits: { id } })).deposits;
const payment = (e: EscrowEnv, id: string, pid: string): Promise<Payment> =>
  e.query<Payment>({ payment: { id, payment_id: pid } });
const grantOf = (e: EscrowEnv, sponsor: string, grantee: string): Promise<Grant> =>
  e.query<Grant>({ grant: { sponsor, grantee } });

async function openLease(e: EscrowEnv, id: string, amount: number, rate: string, pid = "p1"): Promise<void> {
  await e.exec("owner", { create_account: { id } }, uakt(amount));
  await e.exec("owner", { create_payment: { id, payment_id: pid, provider: e.addr.provider, denom: "uakt", rate } });
}

// The core behaviour shared with wasmd (test/localnode/contracts.test.ts); below, what needs the embedded chain's
// block control (thousands of blocks at once), several denoms or its gas figures.
describe("escrow suite on the embedded chain", () => {
  const chain = withBackend(embeddedBackend);
  escrowSuite(() => chain.backend);
});

// As on wasmd, every tx in a block of its own: the suite must not depend on how many blocks pass between its calls.
describe("escrow suite on the embedded chain, one block per tx", () => {
  const chain = withBackend(() => embeddedBackend({ autoAdvance: true }));
  escrowSuite(() => chain.backend);
});

describe("escrow: Akash rules", () => {
  it("draws grants in sponsor-address order and honours scopes", async () => {
    const e = await setupEscrow();
    const [first, second] = [e.addr.sponsor, e.addr.bob].sort();
    await e.exec(first!, { grant: { grantee: e.addr.owner, scopes: ["only-this"] } }, uakt(600_000));
    await e.exec(second!, { grant: { grantee: e.addr.owner } }, uakt(600_000));
    const amount = { denom: "uakt", amount: "1100000" };
    // Out of scope for "other": only the second sponsor's 600,000 is available.
    await expect(e.exec("owner", { create_account: { id: "other", amount, sources: ["grant"] } })).rejects.toThrow(
      "insufficient funds: 500000uakt not covered by the listed sources",
    );
    await e.exec("owner", { create_account: { id: "only-this", amount, sources: ["grant"] } });
    expect((await deposits(e, "only-this")).map((d) => [d.depositor, d.amount])).toEqual([
      [first, "600000"],
      [second, "500000"],
    ]);
    expect(
      (await e.query<{ accounts: Account[] }>({ accounts_by_depositor: { depositor: second! } })).accounts.map(
        (a) => a.id,
      ),
    ).toEqual(["only-this"]);
  });

  it("after a revoke, a grant deposit's refund goes to the sponsor's wallet", async () => {
    const e = await setupEscrow();
    await e.exec("sponsor", { grant: { grantee: e.addr.owner } }, uakt(1_500_000));
    await e.exec("owner", {
      create_account: { id: "r1", amount: { denom: "uakt", amount: "1000000" }, sources: ["grant"] },
    });
    await e.exec("owner", {
      create_payment: { id: "r1", payment_id: "p1", provider: e.addr.provider, denom: "uakt", rate: "1000" },
    });
    const s0 = await e.balance("sponsor");
    await e.exec("sponsor", { revoke_grant: { grantee: e.addr.owner } });
    expect(await e.balance("sponsor")).toBe(s0 + 500_000n);
    await expect(grantOf(e, e.addr.sponsor, e.addr.owner)).rejects.toThrow(
      `no grant from ${e.addr.sponsor} to ${e.addr.owner}`,
    );
    e.chain.advanceBlocks(300);
    const res = await e.exec("owner", { close_account: { id: "r1" } });
    expect(itemsOf(res, "wasm-escrow_refund", "refunds")).toEqual([
      ["1", e.addr.sponsor, "grant", "700000uakt", "wallet"],
    ]);
    expect(await e.balance("sponsor")).toBe(s0 + 500_000n + 700_000n);
  });

  it("an expired grant cannot be drawn and its refunds go to the sponsor", async () => {
    const e = await setupEscrow();
    const h = e.chain.height;
    await e.exec("sponsor", { grant: { grantee: e.addr.owner, expires_at: { at_height: h + 5 } } }, uakt(900_000));
    await e.exec("owner", {
      create_account: { id: "x1", amount: { denom: "uakt", amount: "600000" }, sources: ["grant"] },
    });
    e.chain.advanceBlocks(5);
    await expect(
      e.exec("owner", { deposit: { id: "x1", amount: { denom: "uakt", amount: "1" }, sources: ["grant"] } }),
    ).rejects.toThrow("insufficient funds: 1uakt not covered by the listed sources");
    const s0 = await e.balance("sponsor");
    await e.exec("owner", { close_account: { id: "x1" } });
    expect(await e.balance("sponsor")).toBe(s0 + 600_000n);
  });
});

describe("escrow: settlement arithmetic", () => {
  it("splits a shortfall pro rata by what each payment was owed", async () => {
    const e = await setupEscrow();
    await e.exec("owner", { create_account: { id: "pr" } }, uakt(500_000));
    await e.exec("owner", {
      create_payment: { id: "pr", payment_id: "a", provider: e.addr.provider, denom: "uakt", rate: "600" },
    });
    await e.exec("owner", {
      create_payment: { id: "pr", payment_id: "b", provider: e.addr.provider2, denom: "uakt", rate: "400" },
    });
    e.chain.advanceBlocks(600); // owed 360,000 + 240,000 = 600,000 > 500,000
    await e.exec("stranger", { settle: { id: "pr" } });
    expect(await e.balance("provider")).toBe(FUNDING + 300_000n);
    expect(await e.balance("provider2")).toBe(FUNDING + 200_000n);
    expect((await payment(e, "pr", "a")).unsettled).toBe("60000");
    expect((await payment(e, "pr", "b")).unsettled).toBe("40000");
  });

  it("hands the rounding leftover to the largest remainder, so the split conserves funds exactly", async () => {
    const e = await setupEscrow();
    await e.exec("owner", { create_account: { id: "lr" } }, uakt(500_002));
    for (const pid of ["a", "b", "c"]) {
      await e.exec("owner", {
        create_payment: { id: "lr", payment_id: pid, provider: e.addr.provider, denom: "uakt", rate: "1000000" },
      });
    }
    e.chain.advanceBlocks(1);
    await e.exec("stranger", { settle: { id: "lr" } });
    // 500,002 among three equal claims: floors 166,667 each (500,001); the leftover unit goes to the largest
    // remainder, a tie here, so to the earliest payment.
    const ws = await Promise.all(["a", "b", "c"].map((p) => payment(e, "lr", p)));
    expect(ws.map((p) => p.withdrawn)).toEqual(["166668", "166667", "166667"]);
    expect(await e.balance(e.contract)).toBe(0n);
  });

  it("carries the fractional remainder: ⌊rate × blocks⌋ whatever the settle frequency", async () => {
    const e = await setupEscrow();
    await openLease(e, "f1", 500_000, "0.3");
    for (let i = 0; i < 10; i++) {
      e.chain.advanceBlocks(1);
      await e.exec("stranger", { settle: { id: "f1" } });
    }
    expect(await payment(e, "f1", "p1")).toMatchObject({ balance: "3", carry: "0" });
    e.chain.advanceBlocks(7);
    await e.exec("provider", { withdraw: { id: "f1", payment_id: "p1" } });
    expect(await payment(e, "f1", "p1")).toMatchObject({ balance: "0", withdrawn: "5", carry: "0.1" });
  });
});

describe("escrow: queries", () => {
  it("lists through reverse indexes with pagination", async () => {
    const e = await setupEscrow();
    for (const id of ["q1", "q2", "q3"]) await e.exec("owner", { create_account: { id } }, uakt(500_000));
    await e.exec("alice", { deposit: { id: "q2" } }, uakt(500_000));
    await e.exec("owner", {
      create_payment: { id: "q1", payment_id: "p1", provider: e.addr.provider, denom: "uakt", rate: "1" },
    });
    await e.exec("owner", {
      create_payment: { id: "q3", payment_id: "p1", provider: e.addr.provider, denom: "uakt", rate: "1" },
    });
    await e.exec("sponsor", { grant: { grantee: e.addr.alice } }, uakt(5));
    await e.exec("sponsor", { grant: { grantee: e.addr.bob } }, uakt(6));
    const ids = (r: { accounts: Account[] }): string[] => r.accounts.map((a) => a.id);
    expect(ids(await e.query({ accounts_by_owner: { owner: e.addr.owner, limit: 2 } }))).toEqual(["q1", "q2"]);
    expect(ids(await e.query({ accounts_by_owner: { owner: e.addr.owner, start_after: "q2" } }))).toEqual(["q3"]);
    expect(ids(await e.query({ accounts_by_depositor: { depositor: e.addr.alice } }))).toEqual(["q2"]);
    const byProvider = await e.query<{ payments: { id: string }[] }>({
      payments_by_provider: { provider: e.addr.provider, start_after: { id: "q1", payment_id: "p1" } },
    });
    expect(byProvider.payments.map((p) => p.id)).toEqual(["q3"]);
    const bySponsor = await e.query<{ grants: Grant[] }>({ grants_by_sponsor: { sponsor: e.addr.sponsor } });
    expect(bySponsor.grants.map((g) => g.grantee).sort()).toEqual([e.addr.alice, e.addr.bob].sort());
    const byGrantee = await e.query<{ grants: Grant[] }>({ grants_by_grantee: { grantee: e.addr.bob } });
    expect(byGrantee.grants.map((g) => g.balances)).toEqual([[{ denom: "uakt", amount: "6" }]]);
    const many = await e.query<{ accounts: Account[] }>({ accounts_by_owner: { owner: e.addr.owner, limit: 1000 } });
    expect(many.accounts).toHaveLength(3);
  });

  it("account_health: projected balance, burn rate, blocks and seconds left", async () => {
    const e = await setupEscrow({ block_time: "6.5" });
    await openLease(e, "h1", 1_000_000, "250");
    e.chain.advanceBlocks(1_000);
    const h = await e.query<{ denoms: Record<string, unknown>[] }>({ account_health: { id: "h1" } });
    expect(h.denoms[0]).toEqual({
      denom: "uakt",
      balance: "750000",
      burn_rate: "250",
      blocks_left: 3000,
      seconds_left: 19500,
      peak: "1000000",
      debt: "0",
    });
  });
});

describe("escrow: alerts", () => {
  it("fires once per crossing and re-arms when the balance rises again", async () => {
    const e = await setupEscrow();
    await openLease(e, "al", 1_000_000, "1000");
    await expect(
      e.exec("stranger", { set_alert: { id: "al", denom: "uakt", below: { blocks_left: 500 } } }),
    ).rejects.toThrow("unauthorized: only the account owner or a depositor can set alerts");
    await e.exec("owner", { set_alert: { id: "al", denom: "uakt", below: { blocks_left: 500 } } });
    await e.exec("owner", { set_alert: { id: "al", denom: "uakt", below: { percent_of_peak: "25" } } });
    e.chain.advanceBlocks(600); // 400 blocks left
    const s1 = await e.exec("stranger", { settle: { id: "al" } });
    expect(eventsOf(s1, "wasm-escrow_alert").map((a) => [a.kind, a.blocks_left, a.balance])).toEqual([
      ["blocks_left", "400", "400000"],
    ]);
    e.chain.advanceBlocks(200);
    const s2 = await e.exec("stranger", { settle: { id: "al" } });
    expect(eventsOf(s2, "wasm-escrow_alert").map((a) => [a.kind, a.threshold])).toEqual([
      ["percent_of_peak", "250000"],
    ]);
    const s3 = await e.exec("stranger", { settle: { id: "al" } });
    expect(eventsOf(s3, "wasm-escrow_alert")).toEqual([]);
    await e.exec("alice", { deposit: { id: "al" } }, uakt(2_000_000)); // re-arms both
    e.chain.advanceBlocks(1_900); // 2,200,000 − 1,900,000 = 300,000 left: 300 blocks
    const s4 = await e.exec("stranger", { settle: { id: "al" } });
    expect(eventsOf(s4, "wasm-escrow_alert").map((a) => a.kind)).toEqual(["blocks_left", "percent_of_peak"]);
    const list = await e.query<{ alerts: { fired: number }[] }>({ alerts: { id: "al" } });
    expect(list.alerts.map((a) => a.fired)).toEqual([2, 2]);
    await e.exec("owner", { remove_alert: { id: "al", denom: "uakt", kind: "blocks_left" } });
    await expect(e.exec("owner", { remove_alert: { id: "al", denom: "uakt", kind: "blocks_left" } })).rejects.toThrow(
      "no `blocks_left` alert for uakt",
    );
  });

  it("an alert set while already below fires at once; an overdraft fires amount alerts", async () => {
    const e = await setupEscrow();
    await openLease(e, "a2", 600_000, "1000");
    const r = await e.exec("owner", { set_alert: { id: "a2", denom: "uakt", below: { amount: "700000" } } });
    expect(eventsOf(r, "wasm-escrow_alert")).toHaveLength(1);
    const e2 = await setupEscrow();
    await openLease(e2, "a3", 600_000, "1000");
    await e2.exec("owner", { set_alert: { id: "a3", denom: "uakt", below: { amount: "1" } } });
    e2.chain.advanceBlocks(700);
    const s = await e2.exec("stranger", { settle: { id: "a3" } });
    expect(eventsOf(s, "wasm-escrow_alert")[0]).toMatchObject({ kind: "amount", balance: "0", blocks_left: "0" });
  });
});

describe("escrow: limits and governance", () => {
  it("bounds deposits and payments per account", async () => {
    const e = await setupEscrow({ limits: { max_deposits: 2, max_payments: 1, max_alerts: 1 } });
    await e.exec("owner", { create_account: { id: "l" } }, uakt(500_000));
    await e.exec("alice", { deposit: { id: "l" } }, uakt(500_000));
    await expect(e.exec("bob", { deposit: { id: "l" } }, uakt(500_000))).rejects.toThrow(
      "account has too many deposit entries (max 2)",
    );
    await e.exec("owner", {
      create_payment: { id: "l", payment_id: "p1", provider: e.addr.provider, denom: "uakt", rate: "1" },
    });
    await expect(
      e.exec("owner", {
        create_payment: { id: "l", payment_id: "p2", provider: e.addr.provider, denom: "uakt", rate: "1" },
      }),
    ).rejects.toThrow("account has too many open payments (max 1)");
    await e.exec("owner", { close_payment: { id: "l", payment_id: "p1" } });
    await e.exec("owner", {
      create_payment: { id: "l", payment_id: "p2", provider: e.addr.provider, denom: "uakt", rate: "1" },
    });
  });

  it("update_config is governance-only; migrate runs through the wasmd admin", async () => {
    const e = await setupEscrow();
    const update = { update_config: { denoms: [{ denom: "uakt" }, { denom: "uact", min_deposit: "1000" }] } };
    await expect(e.exec("owner", update)).rejects.toThrow("unauthorized: only the admin can do this");
    await e.chain.asGov().execute(e.chain.govAddress, e.contract, update, "auto");
    const cfg = await e.query<{ denoms: unknown[] }>({ config: {} });
    expect(cfg.denoms).toEqual([
      { denom: "uakt", min_deposit: "500000" },
      { denom: "uact", min_deposit: "1000" },
    ]);
    await e.exec("owner", { create_account: { id: "act" } }, [{ denom: "uact", amount: "1000" }]);
    await e.chain.asGov().migrate(e.chain.govAddress, e.contract, e.codeId, {}, "auto");
  });
});

const MAX_DEPOSITS = 50;

describe("escrow: gas bounds (wasmd's gas, as the embedded chain charges it)", () => {
  it("stays bounded at the default maxima (50 deposits, 10 payments, 10 alerts)", async () => {
    const e = await setupEscrow();
    const gas: Record<string, number> = {};
    const note = async (label: string, p: Promise<{ gasUsed: bigint }>): Promise<void> => {
      gas[label] = Number((await p).gasUsed);
    };
    await note("create_account", e.exec("owner", { create_account: { id: "big" } }, uakt(5_000_000)));
    const depositors = Array.from({ length: MAX_DEPOSITS - 1 }, (_, i) => e.chain.addressFor(`depositor-${i}`));
    for (const d of depositors) {
      e.chain.fund(d, uakt(1_000_000));
      await e.exec(d, { deposit: { id: "big" } }, uakt(500_000));
    }
    for (let i = 0; i < 10; i++) {
      await note(
        "create_payment",
        e.exec("owner", {
          create_payment: { id: "big", payment_id: `p${i}`, provider: e.addr.provider, denom: "uakt", rate: "1000.5" },
        }),
      );
    }
    for (let i = 0; i < 10; i++) {
      const who = i < 3 ? e.addr.owner : depositors[i]!;
      const below = [{ amount: "1" }, { blocks_left: 1 }, { percent_of_peak: "1" }][i % 3]!;
      await e.exec(who, { set_alert: { id: "big", denom: "uakt", below } });
    }
    await note("deposit (merge, 50 entries)", e.exec(depositors[0]!, { deposit: { id: "big" } }, uakt(1)));
    e.chain.advanceBlocks(100);
    await note("settle (10 payments, 10 alerts)", e.exec("stranger", { settle: { id: "big" } }));
    await note("withdraw", e.exec("provider", { withdraw: { id: "big", payment_id: "p0" } }));
    e.chain.advanceBlocks(100_000);
    await note("settle → overdraft (50 refunds)", e.exec("stranger", { settle: { id: "big" } }));
    await note("deposit into overdrawn → close", e.exec("alice", { deposit: { id: "big" } }, uakt(500_000)));
    const e2 = await setupEscrow();
    await e2.exec("owner", { create_account: { id: "c" } }, uakt(5_000_000));
    for (let i = 0; i < MAX_DEPOSITS - 1; i++) {
      const d = e2.chain.addressFor(`depositor-${i}`);
      e2.chain.fund(d, uakt(1_000_000));
      await e2.exec(d, { deposit: { id: "c" } }, uakt(500_000));
    }
    for (let i = 0; i < 10; i++) {
      await e2.exec("owner", {
        create_payment: { id: "c", payment_id: `p${i}`, provider: e2.addr.provider, denom: "uakt", rate: "1" },
      });
    }
    e2.chain.advanceBlocks(10);
    await note("close_account (50 refunds, 10 payouts)", e2.exec("owner", { close_account: { id: "c" } }));
    console.log("escrow gas:", JSON.stringify(gas, null, 1));
    for (const [label, g] of Object.entries(gas)) expect(g, label).toBeLessThan(2_000_000);
  });
});

describe("escrow: a CW20 token (ACT) follows the same settlement rules", () => {
  it("pro-rata shortfall, carried fractions, alerts and the overdraft, paid out by CW20 transfer", async () => {
    const e = await setupEscrow();
    const act = await addToken(e);
    await act.send("owner", 500_000, { create_account: { id: "pr" } });
    await e.exec("owner", {
      create_payment: { id: "pr", payment_id: "a", provider: e.addr.provider, denom: act.denom, rate: "600.5" },
    });
    await e.exec("owner", {
      create_payment: { id: "pr", payment_id: "b", provider: e.addr.provider2, denom: act.denom, rate: "399.5" },
    });
    await e.exec("owner", { set_alert: { id: "pr", denom: act.denom, below: { amount: "250000" } } });
    e.chain.advanceBlocks(1); // owed 600 + 399 (the halves are carried)
    await e.exec("stranger", { settle: { id: "pr" } });
    expect((await payment(e, "pr", "a")).carry).toBe("0.5");
    e.chain.advanceBlocks(299); // 300 blocks in all: owed 180,150 + 119,850 = 300,000; 200,000 left
    const s1 = await e.exec("stranger", { settle: { id: "pr" } });
    expect(eventsOf(s1, "wasm-escrow_alert").map((a) => [a.denom, a.kind, a.balance])).toEqual([
      [act.denom, "amount", "200000"],
    ]);
    e.chain.advanceBlocks(300); // owed another 300,000 > 200,000: split 120,100 / 79,900 (pro rata, Hamilton)
    const s2 = await e.exec("stranger", { settle: { id: "pr" } });
    expect(itemsOf(s2, "wasm-escrow_overdrawn", "debts")).toEqual([
      ["a", `60050${act.denom}`],
      ["b", `39950${act.denom}`],
    ]);
    expect(await act.balance("provider")).toBe(FUNDING + 180_150n + 120_100n);
    expect(await act.balance("provider2")).toBe(FUNDING + 119_850n + 79_900n);
    expect(await act.balance(e.contract)).toBe(0n);
    expect(await e.balance("provider")).toBe(FUNDING); // nothing in uakt
  });
});
