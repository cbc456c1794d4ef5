/**
 * The escrow contract's core behaviour through the chain interface only, so it runs on the embedded chain
 * (escrow.test.ts) and on wasmd (test/localnode/contracts.test.ts). One governance deployment per suite; each test
 * opens its own accounts. Settlement is per block and wasmd makes blocks on its own, so amounts are derived from the
 * heights the txs landed at, never from a fixed block count.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { defaultInstantiateMsg } from "../../../scripts/deploy/defaults.js";
import type { ChainBackend, Coin, ExecuteResult, JsonObject } from "../../../sim/interface/index.js";
import { FIXED_FEE } from "../../helpers/equivalence.js";
import { eventsOf, escrowWasm, itemsOf } from "../../helpers/escrow-fixture.js";
import { deployThroughGovernance, feePerTx, neverSigns } from "../../helpers/suite.js";
import { cw20Balance, cw20Denom, cw20Instantiate, cw20Send, cw20Wasm } from "../../helpers/cw20.js";

/** On wasmd a test waits for blocks and governance proposals (4 s expedited voting each). */
const TEST_TIMEOUT = 180_000;

const ROLES = ["owner", "alice", "bob", "sponsor", "stranger"] as const;
type Role = (typeof ROLES)[number];

interface Deposit {
  seq: number;
  depositor: string;
  source: string;
  amount: string;
  deposited: string;
}

/** What the tests use of one deployment: named signers, a provider that never signs, calls and queries. */
interface EscrowOn {
  backend: ChainBackend;
  contract: string;
  addr: Record<Role | "provider", string>;
  exec(who: Role, msg: JsonObject, funds?: Coin[]): Promise<ExecuteResult>;
  query<T = JsonObject>(msg: JsonObject): Promise<T>;
  balance(address: string): Promise<bigint>;
  /** The allow-listed CW20 fixture token (ACT's stand-in), its escrow denom, and a token the escrow does not accept. */
  token: string;
  act: string;
  unlisted: string;
  /** CW20 `send` of `amount` to the escrow carrying `inner`, on `token` (default the listed one). */
  send(who: Role, amount: bigint | number, inner: JsonObject | string, token?: string): Promise<ExecuteResult>;
  actBalance(address: string, token?: string): Promise<bigint>;
}

/** What every signer holds of each CW20 fixture token. */
const CW20_FUNDING = 1_000_000_000_000n;

const uakt = (n: bigint | number): Coin[] => [{ denom: "uakt", amount: n.toString() }];

/** Depositor amounts left after `spent` is drawn oldest first; emptied entries are gone. */
function drawOldestFirst(entries: readonly [string, bigint][], spent: bigint): [string, string][] {
  let left = spent;
  const out: [string, string][] = [];
  for (const [who, amount] of entries) {
    const taken = left < amount ? left : amount;
    left -= taken;
    if (amount > taken) out.push([who, (amount - taken).toString()]);
  }
  return out;
}

async function deploy(backend: ChainBackend, firstAccount: number): Promise<EscrowOn> {
  if (backend.accounts.length < firstAccount + ROLES.length) throw new Error("escrow suite: too few funded accounts");
  const signers = Object.fromEntries(ROLES.map((r, i) => [r, backend.accounts[firstAccount + i]!])) as Record<
    Role,
    string
  >;
  const holders = ROLES.map((r) => signers[r]);
  const cw20 = await deployThroughGovernance(backend, cw20Wasm(), cw20Instantiate(holders, CW20_FUNDING), "test act");
  const unlisted = await backend.governance.instantiate(
    cw20.codeId,
    cw20Instantiate(holders, CW20_FUNDING, "TXYZ"),
    "test unlisted token",
  );
  const token = cw20.address;
  const act = cw20Denom(token);
  const msg = {
    ...defaultInstantiateMsg("escrow", { admin: backend.governance.govAddress }),
    denoms: [
      { denom: "uakt", min_deposit: "500000" },
      { denom: act, min_deposit: "500000" },
    ],
  };
  const { address } = await deployThroughGovernance(backend, escrowWasm(), msg, "escrow suite");
  const addr = { ...signers, provider: neverSigns(backend, "escrow suite provider") };
  return {
    backend,
    contract: address,
    addr,
    exec: (who, m, funds = []) => backend.client.execute(addr[who], address, m, FIXED_FEE, undefined, funds),
    query: async <T>(m: JsonObject) => (await backend.client.queryContractSmart(address, m)) as T,
    balance: async (a) => BigInt((await backend.client.getBalance(a, "uakt")).amount),
    token,
    act,
    unlisted: unlisted.address,
    send: (who, amount, inner, t = token) =>
      backend.client.execute(addr[who], t, cw20Send(address, amount, inner), FIXED_FEE, undefined, []),
    actBalance: (a, t = token) => cw20Balance(backend.client, t, a),
  };
}

