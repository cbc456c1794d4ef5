// Oracle contract suite builder for the embedded chain: deploys the compiled oracle with test signer sets, submits
// generated or real Pyth updates, and snapshots every query so negative tests can prove that nothing changed.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { OracleClient, OracleQueryClient } from "../../clients/Oracle.client.js";
import type { InstantiateMsg } from "../../clients/Oracle.types.js";
import { EmbeddedChain } from "../../sim/index.js";
import {
  PYTHNET_EMITTER_HEX,
  PYTH_PRO_EMITTER_HEX,
  buildPriceUpdate,
  testSignerSet,
  type GeneratedUpdate,
  type PriceInput,
  type UpdateOptions,
} from "../../scripts/pyth/generator.js";
import { repoRoot } from "../../scripts/lib/repo-root.js";

export const AKT_ID = "4ea5bb4d2f5900cc2e97ba534240950740b4d3b89fe712a94a7304fd2fd92702";
export const USDC_ID = "eaa020c61cc479712813461ce153894a96a6c00b21ed0cfc2798d1f9a9e9c94a";
/** A feed the test contracts never configure. */
export const BTC_ID = "e62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43";
export const GOVERNANCE_EMITTER_HEX = "00".repeat(31) + "04";

export const b64 = (hex: string): string => Buffer.from(hex, "hex").toString("base64");
export const dataSource = (chain: number, emitterHex: string): { chain_id: number; emitter: string } => ({
  chain_id: chain,
  emitter: b64(emitterHex),
});

/** The build output (`npm run build`), or ORACLE_WASM for a wasm built elsewhere. */
export function oracleWasm(): Uint8Array {
  const path = process.env.ORACLE_WASM ?? join(repoRoot(), "artifacts", "oracle.wasm");
  if (!existsSync(path)) throw new Error(`${path} not found: run \`npm run build\` first`);
  return new Uint8Array(readFileSync(path));
}

let cachedWasm: Uint8Array | undefined;
const wasm = (): Uint8Array => (cachedWasm ??= oracleWasm());

export type Json = Record<string, unknown>;

/** 2026-03-01T00:00:00Z: every generated price is published relative to the chain's clock. */
export const START = new Date("2026-03-01T00:00:00Z");

export interface SetupOptions {
  startTime?: Date;
  /** Fields merged over the default InstantiateMsg (legacy set 4 + router set 0, both data sources, AKT + USDC). */
  instantiate?: Json;
  akash?: boolean;
}

export class OracleSuite {
  readonly client: ReturnType<EmbeddedChain["client"]>;
  readonly admin: string;
  readonly relayer: string;
  readonly feeRecipient: string;
  readonly stranger: string;
  contract = "";

  /** The generated query client for the deployed oracle. */
  get queries(): OracleQueryClient {
    return new OracleQueryClient(this.client, this.contract);
  }

  /** The generated execute client, sending as `sender`. */
  as(sender: string): OracleClient {
    return new OracleClient(this.client, sender, this.contract);
  }

  constructor(readonly chain: EmbeddedChain) {
    this.client = chain.client();
    this.admin = chain.govAddress;
    this.relayer = chain.addressFor("relayer");
    this.feeRecipient = chain.addressFor("treasury");
    this.stranger = chain.addressFor("stranger");
    chain.fund(this.relayer, [{ denom: "uakt", amount: "1000000000" }]);
    chain.fund(this.stranger, [{ denom: "uakt", amount: "1000000000" }]);
  }

  /** Block time in unix seconds. */
  get now(): number {
    return Number(this.chain.timeNanos / 1_000_000_000n);
  }

  /** Moves the clock by whole seconds (1-second blocks). */
  advance(seconds: number): void {
    this.chain.advanceBlocks(seconds);
  }

  query<T = Json>(msg: Json): Promise<T> {
    return this.client.queryContractSmart(this.contract, msg) as Promise<T>;
  }

