/**
 * Incentives test plumbing shared by the suite (embedded chain and wasmd), the adversarial and the property tests:
 * the real oracle and the incentives contract deployed through governance, AKT/USD prices posted as signed Pyth
 * updates, governance executes (a real x/gov proposal on wasmd), and worked-example program definitions.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { govExecute } from "../../scripts/incentives/gov.js";
import { EmbeddedBlocks, EmbeddedChain, EmbeddedGovernance, type EmbeddedChainOptions } from "../../sim/index.js";
import { AKT_USD_FEED_ID, defaultInstantiateMsg } from "../../scripts/deploy/defaults.js";
import type { ChainBackend, Coin, ExecuteResult, JsonObject } from "../../sim/interface/index.js";
import { repoRoot } from "../../scripts/lib/repo-root.js";
import { FIXED_FEE } from "./equivalence.js";
import { AKT_ID, defaultInstantiate, oracleWasm, update } from "./oracle.js";
import { neverSigns } from "./suite.js";
import type { ProgramDef } from "./incentives-model.js";

export function incentivesWasm(): Uint8Array {
  const path = process.env.INCENTIVES_WASM ?? join(repoRoot(), "artifacts", "incentives.wasm");
  if (!existsSync(path)) throw new Error(`${path} not found: run \`npm run build\` first`);
  return new Uint8Array(readFileSync(path));
}

export const WEEK = 7 * 24 * 3600;
export const uakt = (n: bigint | number): Coin[] => [{ denom: "uakt", amount: n.toString() }];

/** Governance executes: an x/gov proposal on wasmd, the gov authority directly on the embedded chain. */
export { govExecute };

export interface IncentivesOn {
  backend: ChainBackend;
  oracle: string;
  contract: string;
  gov: string;
  relayer: string;
  attestor: string;
  funder: string;
  stranger: string;
  /** Signing providers (they claim). */
  providers: string[];
  /** Receives treasury returns; never signs, so its balance is exact on wasmd. */
  treasury: string;
  operator: string;
  exec(sender: string, msg: JsonObject, funds?: Coin[]): Promise<ExecuteResult>;
  query<T = JsonObject>(msg: JsonObject): Promise<T>;
  balance(address: string): Promise<bigint>;
}

const ROLES = 7;

/** Deploys the oracle and the incentives contract through governance; signers start at `firstAccount`. */
export async function deployIncentives(
  backend: ChainBackend,
  firstAccount: number,
  overrides: { oracle?: JsonObject; incentives?: JsonObject } = {},
): Promise<IncentivesOn> {
  if (backend.accounts.length < firstAccount + ROLES) throw new Error("incentives suite: too few funded accounts");
  const gov = backend.governance.govAddress;
  const [relayer, attestor, funder, stranger, p1, p2, p3] = backend.accounts.slice(firstAccount, firstAccount + ROLES);
  const oracleCode = await backend.governance.storeCode(oracleWasm());
  const feeRecipient = neverSigns(backend, "incentives oracle fees");
  const oracle = await backend.governance.instantiate(
    oracleCode.codeId,
    { ...defaultInstantiate({ admin: gov, feeRecipient }), twap_window: 1, ...overrides.oracle },
    "incentives oracle",
  );
  const code = await backend.governance.storeCode(incentivesWasm());
  const msg = {
    ...defaultInstantiateMsg("incentives", { admin: gov }),
    oracle: oracle.address,
    ...overrides.incentives,
  };
  const { address } = await backend.governance.instantiate(code.codeId, msg, "incentives suite");
  const client = backend.client;
  return {
    backend,
    oracle: oracle.address,
    contract: address,
    gov,
    relayer: relayer!,
    attestor: attestor!,
    funder: funder!,
    stranger: stranger!,
    providers: [p1!, p2!, p3!],
    treasury: neverSigns(backend, "incentives treasury"),
    operator: neverSigns(backend, "incentives operator"),
    exec: (sender, m, funds = []) => client.execute(sender, address, m, FIXED_FEE, undefined, funds),
    query: async <T>(m: JsonObject) => (await client.queryContractSmart(address, m)) as T,
    balance: async (a) => BigInt((await client.getBalance(a, "uakt")).amount),
  };
}

/**
 * Posts AKT/USD = `price` × 10^-8 as a signed Pyth update published at the chain's time, then lets more than the
 * oracle's 1-second TWAP window pass, so the aggregated price is exactly `price`. Returns the publish time.
 */
