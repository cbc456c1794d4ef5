// Forks, snapshots and time jumps of the embedded chain, on the escrow contract: a fork must answer every call exactly
// as a chain built from scratch to the same state, and a fork and its origin must not see each other's writes.
import { describe, expect, it } from "vitest";
import { EmbeddedChain, TxError, type Coin } from "../../sim/index.js";
import { setupEscrow, uakt, type EscrowEnv } from "../helpers/escrow-fixture.js";

const ACCOUNTS = 12;

/** A deployed escrow with ACCOUNTS accounts, each with a deposit and a payment, a few blocks in. */
async function warmedUp(): Promise<EscrowEnv> {
  const env = await setupEscrow({ limits: { max_deposits: 5, max_payments: 5, max_alerts: 5 } });
  for (let i = 0; i < ACCOUNTS; i++) {
    const id = `acct/${i}`;
    await env.exec("owner", { create_account: { id } }, uakt(1_000_000 + i));
    await env.exec("alice", { deposit: { id } }, uakt(500_000));
    await env.exec("owner", {
      create_payment: { id, payment_id: "lease", provider: env.addr.provider, denom: "uakt", rate: `${i + 1}.5` },
    });
  }
  env.chain.advanceBlocks(7);
  return env;
}

/** Everything observable about a chain: block, tx counter, every store's entries. */
function observe(chain: EmbeddedChain): unknown {
  const s = chain.state;
  return JSON.stringify(
    {
      height: chain.height,
      time: chain.timeNanos,
      txs: chain.events.length,
      storage: s.storage.entries(""),
      balances: s.balances.entries(""),
      supply: s.supply.entries(""),
      codes: s.codes.entries("").map(([k, c]) => [k, c.checksum, c.creator]),
      contracts: s.contracts.entries(""),
      seq: s.seq.entries(""),
    },
    (_k, v: unknown) =>
      typeof v === "bigint" ? `${v}n` : v instanceof Uint8Array ? Buffer.from(v).toString("hex") : v,
  );
}

/** The same calls (successes, a failure, a block jump, queries) on `chain`; returns every output and the end state. */
async function play(chain: EmbeddedChain, contract: string): Promise<unknown> {
  const client = chain.client();
  const [owner, alice, provider] = ["owner", "alice", "provider"].map((n) => chain.addressFor(n)) as [
    string,
    string,
    string,
  ];
  const out: unknown[] = [];
  const exec = async (sender: string, msg: Record<string, unknown>, funds: Coin[] = []) => {
    try {
      out.push(await client.execute(sender, contract, msg, "auto", "", funds));
    } catch (e) {
      out.push(e instanceof TxError ? e.record : String(e));
    }
  };
  await exec(owner, { create_account: { id: "new" } }, uakt(2_000_000));
  await exec(alice, { deposit: { id: "acct/3" } }, uakt(600_000));
  await exec(owner, {
    create_payment: { id: "new", payment_id: "p", provider, denom: "uakt", rate: "9" },
  });
  chain.advanceBlocks(14_400);
  await exec(owner, { settle: { id: "acct/5" } });
  await exec(provider, { withdraw: { id: "acct/1", payment_id: "lease" } });
  await exec(owner, { close_account: { id: "acct/2" } });
  await exec(owner, { close_account: { id: "no-such-account" } });
  out.push(await client.queryContractSmart(contract, { account: { id: "acct/1" } }));
  out.push(await client.queryContractSmart(contract, { accounts_by_owner: { owner, start_after: null, limit: 30 } }));
  out.push(await client.getBalance(provider, "uakt"));
  out.push(chain.events.slice(-7));
  out.push(observe(chain));
  return JSON.parse(JSON.stringify(out, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v))) as unknown;
}

describe("fork", () => {
  it("runs the same calls to the same outputs as a freshly built chain, and isolates writes both ways", async () => {
    const fresh = await warmedUp();
    const expected = await play(fresh.chain, fresh.contract);

    const origin = await warmedUp();
    const before = observe(origin.chain);
    const fork = origin.chain.fork();
    const forkOfFork = fork.fork();
    expect(observe(fork)).toBe(before);

    expect(await play(fork, origin.contract)).toEqual(expected);
    expect(observe(origin.chain)).toBe(before); // the fork's writes are not the origin's
    expect(observe(forkOfFork)).toBe(before); // nor its own fork's

    const late = origin.chain.fork();
    expect(await play(origin.chain, origin.contract)).toEqual(expected);
    expect(observe(late)).toBe(before); // the origin's writes are not the fork's
    expect(await play(forkOfFork, origin.contract)).toEqual(expected);
  });

  it("restores one snapshot any number of times, on the chain or a fork of it", async () => {
    const env = await warmedUp();
    const snap = env.chain.snapshot();
    const before = observe(env.chain);
    const first = await play(env.chain, env.contract);
    env.chain.restore(snap);
    expect(observe(env.chain)).toBe(before);
    const fork = env.chain.fork();
    expect(await play(env.chain, env.contract)).toEqual(first);
    fork.restore(snap);
    expect(await play(fork, env.contract)).toEqual(first);
  });
});

describe("time jumps", () => {
  const U64_MAX = (1n << 64n) - 1n;

  it("jumps any number of blocks at once: a day, then a century", () => {
    const chain = new EmbeddedChain();
    const t0 = chain.timeNanos;
    chain.advanceBlocks(14_400);
    expect(chain.height).toBe(14_401);
    expect(chain.timeNanos - t0).toBe(86_400n * 1_000_000_000n);
    // No per-block work: 525 million blocks (a century of 6 s blocks) move as fast as one.
    chain.advanceBlocks(525_960_000);
    expect(chain.height).toBe(14_401 + 525_960_000);
    expect(chain.timeNanos - t0).toBe((86_400n + 525_960_000n * 6n) * 1_000_000_000n);
  });

  it("refuses a jump past u64 nanoseconds with a clear error, and the chain stays usable", async () => {
    const env = await setupEscrow();
    const { chain } = env;
    const height = chain.height;
    const time = chain.timeNanos;
    // 2^53 − 1 blocks of 6 s is ~5.4e25 ns: beyond u64's ~1.8e19.
    expect(() => {
      chain.advanceBlocks(Number.MAX_SAFE_INTEGER);
    }).toThrow(/advanceBlocks\(9007199254740991\) refused: .* would not fit in u64 \(max 18446744073709551615\)/);
    expect(chain.height).toBe(height);
    expect(chain.timeNanos).toBe(time);
    // The last block whose time still fits is allowed, and contracts still run there.
    const lastBlocks = (U64_MAX - time) / 6_000_000_000n;
    chain.advanceBlocks(Number(lastBlocks));
    expect(chain.timeNanos).toBe(time + lastBlocks * 6_000_000_000n);
    expect(() => {
      chain.advanceBlocks(1);
    }).toThrow(/would not fit in u64/);
    await env.exec("owner", { create_account: { id: "late" } }, uakt(1_000_000));
    expect(await env.query({ account: { id: "late" } })).toMatchObject({ id: "late" });
  });

  it("rejects a non-integer or negative jump", () => {
    const chain = new EmbeddedChain();
    for (const n of [-1, 1.5, Number.NaN, 2 ** 60]) {
      expect(() => {
        chain.advanceBlocks(n);
      }).toThrow(RangeError);
    }
    expect(chain.height).toBe(1);
  });
});