/**
 * Registers the escrow suite. `backend` is read in beforeAll (the caller starts and closes it); `firstAccount` picks
 * which of its funded accounts sign, so suites sharing a chain do not share signers.
 */
export function escrowSuite(backend: () => ChainBackend | Promise<ChainBackend>, firstAccount = 1): void {
  let e: EscrowOn;
  beforeAll(async () => {
    e = await deploy(await backend(), firstAccount);
  }, 600_000);

  const deposits = async (id: string): Promise<Deposit[]> =>
    (await e.query<{ deposits: Deposit[] }>({ deposits: { id } })).deposits;
  const openLease = async (id: string, amount: number, rate: string, pid = "p1"): Promise<ExecuteResult> => {
    await e.exec("owner", { create_account: { id } }, uakt(amount));
    return e.exec("owner", {
      create_payment: { id, payment_id: pid, provider: e.addr.provider, denom: "uakt", rate },
    });
  };

  describe("escrow: Akash rules", { timeout: TEST_TIMEOUT }, () => {
    it("spends deposits oldest first and refunds each depositor its own remainder (not pro rata)", async () => {
      // Alice's entry lasts 25 blocks past the owner's 10: room for the blocks wasmd makes between txs.
      const rate = 100_000n;
      await e.exec("owner", { create_account: { id: "d1" } }, uakt(1_000_000));
      await e.exec("alice", { deposit: { id: "d1" } }, uakt(1_500_000));
      await e.exec("bob", { deposit: { id: "d1" } }, uakt(700_000));
      const opened = await e.exec("owner", {
        create_payment: { id: "d1", payment_id: "p1", provider: e.addr.provider, denom: "uakt", rate: rate.toString() },
      });
      const provider0 = await e.balance(e.addr.provider);
      await e.backend.advance(12);
      const settled = await e.exec("stranger", { settle: { id: "d1" } });
      const entries: [string, bigint][] = [
        [e.addr.owner, 1_000_000n],
        [e.addr.alice, 1_500_000n],
        [e.addr.bob, 700_000n],
      ];
      const spentAtSettle = rate * BigInt(settled.height - opened.height);
      expect(spentAtSettle).toBeGreaterThanOrEqual(1_200_000n); // past the owner's entry, as the check intends
      expect((await deposits("d1")).map((d) => [d.depositor, d.amount])).toEqual(
        drawOldestFirst(entries, spentAtSettle),
      );

      const before = { alice: await e.balance(e.addr.alice), bob: await e.balance(e.addr.bob) };
      const closed = await e.exec("owner", { close_account: { id: "d1" } });
      const spent = rate * BigInt(closed.height - opened.height);
      const left = drawOldestFirst(entries, spent);
      expect(left.map(([who]) => who)).toEqual([e.addr.alice, e.addr.bob]);
      // refund = seq,depositor,source,amount,to — in deposit order; the owner's spent entry refunds nothing
      expect(itemsOf(closed, "wasm-escrow_refund", "refunds")).toEqual(
        left.map(([who, amount], i) => [String(i + 2), who, "balance", `${amount}uakt`, "wallet"]),
      );
      expect(await e.balance(e.addr.alice)).toBe(before.alice + BigInt(left[0]![1]));
      expect(await e.balance(e.addr.bob)).toBe(before.bob + BigInt(left[1]![1]));
      expect(await e.balance(e.addr.provider)).toBe(provider0 + spent);
    });

    it("grant deposits record the sponsor; a refund restores the grant's limit", async () => {
      const rate = 100_000n;
      const grantOf = async (): Promise<Coin[]> =>
        (await e.query<{ balances: Coin[] }>({ grant: { sponsor: e.addr.sponsor, grantee: e.addr.owner } })).balances;
      await e.exec("sponsor", { grant: { grantee: e.addr.owner } }, uakt(2_000_000));
      await e.exec("owner", {
        create_account: { id: "g1", amount: { denom: "uakt", amount: "1000000" }, sources: ["grant"] },
      });
      expect(await grantOf()).toEqual(uakt(1_000_000));
      const [d] = await deposits("g1");
      expect([d!.depositor, d!.source]).toEqual([e.addr.sponsor, "grant"]);
      const provider0 = await e.balance(e.addr.provider);
      const opened = await e.exec("owner", {
        create_payment: { id: "g1", payment_id: "p1", provider: e.addr.provider, denom: "uakt", rate: rate.toString() },
      });
      await e.backend.advance(3);
      const sponsorBefore = await e.balance(e.addr.sponsor);
      const res = await e.exec("owner", { close_account: { id: "g1" } });
      const spent = rate * BigInt(res.height - opened.height);
      expect(spent).toBeLessThan(1_000_000n); // the refund below is not empty
      const refund = 1_000_000n - spent;
      expect(itemsOf(res, "wasm-escrow_refund", "refunds")).toEqual([
        ["1", e.addr.sponsor, "grant", `${refund}uakt`, "grant"],
      ]);
      expect(await grantOf()).toEqual(uakt(1_000_000n + refund));
      expect(await e.balance(e.addr.sponsor)).toBe(sponsorBefore);
      expect(await e.balance(e.addr.provider)).toBe(provider0 + spent);
      // The grantee can fund with balance and grant in the listed order.
      await e.exec(
        "owner",
        { create_account: { id: "g2", amount: { denom: "uakt", amount: "900000" }, sources: ["balance", "grant"] } },
        uakt(100_000),
      );
      expect((await deposits("g2")).map((x) => [x.depositor, x.source, x.amount])).toEqual([
        [e.addr.owner, "balance", "100000"],
        [e.addr.sponsor, "grant", "800000"],
      ]);
    });

    it("a depositor gains no control: it cannot close the account or open payments", async () => {
      await openLease("d2", 1_000_000, "10");
      await e.exec("alice", { deposit: { id: "d2" } }, uakt(600_000));
      await expect(e.exec("alice", { close_account: { id: "d2" } })).rejects.toThrow(
        "unauthorized: only the account owner can do this",
      );
      await expect(
        e.exec("alice", {
          create_payment: { id: "d2", payment_id: "px", provider: e.addr.alice, denom: "uakt", rate: "1" },
        }),
      ).rejects.toThrow("unauthorized: only the account owner can do this");
      await expect(e.exec("owner", { withdraw: { id: "d2", payment_id: "p1" } })).rejects.toThrow(
        "unauthorized: only the provider can withdraw",
      );
      await expect(e.exec("stranger", { close_payment: { id: "d2", payment_id: "p1" } })).rejects.toThrow(
        "unauthorized: only the account owner or the provider can close a payment",
      );
    });

    it("merges repeated deposits of the same depositor into its entry", async () => {
      await e.exec("owner", { create_account: { id: "m" } }, uakt(500_000));
      await e.exec("alice", { deposit: { id: "m" } }, uakt(500_000));
      await e.exec("owner", { deposit: { id: "m" } }, uakt(7));
      const r = await e.exec("alice", { deposit: { id: "m" } }, uakt(3));
      expect(eventsOf(r, "wasm-escrow_deposit")).toEqual([
        expect.objectContaining({
          id: "m",
          sender: e.addr.alice,
          amount: "3uakt",
          entries: `2,${e.addr.alice},balance,3uakt`,
        }),
      ]);
      expect((await deposits("m")).map((d) => [d.seq, d.depositor, d.amount, d.deposited])).toEqual([
        [1, e.addr.owner, "500007", "500007"],
        [2, e.addr.alice, "500003", "500003"],
      ]);
      // A new entry from a non-owner must reach the minimum (anti-dust); topping up an own entry need not.
      await expect(e.exec("bob", { deposit: { id: "m" } }, uakt(499_999))).rejects.toThrow(
        "a deposit from someone other than the owner must be at least 500000uakt unless it tops up its own entry",
      );
    });

    it("overdraft: providers get what was there, the debt is recorded; a deposit pays it and closes (Akash v2)", async () => {
      const rate = 100_000n;
      const provider0 = await e.balance(e.addr.provider);
      const opened = await openLease("o1", 1_000_000, rate.toString());
      await e.backend.advance(15);
      const s = await e.exec("stranger", { settle: { id: "o1" } });
      const debt = rate * BigInt(s.height - opened.height) - 1_000_000n;
      expect(debt).toBeGreaterThan(0n);
      expect(itemsOf(s, "wasm-escrow_overdrawn", "debts")).toEqual([["p1", `${debt}uakt`]]);
      expect(itemsOf(s, "wasm-escrow_withdraw", "payouts")).toEqual([["p1", e.addr.provider, "1000000uakt"]]);
      expect((await e.query<{ state: string }>({ account: { id: "o1" } })).state).toBe("overdrawn");
      expect(await e.query({ payment: { id: "o1", payment_id: "p1" } })).toMatchObject({
        state: "overdrawn",
        unsettled: debt.toString(),
        withdrawn: "1000000",
      });
      expect(await e.balance(e.addr.provider)).toBe(provider0 + 1_000_000n);
      // Overdrawn accounts do not accrue further.
      await e.backend.advance(3);
      await expect(
        e.exec("owner", {
          create_payment: { id: "o1", payment_id: "p2", provider: e.addr.provider, denom: "uakt", rate: "1" },
        }),
      ).rejects.toThrow("account is overdrawn");
      const a0 = await e.balance(e.addr.alice);
      const d = await e.exec("alice", { deposit: { id: "o1" } }, uakt(debt + 300_000n));
      expect(eventsOf(d, "wasm-escrow_debt_paid")[0]).toMatchObject({ amount: debt.toString() });
      expect((await e.query<{ state: string }>({ account: { id: "o1" } })).state).toBe("closed");
      expect(await e.balance(e.addr.provider)).toBe(provider0 + 1_000_000n + debt);
      expect(await e.balance(e.addr.alice)).toBe(a0 - debt - feePerTx(e.backend));
      expect(await e.query({ payment: { id: "o1", payment_id: "p1" } })).toMatchObject({
        state: "closed",
        unsettled: "0",
        withdrawn: (1_000_000n + debt).toString(),
      });
    });

    it("requires the minimum opening deposit", async () => {
      await expect(e.exec("owner", { create_account: { id: "min" } }, uakt(499_999))).rejects.toThrow(
        "opening deposit must be at least 500000uakt",
      );
      await e.exec("owner", { create_account: { id: "min" } }, uakt(500_000));
    });

    it("closed is final", async () => {
      await openLease("c1", 600_000, "1");
      await e.exec("owner", { close_account: { id: "c1" } });
      for (const [who, msg, funds] of [
        ["owner", { close_account: { id: "c1" } }, []],
        ["alice", { deposit: { id: "c1" } }, uakt(500_000)],
        ["owner", { create_payment: { id: "c1", payment_id: "p9", provider: "x", denom: "uakt", rate: "1" } }, []],
        ["stranger", { settle: { id: "c1" } }, []],
      ] as const) {
        await expect(e.exec(who, msg, [...funds])).rejects.toThrow("account is closed");
      }
      await expect(e.exec("owner", { create_account: { id: "c1" } }, uakt(500_000))).rejects.toThrow(
        "account `c1` already exists",
      );
      await expect(e.exec("owner", { close_payment: { id: "c1", payment_id: "p1" } })).rejects.toThrow(
        "payment is not open",
      );
    });
  });

  describe("escrow: a CW20 token (ACT) through the receive hook", { timeout: TEST_TIMEOUT }, () => {
    const act = (n: bigint | number): Coin => ({ denom: e.act, amount: n.toString() });

    it("funds in ACT: FIFO spending, providers paid and depositors refunded by CW20 transfer", async () => {
      const rate = 100_000n;
      const escrow0 = await e.actBalance(e.contract);
      const provider0 = { act: await e.actBalance(e.addr.provider), uakt: await e.balance(e.addr.provider) };
      const created = await e.send("owner", 1_000_000, { create_account: { id: "t1" } });
      expect(eventsOf(created, "wasm-escrow_account_created")[0]).toMatchObject({
        id: "t1",
        owner: e.addr.owner,
        amount: `1000000${e.act}`,
      });
      // A sponsor (any non-owner) funds the same account with its own ACT.
      const alice0 = await e.actBalance(e.addr.alice);
      const d = await e.send("alice", 1_500_000, { deposit: { id: "t1" } });
      expect(itemsOf(d, "wasm-escrow_deposit", "entries")).toEqual([["2", e.addr.alice, "balance", `1500000${e.act}`]]);
      expect(await e.actBalance(e.addr.alice)).toBe(alice0 - 1_500_000n);
      expect(await e.actBalance(e.contract)).toBe(escrow0 + 2_500_000n);
      const opened = await e.exec("owner", {
        create_payment: { id: "t1", payment_id: "p1", provider: e.addr.provider, denom: e.act, rate: rate.toString() },
      });
      await e.backend.advance(12);
      const settled = await e.exec("stranger", { settle: { id: "t1" } });
      const entries: [string, bigint][] = [
        [e.addr.owner, 1_000_000n],
        [e.addr.alice, 1_500_000n],
      ];
      const spentAtSettle = rate * BigInt(settled.height - opened.height);
      expect(spentAtSettle).toBeGreaterThanOrEqual(1_200_000n); // past the owner's entry
      expect((await deposits("t1")).map((x) => [x.depositor, x.amount])).toEqual(
        drawOldestFirst(entries, spentAtSettle),
      );
      const accrued = await e.query<{ balance: string }>({ payment: { id: "t1", payment_id: "p1" } });
      expect(BigInt(accrued.balance)).toBe(spentAtSettle);
      const closed = await e.exec("owner", { close_account: { id: "t1" } });
      const spent = rate * BigInt(closed.height - opened.height);
      const left = drawOldestFirst(entries, spent);
      expect(left.map(([who]) => who)).toEqual([e.addr.alice]);
      expect(itemsOf(closed, "wasm-escrow_refund", "refunds")).toEqual([
        ["2", e.addr.alice, "balance", `${left[0]![1]}${e.act}`, "wallet"],
      ]);
      expect(itemsOf(closed, "wasm-escrow_withdraw", "payouts")).toEqual([["p1", e.addr.provider, `${spent}${e.act}`]]);
      expect(await e.actBalance(e.addr.provider)).toBe(provider0.act + spent);
      expect(await e.balance(e.addr.provider)).toBe(provider0.uakt); // nothing paid in uakt
      expect(await e.actBalance(e.addr.alice)).toBe(alice0 - 1_500_000n + BigInt(left[0]![1]));
      expect(await e.actBalance(e.contract)).toBe(escrow0);
      expect(await e.query({ account: { id: "t1" } })).toMatchObject({
        state: "closed",
        funds: [{ denom: e.act, amount: "0", peak: "2500000", transferred: spent.toString(), debt: "0" }],
      });
    });

    it("ACT grants: funded through receive, drawn by the grantee, restored by refunds, returned on revoke", async () => {
      const grantOf = async (): Promise<Coin[]> =>
        (await e.query<{ balances: Coin[] }>({ grant: { sponsor: e.addr.sponsor, grantee: e.addr.bob } })).balances;
      const sponsor0 = await e.actBalance(e.addr.sponsor);
      const g = await e.send("sponsor", 2_000_000, { grant: { grantee: e.addr.bob } });
      expect(eventsOf(g, "wasm-escrow_grant")[0]).toMatchObject({ sponsor: e.addr.sponsor, amount: `2000000${e.act}` });
      // Drawn without any tokens attached: a plain execute naming the ACT denom.
      await e.exec("bob", {
        create_account: { id: "tg1", amount: act(1_000_000), sources: ["grant"], sponsors: [e.addr.sponsor] },
      });
      // Own ACT and the grant together, through the hook.
      await e.send("bob", 100_000, {
        create_account: { id: "tg2", amount: act(900_000), sources: ["balance", "grant"] },
      });
      expect((await deposits("tg2")).map((x) => [x.depositor, x.source, x.amount])).toEqual([
        [e.addr.bob, "balance", "100000"],
        [e.addr.sponsor, "grant", "800000"],
      ]);
      expect(await grantOf()).toEqual([act(200_000)]);
      const closed = await e.exec("bob", { close_account: { id: "tg1" } });
      expect(itemsOf(closed, "wasm-escrow_refund", "refunds")).toEqual([
        ["1", e.addr.sponsor, "grant", `1000000${e.act}`, "grant"],
      ]);
      expect(await grantOf()).toEqual([act(1_200_000)]);
      const revoked = await e.exec("sponsor", { revoke_grant: { grantee: e.addr.bob } });
      expect(eventsOf(revoked, "wasm-escrow_grant_revoked")[0]).toMatchObject({ amount: `1200000${e.act}` });
      expect(await e.actBalance(e.addr.sponsor)).toBe(sponsor0 - 800_000n);
    });

    it("overdraft in ACT: a uakt deposit cannot pay it, an ACT deposit pays the debt and closes", async () => {
      const rate = 100_000n;
      const provider0 = await e.actBalance(e.addr.provider);
      await e.send("owner", 1_000_000, { create_account: { id: "to1" } });
      const opened = await e.exec("owner", {
        create_payment: { id: "to1", payment_id: "p1", provider: e.addr.provider, denom: e.act, rate: rate.toString() },
      });
      await e.backend.advance(15);
      const s = await e.exec("stranger", { settle: { id: "to1" } });
      const debt = rate * BigInt(s.height - opened.height) - 1_000_000n;
      expect(debt).toBeGreaterThan(0n);
      expect(itemsOf(s, "wasm-escrow_overdrawn", "debts")).toEqual([["p1", `${debt}${e.act}`]]);
      expect(await e.actBalance(e.addr.provider)).toBe(provider0 + 1_000_000n);
      await expect(e.exec("alice", { deposit: { id: "to1" } }, uakt(debt + 500_000n))).rejects.toThrow(
        "account is overdrawn and owes no `uakt`: deposit the owed denom",
      );
      const a0 = await e.actBalance(e.addr.alice);
      const d = await e.send("alice", debt + 300_000n, { deposit: { id: "to1" } });
      expect(eventsOf(d, "wasm-escrow_debt_paid")[0]).toMatchObject({ denom: e.act, amount: debt.toString() });
      expect(itemsOf(d, "wasm-escrow_refund", "refunds")).toEqual([
        ["2", e.addr.alice, "balance", `300000${e.act}`, "wallet"],
      ]);
      expect((await e.query<{ state: string }>({ account: { id: "to1" } })).state).toBe("closed");
      expect(await e.actBalance(e.addr.provider)).toBe(provider0 + 1_000_000n + debt);
      expect(await e.actBalance(e.addr.alice)).toBe(a0 - debt);
    });

    it("rejects unlisted tokens, bank coins, direct calls and malformed hook messages, changing nothing", async () => {
      const b64 = (j: JsonObject | string): string =>
        Buffer.from(typeof j === "string" ? j : JSON.stringify(j)).toString("base64");
      await e.send("owner", 600_000, { create_account: { id: "tr" } });
      const snapshot = async (): Promise<string> =>
        JSON.stringify({
          account: await e.query({ account: { id: "tr" } }),
          deposits: await deposits("tr"),
          held: (
            await Promise.all([e.contract, e.addr.bob].flatMap((a) => [e.actBalance(a), e.actBalance(a, e.unlisted)]))
          ).map(String),
        });
      const before = await snapshot();
      const cases: [() => Promise<ExecuteResult>, string][] = [
        [
          () => e.send("bob", 600_000, { deposit: { id: "tr" } }, e.unlisted),
          `denom \`cw20:${e.unlisted}\` is not accepted`,
        ],
        [
          () =>
            e.exec("bob", { receive: { sender: e.addr.bob, amount: "600000", msg: b64({ deposit: { id: "tr" } }) } }),
          `denom \`cw20:${e.addr.bob}\` is not accepted`,
        ],
        [
          () =>
            e.exec(
              "bob",
              { receive: { sender: e.addr.bob, amount: "600000", msg: b64({ deposit: { id: "tr" } }) } },
              uakt(600_000),
            ),
          "this message does not accept funds",
        ],
        [
          () => e.send("bob", 600_000, "{bad"),
          "Error parsing into type ReceiveMsg: key must be a string at line 1 column 2",
        ],
        [
          () => e.send("bob", 600_000, { settle: { id: "tr" } }),
          "Error parsing into type ReceiveMsg: unknown variant `settle`, expected one of `create_account`, `deposit`, `grant`",
        ],
        [
          () => e.send("bob", 600_000, { deposit: { id: "tr", funds: [] } }),
          "Error parsing into type ReceiveMsg: unknown field `funds`, expected one of `id`, `amount`, `sources`, `sponsors`",
        ],
        [
          () => e.send("bob", 600_000, { deposit: { id: "tr", amount: { denom: "uakt", amount: "600000" } } }),
          `funds must be in \`uakt\`, got \`${e.act}\``,
        ],
        [
          () => e.send("bob", 499_999, { deposit: { id: "tr" } }),
          `a deposit from someone other than the owner must be at least 500000${e.act} unless it tops up its own entry`,
        ],
        [() => e.send("bob", 600_000, { create_account: { id: "tr" } }), "account `tr` already exists"],
      ];
      for (const [run, error] of cases) {
        await expect(run()).rejects.toThrow(error);
        expect(await snapshot()).toBe(before);
      }
    });
  });
}