export async function setPrice(s: IncentivesOn, price: bigint): Promise<number> {
  const now = await s.backend.now();
  // Router mode (3 of 5 signatures): the cheaper of the two signer sets the oracle trusts.
  const u = update([{ feedId: AKT_ID, price, conf: price / 1000n, expo: -8, publishTime: now, emaPrice: price }], {
    mode: "router",
  });
  const fee = (await s.backend.client.queryContractSmart(s.oracle, {
    get_update_fee: { data: [u.base64] },
  })) as unknown as Coin;
  await s.backend.client.execute(
    s.relayer,
    s.oracle,
    { update_price_feeds: { data: [u.base64] } },
    FIXED_FEE,
    undefined,
    fee.amount === "0" ? [] : [fee],
  );
  await waitUntil(s.backend, now + 2);
  return now;
}

export async function waitUntil(backend: ChainBackend, t: number): Promise<void> {
  while ((await backend.now()) < t) await backend.advance(1);
}

/**
 * Sends `amount` to the contract as a community-pool spend would, then has governance create the program from that
 * unassigned balance (the Akash funding path). Returns the new program id.
 */
export async function createProgram(s: IncentivesOn, program: ProgramDef, amount: bigint): Promise<number> {
  if (amount > 0n) {
    const sent = await s.backend.client.sendTokens(s.funder, s.contract, uakt(amount), FIXED_FEE);
    if (sent.code !== 0) throw new Error(`funding the contract failed: code ${sent.code}`);
  }
  const before = (await s.query<{ next_program_id: number }>({ config: {} })).next_program_id;
  await govExecute(s.backend, s.contract, [
    { create_program: { program, ...(amount > 0n ? { from_balance: amount.toString() } : {}) } },
  ]);
  return before;
}

/** A program definition with test defaults: one attestor, treasury address, no buffer. */
export function program(
  s: IncentivesOn,
  o: Partial<ProgramDef> & Pick<ProgramDef, "start" | "end" | "pools">,
): ProgramDef {
  return {
    name: "test program",
    epoch_seconds: WEEK,
    grace: 30 * 24 * 3600,
    report_window: 0,
    attestors: [s.attestor],
    treasury: { mode: "address", address: s.treasury },
    volatility_buffer_bps: 0,
    max_providers: 50,
    revenue: null,
    ...o,
  };
}

export const H100_POOL = (providers: string[], usdBudget: string, term = 0) => ({
  name: "committed",
  committed: {
    prices: [
      { model: "h100", usd_per_hour: "2.49" },
      { model: "a100", usd_per_hour: "1.69" },
    ],
    providers,
    sla_uptime_bps: 9900,
    term_epochs: term,
    usd_budget: usdBudget,
  },
});

export const LM_POOL = (perEpoch: bigint) => ({
  name: "mining",
  liquidity_mining: {
    per_epoch: perEpoch.toString(),
    min_vram_gb: 24,
    models: [
      { model: "h100", vram_gb: 80, multiplier: "2" },
      { model: "a100", vram_gb: 80, multiplier: "1.5" },
      { model: "rtx4090", vram_gb: 24, multiplier: "1" },
      { model: "t4", vram_gb: 16, multiplier: "0.5" },
    ],
  },
});

export interface Budget {
  funded: string;
  paid: string;
  claimed: string;
  unclaimed: string;
  returned_unallocated: string;
  returned_program_end: string;
  returned_excess_buffer: string;
  balance: string;
  available: string;
  reserved: string;
  usd_remaining: string;
  revenue: string;
  price: string | null;
  excess: string | null;
}

export function eventsOf(res: ExecuteResult, type: string): Record<string, string>[] {
  return res.events
    .filter((e) => e.type === type)
    .map((e) => Object.fromEntries(e.attributes.map((a) => [a.key, a.value])));
}

export { AKT_USD_FEED_ID };

/** An embedded-chain backend that also exposes its EmbeddedChain (community pool, snapshots). */
export function embeddedWithChain(options: EmbeddedChainOptions = {}): { chain: EmbeddedChain; backend: ChainBackend } {
  const chain = new EmbeddedChain(options);
  const accounts = Array.from({ length: 20 }, (_, i) => chain.addressFor(`incentives-${i}`));
  for (const a of accounts) chain.fund(a, [{ denom: "uakt", amount: "10000000000000" }]);
  const blocks = new EmbeddedBlocks(chain);
  const backend: ChainBackend = {
    name: "embedded",
    client: chain.client(),
    governance: new EmbeddedGovernance(chain),
    denom: "uakt",
    accounts,
    now: () => blocks.now(),
    advance: (n) => blocks.advance(n),
    close: () => Promise.resolve(),
  };
  return { chain, backend };
}
