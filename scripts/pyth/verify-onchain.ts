// Verifies a Pyth update with the oracle contract itself (artifacts/oracle.wasm) on a throwaway embedded chain whose
// clock is set from the update, so the verdict is the contract's and never depends on the machine's clock.
import { readFile } from "node:fs/promises";
import { parseAccumulatorUpdateData, parsePriceFeedMessage } from "@pythnetwork/price-service-sdk";
import { OracleClient, OracleQueryClient } from "../../clients/Oracle.client.js";
import { EmbeddedChain } from "../../sim/index.js";
import { parseAuwv, parsePnau, parseVaa, type Vaa } from "./messages.js";
import { PERMISSIVE_PARAMS, deployOracle, oracleWasmPath } from "./oracle-deploy.js";
import type { SignerSet } from "./verify.js";
import { DEFAULT_DATA_SOURCES, type DataSource } from "./wire.js";

export interface FeedReport {
  id: string;
  price: string;
  conf: string;
  expo: number;
  publish_time: number;
  prev_publish_time: number;
  ema_price: string;
  ema_conf: string;
  /** Whether the contract's `price_feed` now returns exactly this price (false when rejected or not newer). */
  stored: boolean;
}

export interface OnchainVerifyReport {
  verified: boolean;
  /** The contract's error, verbatim, when rejected. */
  error?: string;
  /** The chain's full raw log of the failed tx (wasmd format), when rejected. */
  raw_log?: string;
  /** Unix seconds the embedded chain ran at. */
  block_time: number;
  signer_set: number | null;
  signer_indexes: number[];
  emitter: { chain: number; address: string } | null;
  vaa_timestamp: number | null;
  /** u64 as decimal strings */
  slot: string | null;
  sequence: string | null;
  feeds: FeedReport[];
  /** Why the update could not be decoded locally (the contract still ran). */
  decode_error?: string;
  num_attestations?: number;
  num_updated?: number;
}

export interface OnchainVerifyOptions {
  data: Uint8Array;
  signerSets: readonly SignerSet[];
  dataSources?: readonly DataSource[];
  /** Unix seconds; default: the update's newest publish time (else the VAA timestamp). */
  at?: number;
  /** Contract bytes; default artifacts/oracle.wasm. */
  wasm?: Uint8Array;
}

const RAW_LOG_PREFIX = /^failed to execute message; message index: \d+: /;
const EXECUTE_FAILED_SUFFIX = ": execute wasm contract failed";

function rawLogOf(e: unknown): string | undefined {
  const record = (e as { record?: { rawLog?: unknown } } | null)?.record;
  return typeof record?.rawLog === "string" ? record.rawLog : undefined;
}

