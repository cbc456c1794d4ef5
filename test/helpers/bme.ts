/**
 * A bme deployment on any ChainBackend: the real oracle contract (fed with signed Pyth updates from scripts/pyth's
 * generator) and the bme contract reading it, both stored and instantiated through governance. The bme config admin
 * is a test signer standing in for governance (the chain interface has no "execute as gov"), so tests can fund the
 * vault and change parameters; the wasmd admin of both contracts is the gov module, as on Akash.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { EmbeddedChain, EmbeddedGovernance } from "../../sim/index.js";
import type { ChainBackend, Coin, ExecuteResult, JsonObject } from "../../sim/interface/index.js";
import { buildPriceUpdate, testSignerSet } from "../../scripts/pyth/generator.js";
import { oracleInstantiateMsg } from "../../scripts/pyth/oracle-deploy.js";
import { repoRoot } from "../../scripts/lib/repo-root.js";
import type { Params, RecordInfo, StatusResponse, VaultResponse } from "../../clients/Bme.types.js";
import { FIXED_FEE } from "./equivalence.js";
import { oracleWasm } from "./oracle.js";

export const AKT_FEED = "4ea5bb4d2f5900cc2e97ba534240950740b4d3b89fe712a94a7304fd2fd92702";

export const DEFAULT_PARAMS: Params = {
  circuit_breaker_warn_threshold: 9500,
  circuit_breaker_halt_threshold: 9000,
  min_epoch_blocks: 10,
  epoch_blocks_backoff_percent: 10,
  mint_spread_bps: 25,
  settle_spread_bps: 0,
  max_endblocker_records: 50,
  min_mint: "10000000",
  max_pending_attempts: 3,
};

export function bmeWasm(): Uint8Array {
  const path = process.env.BME_WASM ?? join(repoRoot(), "artifacts", "bme.wasm");
  if (!existsSync(path)) throw new Error(`${path} not found: run \`npm run build\` first`);
  return new Uint8Array(readFileSync(path));
}

export const uakt = (n: bigint | number): Coin[] => [{ denom: "uakt", amount: n.toString() }];

export interface BmeOptions {
  params?: Partial<Params>;
  burnMode?: "hold" | "burn";
  /** Extra allow-listed addresses. */
  allowed?: string[];
  /** Funded into the vault by the admin right after instantiation. */
  vault?: bigint;
  /** Oracle max_price_staleness (default 30 s, x/oracle's). */
  staleness?: number;
  /** Sign prices in the Pyth Pro router format (3 of 5 signatures) instead of Wormhole's 13 of 19: cheaper. */
  router?: boolean;
}

export interface BmeOn {
  backend: ChainBackend;
  oracle: string;
  bme: string;
  admin: string;
  relayer: string;
  users: string[];
  exec(who: string, msg: JsonObject, funds?: Coin[]): Promise<ExecuteResult>;
  /** The error text of a call that must fail. */
  fails(who: string, msg: JsonObject, funds?: Coin[]): Promise<string>;
  query<T = JsonObject>(msg: JsonObject): Promise<T>;
  queryFails(msg: JsonObject): Promise<string>;
  /** Pushes a signed Pyth AKT/USD price `price × 10^expo`, published `ago` s before the latest block (≥ the TWAP
   * window, so the TWAP equals this price). */
  setPrice(price: bigint, expo?: number, ago?: number): Promise<ExecuteResult>;
  process(limit?: number): Promise<ExecuteResult>;
  /** After a chain snapshot is restored: the oracle no longer holds the prices pushed since. */
  forgetPublish(): void;
  /** Waits until both epochs are due, then processes. */
  crank(limit?: number): Promise<ExecuteResult>;
  act(address: string): Promise<bigint>;
  akt(address: string): Promise<bigint>;
  vault(): Promise<VaultResponse>;
  status(): Promise<StatusResponse>;
  ledger(): Promise<RecordInfo[]>;
  pending(kind: "mint" | "redeem"): Promise<RecordInfo[]>;
  /** Every query answer and the contract's balance, for "nothing changed" checks. */
  snapshot(): Promise<JsonObject>;
}

let deployments = 0;
const codes = new WeakMap<ChainBackend, Promise<{ oracle: number; bme: number }>>();

function storeCodes(b: ChainBackend): Promise<{ oracle: number; bme: number }> {
  let c = codes.get(b);
  if (c === undefined) {
    c = (async () => ({
      oracle: (await b.governance.storeCode(oracleWasm())).codeId,
      bme: (await b.governance.storeCode(bmeWasm())).codeId,
    }))();
    codes.set(b, c);
  }
  return c;
}

export const failure = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error("expected a failure");
};

