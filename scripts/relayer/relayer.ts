// Pyth price relayer: Hermes → oracle contract. Each cycle fetches the latest signed update for the configured feeds,
// keeps only the feeds newer than what the contract stores (the fee is per price message), asks the contract for the
// fee and submits. Errors back off exponentially up to a cap. Clock, sleep and log are injectable so tests never wait.
import { HermesClient } from "@pythnetwork/hermes-client";
import { decodePriceMessage, parsePnau, slicePnau } from "../pyth/messages.js";
import { normalizeHex } from "../pyth/wire.js";
import { OracleClient, OracleQueryClient } from "../../clients/Oracle.client.js";
import type { ChainClient, Coin, Fee } from "../../sim/interface/client.js";

export const DEFAULT_HERMES_ENDPOINT = "https://pyth.dourolabs.app/hermes";

/** The part of HermesClient the relayer uses (so tests or other sources can stand in). */
export interface PriceUpdateSource {
  getLatestPriceUpdates(
    ids: string[],
    options: { encoding: "base64"; parsed: boolean },
  ): Promise<{ binary: { encoding: string; data: string[] } }>;
}

export type RelayClient = Pick<ChainClient, "execute" | "queryContractSmart">;

export interface BackoffOptions {
  /** First retry delay (default 1000 ms). */
  initialMs?: number;
  /** Multiplier per consecutive error (default 2). */
  factor?: number;
  /** Cap on the delay (default 60 000 ms). */
  maxMs?: number;
}

export interface RelayerOptions {
  client: RelayClient;
  source: PriceUpdateSource;
  contract: string;
  sender: string;
  /** Feed ids (hex, 0x optional). */
  feeds: readonly string[];
  /** Transaction fee for `execute` (default "auto"). */
  txFee?: Fee;
  memo?: string;
  backoff?: BackoffOptions;
  /** Unix milliseconds; default Date.now. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** One line per action. Default console.log. */
  log?: (line: string) => void;
  onEvent?: (e: RelayEvent) => void;
}

export interface FeedPublish {
  id: string;
  /** publish_time in the update from Hermes */
  publishTime: bigint;
  /** publish_time the contract had (null: no price stored yet) */
  stored: bigint | null;
}

export type RelayEvent =
  | { kind: "submitted"; feeds: FeedPublish[]; fee: Coin; txHash: string; data: string[] }
  | { kind: "skipped"; feeds: FeedPublish[]; reason: string }
  | { kind: "error"; error: string; consecutiveErrors: number; retryInMs: number };

export type CycleResult = Exclude<RelayEvent, { kind: "error" }>;

interface Located extends FeedPublish {
  blob: number;
  update: number;
}