/** wasmd wraps a contract error as "failed to execute message; message index: 0: <error>: execute wasm contract failed". */
export function contractError(rawLog: string): string {
  let s = rawLog.replace(RAW_LOG_PREFIX, "");
  if (s.endsWith(EXECUTE_FAILED_SUFFIX)) s = s.slice(0, -EXECUTE_FAILED_SUFFIX.length);
  return s;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

interface Decoded {
  vaa: Vaa | null;
  slot: bigint | null;
  feeds: Omit<FeedReport, "stored">[];
  /** feed ids present (even in messages that are not price messages), for the contract's feed list */
  ids: string[];
  error?: string;
}

/** Best-effort local decoding (price-service-sdk for the messages) that never throws: the contract is the judge. */
function decode(data: Uint8Array): Decoded {
  const out: Decoded = { vaa: null, slot: null, feeds: [], ids: [] };
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  try {
    const pnau = parsePnau(buf);
    out.vaa = parseVaa(pnau.vaa);
    out.slot = parseAuwv(out.vaa.payload).slot;
  } catch (e) {
    out.error = errorText(e);
    // A bare VAA (e.g. a signer-set rotation) is not a price update, but its header is still worth showing.
    if (out.vaa === null && buf[0] === 1) {
      try {
        out.vaa = parseVaa(buf);
        out.error = `not a PNAU price update (a bare VAA): ${out.error}`;
      } catch {
        // not a VAA either: keep the PNAU error
      }
    }
  }
  try {
    const sdk = parseAccumulatorUpdateData(buf);
    for (const u of sdk.updates) {
      if (u.message.length >= 33) out.ids.push(u.message.subarray(1, 33).toString("hex"));
      try {
        const m = parsePriceFeedMessage(u.message);
        // The SDK reads i64 fields as unsigned: reinterpret price and ema_price as two's complement.
        const i64 = (bn: { toString(base?: number): string }): string =>
          BigInt.asIntN(64, BigInt(bn.toString(10))).toString();
        out.feeds.push({
          id: m.feedId.toString("hex"),
          price: i64(m.price),
          conf: m.confidence.toString(10),
          expo: m.exponent,
          publish_time: Number(i64(m.publishTime)),
          prev_publish_time: Number(i64(m.prevPublishTime)),
          ema_price: i64(m.emaPrice),
          ema_conf: m.emaConf.toString(10),
        });
      } catch (e) {
        out.error ??= errorText(e);
      }
    }
  } catch (e) {
    out.error ??= errorText(e);
  }
  out.ids = [...new Set(out.ids)];
  return out;
}

function attribute(
  events: readonly { type: string; attributes: readonly { key: string; value: string }[] }[],
  key: string,
): number | undefined {
  for (const e of events) {
    for (const a of e.attributes) if (a.key === key && /^\d+$/.test(a.value)) return Number(a.value);
  }
  return undefined;
}

export async function verifyWithContract(o: OnchainVerifyOptions): Promise<OnchainVerifyReport> {
  const d = decode(o.data);
  const newest = d.feeds.reduce<number | null>((m, f) => (m === null || f.publish_time > m ? f.publish_time : m), null);
  // Without any decodable time the contract will reject the bytes anyway; any fixed time keeps the run reproducible.
  // The embedded chain cannot start at or before the epoch (nor beyond what a Date holds).
  const blockTime = Math.min(8.64e12, Math.max(1, o.at ?? newest ?? d.vaa?.timestamp ?? 1));
  const report: OnchainVerifyReport = {
    verified: false,
    block_time: blockTime,
    signer_set: d.vaa?.setIndex ?? null,
    signer_indexes: d.vaa?.signatures.map((s) => s.signerIndex) ?? [],
    emitter: d.vaa === null ? null : { chain: d.vaa.emitterChain, address: d.vaa.emitterAddress },
    vaa_timestamp: d.vaa?.timestamp ?? null,
    slot: d.slot?.toString() ?? null,
    sequence: d.vaa?.sequence.toString() ?? null,
    feeds: d.feeds.map((f) => ({ ...f, stored: false })),
    ...(d.error === undefined ? {} : { decode_error: d.error }),
  };

  const wasm = o.wasm ?? (await readFile(oracleWasmPath()));
  const chain = new EmbeddedChain({ startTime: new Date(blockTime * 1000) });
  const client = chain.client();
  const sender = chain.addressFor("verifier");
  const { address } = await deployOracle(client, sender, wasm, {
    admin: sender,
    signerSets: o.signerSets,
    dataSources: o.dataSources ?? DEFAULT_DATA_SOURCES,
    feeds: d.ids,
    params: PERMISSIVE_PARAMS,
  });
  try {
    const oracle = new OracleClient(client, sender, address);
    const res = await oracle.updatePriceFeeds({ data: [Buffer.from(o.data).toString("base64")] });
    report.verified = true;
    const attestations = attribute(res.events, "num_attestations");
    const updated = attribute(res.events, "num_updated");
    if (attestations !== undefined) report.num_attestations = attestations;
    if (updated !== undefined) report.num_updated = updated;
  } catch (e) {
    const raw = rawLogOf(e);
    if (raw !== undefined) report.raw_log = raw;
    report.error = contractError(raw ?? errorText(e));
    return report;
  }
  for (const f of report.feeds) {
    try {
      const p = (await new OracleQueryClient(client, address).priceFeed({ id: f.id })).price_feed.price;
      f.stored = p.price === f.price && p.conf === f.conf && p.expo === f.expo && p.publish_time === f.publish_time;
    } catch {
      f.stored = false;
    }
  }
  return report;
}