/** `first`: the first of 5 funded accounts used (admin, relayer, three users). */
export async function deployBme(b: ChainBackend, first: number, o: BmeOptions = {}): Promise<BmeOn> {
  if (b.accounts.length < first + 5) throw new Error("bme: too few funded accounts");
  const { oracle: oracleCode, bme: bmeCode } = await storeCodes(b);
  const [admin, relayer, ...users] = b.accounts.slice(first, first + 5) as [string, string, ...string[]];
  const oracleMsg = oracleInstantiateMsg({
    admin: b.governance.govAddress,
    signerSets: [testSignerSet(o.router === true ? "router" : "legacy")],
    feeds: [AKT_FEED],
    params: { min_expo: -18, max_ema_deviation_bps: 0, max_price_staleness: o.staleness ?? 30 },
  });
  // Labels must differ: governance treats an instantiation with a known label as already done.
  const n = ++deployments;
  const oracle = (await b.governance.instantiate(oracleCode, oracleMsg, `bme suite oracle ${n}`)).address;
  const params = { ...DEFAULT_PARAMS, ...(o.params ?? {}) };
  const bmeMsg = { admin, oracle, burn_mode: o.burnMode ?? "hold", allowed: o.allowed ?? [], params };
  const bme = (await b.governance.instantiate(bmeCode, bmeMsg, `bme suite ${n}`)).address;
  const client = b.client;
  let lastPublish = 0;
  const exec = (who: string, msg: JsonObject, funds: Coin[] = []): Promise<ExecuteResult> =>
    client.execute(who, bme, msg, FIXED_FEE, undefined, funds);
  const query = async <T>(msg: JsonObject): Promise<T> => (await client.queryContractSmart(bme, msg)) as T;
  const s: BmeOn = {
    backend: b,
    oracle,
    bme,
    admin,
    relayer,
    users,
    exec,
    fails: (who, msg, funds) => failure(exec(who, msg, funds)),
    query,
    queryFails: (msg) => failure(client.queryContractSmart(bme, msg)),
    async setPrice(price, expo = -8, ago = 6) {
      // Each update must be newer than the last one the oracle holds (or it is ignored), and the TWAP window must hold
      // no older price: let time pass until both hold.
      while ((await b.now()) - ago <= lastPublish) await b.advance(1);
      const t = (await b.now()) - ago;
      lastPublish = t;
      const u = buildPriceUpdate([{ feedId: AKT_FEED, price, conf: price / 1000n, expo, publishTime: t }], {
        mode: o.router === true ? "router" : "legacy",
        slot: t,
      });
      const data = [u.base64];
      const fee = (await client.queryContractSmart(oracle, { get_update_fee: { data } })) as unknown as Coin;
      return client.execute(
        relayer,
        oracle,
        { update_price_feeds: { data } },
        FIXED_FEE,
        undefined,
        fee.amount === "0" ? [] : [fee],
      );
    },
    forgetPublish() {
      lastPublish = 0;
    },
    process: (limit) => exec(users[2]!, { process_epoch: limit === undefined ? {} : { limit } }),
    async crank(limit) {
      const st = await s.status();
      const due = Math.max(st.next_mint_epoch, st.next_redeem_epoch);
      const h = await b.client.getHeight();
      if (h < due) await b.advance(due - h);
      return s.process(limit);
    },
    act: async (address) => BigInt((await query<{ balance: string }>({ balance: { address } })).balance),
    akt: async (address) => BigInt((await client.getBalance(address, "uakt")).amount),
    vault: () => query<VaultResponse>({ vault: {} }),
    status: () => query<StatusResponse>({ status: {} }),
    ledger: async () => (await query<{ records: RecordInfo[] }>({ ledger: { limit: 30 } })).records,
    pending: async (kind) => (await query<{ records: RecordInfo[] }>({ pending: { kind, limit: 30 } })).records,
    async snapshot() {
      const out: JsonObject = {
        config: await query({ config: {} }),
        vault: await query({ vault: {} }),
        token: await query({ token_info: {} }),
        accounts: await query({ all_accounts: { limit: 30 } }),
        ledger: await query({ ledger: { limit: 30 } }),
        pending_mint: await query({ pending: { kind: "mint", limit: 30 } }),
        pending_redeem: await query({ pending: { kind: "redeem", limit: 30 } }),
        contract_uakt: (await s.akt(bme)).toString(),
      };
      for (const u of [admin, ...users]) out[`act ${u}`] = (await s.act(u)).toString();
      return out;
    },
  };
  if (o.vault !== undefined && o.vault > 0n) await exec(admin, { fund_vault: {} }, uakt(o.vault));
  return s;
}

/**
 * An embedded chain (1-second blocks) as a ChainBackend, keeping the chain itself for snapshots and extra funding.
 * Accounts are funded with 10^13 uakt and 10^9 ufoo (a denom the contract must refuse).
 */
export function embeddedBme(accounts = 6): { chain: EmbeddedChain; backend: ChainBackend } {
  const chain = new EmbeddedChain({ blockTimeSeconds: 1, startTime: new Date("2026-03-01T00:00:00Z") });
  const addrs = Array.from({ length: accounts }, (_, i) => chain.addressFor(`bme-${i}`));
  for (const a of addrs)
    chain.fund(a, [
      { denom: "uakt", amount: "10000000000000" },
      { denom: "ufoo", amount: "1000000000" },
    ]);
  const backend: ChainBackend = {
    name: "embedded",
    client: chain.client(),
    governance: new EmbeddedGovernance(chain),
    denom: "uakt",
    accounts: addrs,
    now: () => Promise.resolve(Number(chain.timeNanos / 1_000_000_000n)),
    advance: (n) => {
      chain.advanceBlocks(n);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
  return { chain, backend };
}