export function backoffDelay(consecutiveErrors: number, o: BackoffOptions = {}): number {
  const initial = o.initialMs ?? 1000;
  const factor = o.factor ?? 2;
  const max = o.maxMs ?? 60_000;
  return Math.min(max, initial * factor ** Math.max(0, consecutiveErrors - 1));
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

const isNotFound = (msg: string): boolean => /price feed not found|PriceFeedNotFound/i.test(msg);

export class Relayer {
  private feeds: string[];
  private feedsChecked = false;
  private consecutiveErrors = 0;
  private stopped = false;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly log: (line: string) => void;
  private readonly oracle: OracleClient;
  // The contract may be another Pyth-compatible oracle: answers are still checked at run time before use.
  private readonly query: OracleQueryClient;

  constructor(private readonly o: RelayerOptions) {
    if (o.feeds.length === 0) throw new Error("relayer: no feeds configured");
    this.oracle = new OracleClient(o.client, o.sender, o.contract);
    this.query = new OracleQueryClient(o.client, o.contract);
    this.feeds = [...new Set(o.feeds.map((f) => normalizeHex(f, 32)))];
    this.now = o.now ?? Date.now;
    this.sleep =
      o.sleep ??
      ((ms) =>
        new Promise((resolve) => {
          setTimeout(resolve, ms);
        }));
    this.log =
      o.log ??
      ((line) => {
        console.log(line);
      });
  }

  private emit(e: RelayEvent): void {
    const ts = new Date(this.now()).toISOString();
    const feeds = (fs: FeedPublish[]): string =>
      fs
        .map((f) => `${f.id}@${f.publishTime}${f.stored === null ? " (none stored)" : ` (was ${f.stored})`}`)
        .join(", ");
    let line: string;
    if (e.kind === "submitted") {
      line = `${ts} submitted ${e.feeds.length} feed(s): ${feeds(e.feeds)}; fee ${e.fee.amount}${e.fee.denom}; tx ${e.txHash}`;
    } else if (e.kind === "skipped") {
      line = `${ts} skipped: ${e.reason}`;
    } else {
      line = `${ts} error: ${e.error}; retry in ${e.retryInMs / 1000}s (consecutive errors: ${e.consecutiveErrors})`;
    }
    this.log(line);
    this.o.onEvent?.(e);
  }

  /** publish_time the contract holds for a feed, or null when it has none yet. */
  private async storedPublishTime(id: string): Promise<bigint | null> {
    let res: unknown;
    try {
      res = await this.query.priceFeed({ id });
    } catch (e) {
      if (isNotFound(errorText(e))) return null;
      throw e;
    }
    const feed = (res as { price_feed?: { price?: { publish_time?: unknown } } }).price_feed;
    const t = feed?.price?.publish_time;
    if (typeof t !== "number" && typeof t !== "string") {
      throw new Error(`unexpected price_feed response for ${id}: ${JSON.stringify(res)}`);
    }
    return BigInt(t);
  }

  /**
   * The contract verifies updates for any feed but stores only configured ones, and the fee is charged either way:
   * relaying an unconfigured feed would pay for nothing on every cycle. Drop such feeds once, loudly.
   */
  private async checkConfiguredFeeds(): Promise<void> {
    const configured = new Set<string>();
    let startAfter: string | undefined;
    try {
      for (;;) {
        const page = (await this.query.feeds({ startAfter, limit: 30 })) as { feeds?: { id?: unknown }[] };
        const ids = (page.feeds ?? []).map((f) => String(f.id));
        for (const id of ids) configured.add(id);
        if (ids.length === 0 || ids[ids.length - 1] === startAfter) break;
        startAfter = ids[ids.length - 1];
      }
    } catch (e) {
      // Not this project's oracle (e.g. upstream Pyth has no `feeds` query): relay without the check.
      this.emit({
        kind: "skipped",
        feeds: [],
        reason: `cannot list the contract's feeds (${errorText(e)}); not checked`,
      });
      this.feedsChecked = true;
      return;
    }
    const missing = this.feeds.filter((id) => !configured.has(id));
    if (missing.length === this.feeds.length) {
      throw new Error(`none of the feeds is configured in the oracle contract: ${missing.join(", ")}`);
    }
    if (missing.length > 0) {
      this.feeds = this.feeds.filter((id) => configured.has(id));
      this.emit({
        kind: "skipped",
        feeds: [],
        reason: `not configured in the oracle contract, never relayed: ${missing.join(", ")}`,
      });
    }
    this.feedsChecked = true;
  }

  /** One fetch/compare/submit cycle. Throws on any failure (the loop turns that into backoff). */
  async cycle(): Promise<CycleResult> {
    if (!this.feedsChecked) await this.checkConfiguredFeeds();
    const upd = await this.o.source.getLatestPriceUpdates(this.feeds, { encoding: "base64", parsed: true });
    if (upd.binary.encoding !== "base64") throw new Error(`Hermes returned ${upd.binary.encoding}, asked for base64`);
    const blobs = upd.binary.data.map((b) => Buffer.from(b, "base64"));

    // Locate each configured feed in the returned blobs by decoding them: what we compare is what we submit.
    const found = new Map<string, Omit<Located, "stored">>();
    blobs.forEach((blob, bi) => {
      parsePnau(blob).updates.forEach((u, ui) => {
        const m = decodePriceMessage(u.message);
        const prev = found.get(m.feedId);
        if (this.feeds.includes(m.feedId) && (prev === undefined || m.publishTime > prev.publishTime)) {
          found.set(m.feedId, { id: m.feedId, publishTime: m.publishTime, blob: bi, update: ui });
        }
      });
    });
    const missing = this.feeds.filter((id) => !found.has(id));
    if (missing.length === this.feeds.length)
      throw new Error(`Hermes returned none of the feeds ${missing.join(", ")}`);

    const located: Located[] = [];
    for (const f of found.values()) located.push({ ...f, stored: await this.storedPublishTime(f.id) });
    const newer = located.filter((f) => f.stored === null || f.publishTime > f.stored);
    const stale = located.filter((f) => !newer.includes(f));
    const strip = ({ id, publishTime, stored }: Located): FeedPublish => ({ id, publishTime, stored });

    if (newer.length === 0) {
      const reason =
        "not newer than the contract: " +
        stale.map((f) => `${f.id} hermes ${f.publishTime} <= contract ${f.stored}`).join(", ") +
        (missing.length > 0 ? `; not in Hermes' answer: ${missing.join(", ")}` : "");
      const e = { kind: "skipped" as const, feeds: stale.map(strip), reason };
      this.emit(e);
      return e;
    }
    if (stale.length > 0 || missing.length > 0) {
      const parts = stale.map((f) => `${f.id} hermes ${f.publishTime} <= contract ${f.stored}`);
      if (missing.length > 0) parts.push(`not in Hermes' answer: ${missing.join(", ")}`);
      this.emit({ kind: "skipped", feeds: stale.map(strip), reason: `partial: ${parts.join(", ")}` });
    }

    const data = blobs.flatMap((blob, bi) => {
      const keep = newer.filter((f) => f.blob === bi).map((f) => f.update);
      if (keep.length === 0) return [];
      const all = parsePnau(blob).updates.length;
      return [(keep.length === all ? blob : slicePnau(blob, keep)).toString("base64")];
    });
    const fee: unknown = await this.query.getUpdateFee({ data });
    if (!isCoin(fee)) throw new Error(`unexpected get_update_fee response: ${JSON.stringify(fee)}`);
    const funds = BigInt(fee.amount) > 0n ? [{ denom: fee.denom, amount: fee.amount }] : [];
    const res = await this.oracle.updatePriceFeeds({ data }, this.o.txFee ?? "auto", this.o.memo, funds);
    const e = {
      kind: "submitted" as const,
      feeds: newer.map(strip),
      fee: { denom: fee.denom, amount: fee.amount },
      txHash: res.transactionHash,
      data,
    };
    this.emit(e);
    return e;
  }

  stop(): void {
    this.stopped = true;
  }

  /**
   * Runs cycles every `intervalMs` until stop() (or `maxCycles` successful cycles, e.g. 1 for --once). A failed cycle
   * is retried after an exponential backoff; `maxConsecutiveErrors` gives up (returns false).
   */
  async run(o: { intervalMs: number; maxCycles?: number; maxConsecutiveErrors?: number }): Promise<boolean> {
    let done = 0;
    while (!this.stopped) {
      try {
        await this.cycle();
        this.consecutiveErrors = 0;
        done++;
        if (o.maxCycles !== undefined && done >= o.maxCycles) return true;
        await this.sleep(o.intervalMs);
      } catch (e) {
        this.consecutiveErrors++;
        const retryInMs = backoffDelay(this.consecutiveErrors, this.o.backoff);
        const giveUp = o.maxConsecutiveErrors !== undefined && this.consecutiveErrors >= o.maxConsecutiveErrors;
        this.emit({
          kind: "error",
          error: errorText(e),
          consecutiveErrors: this.consecutiveErrors,
          retryInMs: giveUp ? 0 : retryInMs,
        });
        if (giveUp) return false;
        await this.sleep(retryInMs);
      }
    }
    return true;
  }
}

function isCoin(v: unknown): v is Coin {
  if (typeof v !== "object" || v === null) return false;
  const c = v as Record<string, unknown>;
  return typeof c.denom === "string" && typeof c.amount === "string" && /^\d+$/.test(c.amount);
}

/**
 * HermesClient configured for the relayer: our own loop does the retrying (its built-in retries sleep on real
 * timers), and the API key goes in the Bearer header that Hermes requires since the 2026 upgrade.
 */
export function hermesSource(endpoint: string, apiKey: string | undefined, timeoutMs = 10_000): PriceUpdateSource {
  return new HermesClient(endpoint, { accessToken: apiKey, httpRetries: 0, timeout: timeoutMs });
}