  /** The error text of a failing query. */
  async queryError(msg: Json): Promise<string> {
    try {
      await this.client.queryContractSmart(this.contract, msg);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
    throw new Error(`query unexpectedly succeeded: ${JSON.stringify(msg)}`);
  }

  execute(sender: string, msg: Json, funds: { denom: string; amount: string }[] = []) {
    return this.client.execute(sender, this.contract, msg, "auto", undefined, funds);
  }

  async executeError(sender: string, msg: Json, funds: { denom: string; amount: string }[] = []): Promise<string> {
    try {
      await this.client.execute(sender, this.contract, msg, "auto", undefined, funds);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
    throw new Error(`execute unexpectedly succeeded: ${JSON.stringify(msg).slice(0, 200)}`);
  }

  /** Submits blobs with exactly the fee they need (1 uakt per price message by default config). */
  async update(blobs: (GeneratedUpdate | Buffer)[], sender = this.relayer) {
    const data = blobs.map((b) => (Buffer.isBuffer(b) ? b : b.data).toString("base64"));
    const fee = await this.queries.getUpdateFee({ data });
    const funds = fee.amount === "0" ? [] : [fee];
    return this.as(sender).updatePriceFeeds({ data }, "auto", undefined, funds);
  }

  async updateError(blobs: (GeneratedUpdate | Buffer)[], funds?: { denom: string; amount: string }[]) {
    const data = blobs.map((b) => (Buffer.isBuffer(b) ? b : b.data).toString("base64"));
    return this.executeError(
      this.relayer,
      { update_price_feeds: { data } },
      funds ?? [{ denom: "uakt", amount: "1000" }],
    );
  }

  /** Every query's answer (or error text), for before/after comparisons. */
  async snapshot(ids: string[] = [AKT_ID, USDC_ID]): Promise<Json> {
    const out: Json = {
      config: await this.query({ config: {} }),
      signer_sets: await this.query({ signer_sets: {} }),
      feeds: await this.query({ feeds: {} }),
    };
    const attempt = async (msg: Json): Promise<unknown> => {
      try {
        return await this.query(msg);
      } catch (e) {
        return { error: e instanceof Error ? e.message : String(e) };
      }
    };
    for (const id of ids) {
      out[`price_feed ${id}`] = await attempt({ price_feed: { id } });
      out[`price ${id}`] = await attempt({ price: { id } });
      out[`health ${id}`] = await attempt({ health: { id } });
    }
    out.feeRecipientBalance = this.chain.balance(this.feeRecipient).toString();
    return out;
  }

  /** Runs `act`, expects it to fail with `expected` in its message, and checks that no query answer changed. */
  async expectRejected(act: () => Promise<string>, expected: string | RegExp): Promise<string> {
    const before = await this.snapshot();
    const message = await act();
    if (typeof expected === "string") expect(message).toContain(expected);
    else expect(message).toMatch(expected);
    expect(await this.snapshot()).toEqual(before);
    return message;
  }
}

export function defaultInstantiate(s: Pick<OracleSuite, "admin" | "feeRecipient">): Json {
  const msg: InstantiateMsg = {
    admin: s.admin,
    data_sources: [dataSource(26, PYTHNET_EMITTER_HEX), dataSource(26, PYTH_PRO_EMITTER_HEX)],
    signer_sets: [testSignerSet("router"), testSignerSet("legacy")],
    update_fee: { denom: "uakt", amount: "1" },
    fee_recipient: s.feeRecipient,
    feeds: [
      { id: AKT_ID, symbol: "AKT/USD" },
      { id: USDC_ID, symbol: "USDC/USD" },
    ],
  };
  return { ...msg };
}

export async function setupOracle(o: SetupOptions = {}): Promise<OracleSuite> {
  const chain = new EmbeddedChain({ startTime: o.startTime ?? START, blockTimeSeconds: 1, akash: o.akash ?? false });
  const s = new OracleSuite(chain);
  const deployer = chain.addressFor("deployer");
  // Akash stores code only through governance.
  const uploader = o.akash === true ? chain.asGov() : s.client;
  const { codeId } = await uploader.upload(deployer, wasm(), "auto");
  const msg = { ...defaultInstantiate(s), ...(o.instantiate ?? {}) };
  const { contractAddress } = await s.client.instantiate(deployer, codeId, msg, "oracle", "auto", { admin: s.admin });
  s.contract = contractAddress;
  return s;
}

/** A price input published `ago` seconds before the suite's clock. */
export function price(s: OracleSuite, id: string, p: bigint, ago = 0, extra: Partial<PriceInput> = {}): PriceInput {
  return { feedId: id, price: p, conf: p / 1000n, expo: -8, publishTime: s.now - ago, ...extra };
}

export function update(inputs: PriceInput[], o: UpdateOptions = {}): GeneratedUpdate {
  return buildPriceUpdate(inputs, o);
}

/** Attributes of the first event of `type` in an execute result. */
export function eventsOf(
  res: { events: readonly { type: string; attributes: readonly { key: string; value: string }[] }[] },
  type: string,
) {
  return res.events
    .filter((e) => e.type === type)
    .map((e) => Object.fromEntries(e.attributes.map((a) => [a.key, a.value])) as Record<string, string>);
}

/** 18-decimal atomics of price × 10^expo, as cosmwasm Decimal prints it (no trailing zeros). */
export function decimalString(atomics: bigint): string {
  const int = atomics / 10n ** 18n;
  const frac = (atomics % 10n ** 18n).toString().padStart(18, "0").replace(/0+$/, "");
  return frac.length > 0 ? `${int}.${frac}` : `${int}`;
}

export const toAtomics = (p: bigint, expo: number): bigint => p * 10n ** BigInt(18 + expo);
