// Test doubles for the relayer: the loopback Hermes (scripts/pyth/mock-hermes.ts) and a fake oracle client that
// behaves like the contract's update path (reference verifier, per-message fee, store-if-newer) and records calls.
import type { Coin, ExecuteResult, Fee, JsonObject } from "../../sim/interface/client.js";
import { verifyPriceUpdate, type SignerSet } from "../../scripts/pyth/verify.js";
import { parsePnau } from "../../scripts/pyth/messages.js";
import type { RelayClient } from "../../scripts/relayer/relayer.js";

export { startMockHermes, type MockHermes, type MockFeed } from "../../scripts/pyth/mock-hermes.js";

export interface ExecuteCall {
  sender: string;
  contract: string;
  msg: JsonObject;
  fee: Fee;
  funds: readonly Coin[];
}

export class FakeOracleClient implements RelayClient {
  readonly stored = new Map<string, { publishTime: bigint; price: bigint; conf: bigint; expo: number }>();
  readonly executes: ExecuteCall[] = [];
  readonly queries: JsonObject[] = [];
  private tx = 0;
  /** When set, the next execute fails with this message (like a contract error surfacing through CosmJS). */
  failNextExecute: string | undefined;

  constructor(
    readonly contract: string,
    readonly signerSets: SignerSet[],
    readonly feePerMessage: Coin = { denom: "uakt", amount: "0" },
    /** Feeds the contract tracks (`feeds` query); the real one stores only these. */
    readonly configuredFeeds: string[] = [],
  ) {}

  private fee(data: string[]): Coin {
    const n = data.reduce((sum, b) => sum + parsePnau(Buffer.from(b, "base64")).updates.length, 0);
    return { denom: this.feePerMessage.denom, amount: (BigInt(this.feePerMessage.amount) * BigInt(n)).toString() };
  }

  queryContractSmart(address: string, msg: JsonObject): Promise<JsonObject> {
    this.queries.push(msg);
    if (address !== this.contract) return Promise.reject(new Error(`no contract ${address}`));
    const pf = msg.price_feed as { id: string } | undefined;
    if (pf !== undefined) {
      const s = this.stored.get(pf.id);
      if (s === undefined)
        return Promise.reject(new Error(`query wasm contract failed: price feed not found: ${pf.id}`));
      const price = {
        price: s.price.toString(),
        conf: s.conf.toString(),
        expo: s.expo,
        publish_time: Number(s.publishTime),
      };
      return Promise.resolve({ price_feed: { id: pf.id, price, ema_price: price } });
    }
    const fq = msg.feeds as { start_after?: string; limit?: number } | undefined;
    if (fq !== undefined) {
      const sorted = [...this.configuredFeeds].sort();
      const after = fq.start_after;
      const page = sorted.filter((id) => after === undefined || id > after).slice(0, fq.limit ?? 10);
      return Promise.resolve({ feeds: page.map((id) => ({ id, symbol: "", publish_time: null })) });
    }
    const gf = msg.get_update_fee as { data: string[] } | undefined;
    if (gf !== undefined) return Promise.resolve({ ...this.fee(gf.data) });
    return Promise.reject(new Error(`unknown query ${JSON.stringify(msg)}`));
  }

  execute(
    sender: string,
    contract: string,
    msg: JsonObject,
    fee: Fee,
    _memo?: string,
    funds: readonly Coin[] = [],
  ): Promise<ExecuteResult> {
    this.executes.push({ sender, contract, msg, fee, funds });
    if (this.failNextExecute !== undefined) {
      const m = this.failNextExecute;
      this.failNextExecute = undefined;
      return Promise.reject(new Error(m));
    }
    const data = (msg.update_price_feeds as { data: string[] }).data;
    const required = this.fee(data);
    const paid = funds.filter((c) => c.denom === required.denom).reduce((s, c) => s + BigInt(c.amount), 0n);
    if (paid < BigInt(required.amount)) return Promise.reject(new Error("insufficient fee"));
    for (const b of data) {
      for (const p of verifyPriceUpdate(Buffer.from(b, "base64"), { signerSets: this.signerSets }).prices) {
        const s = this.stored.get(p.feedId);
        if (!this.configuredFeeds.includes(p.feedId)) continue;
        if (s === undefined || s.publishTime < p.publishTime) this.stored.set(p.feedId, p);
      }
    }
    this.tx++;
    const hash = this.tx.toString(16).padStart(64, "0").toUpperCase();
    return Promise.resolve({
      transactionHash: hash,
      height: this.tx,
      events: [],
      logs: [],
      gasUsed: 0n,
      gasWanted: 0n,
    });
  }
}
