// Escrow throughput against state size: the per-call rate of each entry point on a chain already holding N accounts
// (each with the owner's deposit and one payment), and the cost of forking that chain. The N-account state is setup,
// built once per size through ordinary txs; every measured call is a tx through the embedded client.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { EmbeddedChain } from "../../sim/index.js";
import type { Coin, JsonObject } from "../../sim/interface/client.js";
import { repoRoot } from "../lib/repo-root.js";

export const ENTRY_POINTS = [
  "create_account",
  "deposit",
  "create_payment",
  "settle",
  "withdraw",
  "close_account",
] as const;
export type EntryPoint = (typeof ENTRY_POINTS)[number];

export interface ScaleFigure {
  accounts: number;
  /** Seconds to build the N-account state (setup, not a figure of merit). */
  setupSeconds: number;
  /** Calls per second, per entry point. */
  rate: Record<EntryPoint, number>;
  /** Milliseconds per `fork()` of the N-account chain (mean of several). */
  forkMs: number;
}

const DENOM = "uakt";
/** The tx log is dropped every this many setup txs: it is the only thing setup would otherwise keep per tx. */
const LOG_TRIM_EVERY = 20_000;

interface Escrow {
  chain: EmbeddedChain;
  contract: string;
  owner: string;
  depositor: string;
  provider: string;
}

function deploy(): Promise<Escrow> {
  const chain = new EmbeddedChain();
  const [owner, depositor, provider] = ["owner", "depositor", "provider"].map((n) => chain.addressFor(n)) as [
    string,
    string,
    string,
  ];
  for (const a of [owner, depositor]) chain.fund(a, [{ denom: DENOM, amount: (10n ** 30n).toString() }]);
  const client = chain.client();
  const wasm = readFileSync(join(repoRoot(), "artifacts", "escrow.wasm"));
  return (async () => {
    const { codeId } = await client.upload(owner, wasm, "auto");
    const msg = { admin: chain.govAddress, limits: { max_deposits: 5, max_payments: 5, max_alerts: 5 } };
    const { contractAddress } = await client.instantiate(owner, codeId, msg, "escrow-scale", "auto");
    return { chain, contract: contractAddress, owner, depositor, provider };
  })();
}

const coins = (amount: number): Coin[] => [{ denom: DENOM, amount: amount.toString() }];
const accountId = (i: number): string => `acct/${i}`;

/** Opens accounts [from, to): the owner's deposit and one payment each. */
async function populate(e: Escrow, from: number, to: number): Promise<void> {
  const client = e.chain.client();
  for (let i = from; i < to; i++) {
    const id = accountId(i);
    await client.execute(e.owner, e.contract, { create_account: { id } }, "auto", "", coins(1_000_000));
    const payment = { id, payment_id: "lease", provider: e.provider, denom: DENOM, rate: "1.5" };
    await client.execute(e.owner, e.contract, { create_payment: payment }, "auto");
    if (i % (LOG_TRIM_EVERY / 2) === 0) e.chain.restore({ ...e.chain.snapshot(), log: [] });
  }
  e.chain.restore({ ...e.chain.snapshot(), log: [] });
}

/** This process's CPU seconds: on a machine shared with other work, wall time would measure the neighbours. */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Runs `calls` calls of one entry point and returns calls per CPU second. */
async function timed(calls: number, call: (j: number) => Promise<unknown>): Promise<number> {
  const t0 = cpuSeconds();
  for (let j = 0; j < calls; j++) await call(j);
  return calls / (cpuSeconds() - t0);
}

/** Each entry point in turn, on accounts the earlier steps did not touch where that matters. */
async function measure(e: Escrow, calls: number): Promise<Record<EntryPoint, number>> {
  const client = e.chain.client();
  const exec = (sender: string, msg: JsonObject, funds: Coin[] = []) =>
    client.execute(sender, e.contract, msg, "auto", "", funds);
  const rate = {} as Record<EntryPoint, number>;
  rate.create_account = await timed(calls, (j) => exec(e.owner, { create_account: { id: `new/${j}` } }, coins(1e6)));
  rate.deposit = await timed(calls, (j) => exec(e.depositor, { deposit: { id: accountId(j) } }, coins(500_000)));
  rate.create_payment = await timed(calls, (j) =>
    exec(e.owner, {
      create_payment: { id: accountId(j), payment_id: "extra", provider: e.provider, denom: DENOM, rate: "2" },
    }),
  );
  e.chain.advanceBlocks(100);
  rate.settle = await timed(calls, (j) => exec(e.owner, { settle: { id: accountId(j) } }));
  rate.withdraw = await timed(calls, (j) => exec(e.provider, { withdraw: { id: accountId(j), payment_id: "lease" } }));
  rate.close_account = await timed(calls, (j) => exec(e.owner, { close_account: { id: accountId(j) } }));
  return rate;
}

function forkCost(chain: EmbeddedChain, times: number): number {
  const t0 = performance.now();
  for (let i = 0; i < times; i++) chain.fork();
  return (performance.now() - t0) / times;
}

/**
 * Figures at each size in `sizes` (ascending), growing one chain from size to size. Per size the calls run on a fork,
 * so the next size grows from the untouched N-account state.
 */
export async function benchEscrowScale(
  sizes: readonly number[],
  calls: number,
  progress: (line: string) => void = () => undefined,
): Promise<ScaleFigure[]> {
  const base = await deploy();
  // JIT warm-up on a small state, so the first size is not measured cold.
  await populate(base, 0, Math.min(calls, sizes[0]!));
  await measure({ ...base, chain: base.chain.fork() }, Math.min(calls, sizes[0]!));
  const figures: ScaleFigure[] = [];
  let built = Math.min(calls, sizes[0]!);
  let setupSeconds = 0;
  for (const accounts of sizes) {
    if (accounts < calls) throw new Error(`--calls ${calls} needs at least as many accounts (got ${accounts})`);
    const t0 = performance.now();
    await populate(base, built, accounts);
    setupSeconds += (performance.now() - t0) / 1000;
    built = accounts;
    const forkMs = forkCost(base.chain, 20);
    const rate = await measure({ ...base, chain: base.chain.fork() }, calls);
    figures.push({ accounts, setupSeconds, rate, forkMs });
    progress(`escrow at ${accounts} accounts: ${ENTRY_POINTS.map((p) => `${p} ${Math.round(rate[p])}/s`).join(", ")}`);
  }
  return figures;
}

export function formatEscrowScale(figures: readonly ScaleFigure[], table: (rows: string[][]) => string): string {
  const first = figures[0]!;
  const rows = [["accounts", ...ENTRY_POINTS.map((p) => `${p} tx/s (ratio)`)]];
  for (const f of figures) {
    rows.push([
      f.accounts.toLocaleString("en-US"),
      ...ENTRY_POINTS.map(
        (p) => `${Math.round(f.rate[p]).toLocaleString("en-US")} (${(f.rate[p] / first.rate[p]).toFixed(2)})`,
      ),
    ]);
  }
  const forks = [["accounts", "fork() ms", "setup s (cumulative)"]];
  for (const f of figures) {
    forks.push([f.accounts.toLocaleString("en-US"), f.forkMs.toFixed(3), f.setupSeconds.toFixed(1)]);
  }
  return (
    "## Escrow calls vs state size (tx per CPU second; each account: one deposit, one payment; ratio to the smallest size)\n" +
    table(rows) +
    "\n\n## Fork cost\n" +
    table(forks) +
    "\n"
  );
}
