// Throughput of the oracle's update path on the embedded chain, fed by the generator: signed PNAUs per second through
// `update_price_feeds` (full transactions: signature recovery, Merkle proofs, storage), per signer mode.
import { readFileSync } from "node:fs";
import { OracleClient, OracleQueryClient } from "../../clients/Oracle.client.js";
import { EmbeddedChain } from "../../sim/index.js";
import { buildPriceUpdate, testSignerSet, type PriceInput, type SignerMode } from "./generator.js";
import { PERMISSIVE_PARAMS, deployOracle, oracleWasmPath } from "./oracle-deploy.js";
import { verifyPriceUpdate } from "./verify.js";

export interface OracleBenchOptions {
  mode: SignerMode;
  /** Number of updates submitted (each a full tx). */
  updates: number;
  /** Price messages per PNAU. */
  feedsPerUpdate?: number;
  wasm?: Uint8Array;
}

export interface OracleBenchResult {
  mode: SignerMode;
  signatures: number;
  feedsPerUpdate: number;
  updates: number;
  /** Generator throughput (signing included), updates/s. */
  generatedPerSecond: number;
  /** Off-chain reference verifier, updates/s. */
  referenceVerifiedPerSecond: number;
  /** Contract on the embedded chain, updates/s. */
  chainUpdatesPerSecond: number;
  /** Embedded chain's gas estimate of one update tx (not wasmd's figure). */
  gasPerUpdate: bigint;
}

const T0 = 1_775_001_600;

function feedId(i: number): string {
  return (i + 1).toString(16).padStart(64, "0");
}

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

export async function benchOracleUpdates(o: OracleBenchOptions): Promise<OracleBenchResult> {
  const k = o.feedsPerUpdate ?? 1;
  const wasm = o.wasm ?? readFileSync(oracleWasmPath());
  const ids = Array.from({ length: k }, (_, i) => feedId(i));

  let start = process.hrtime.bigint();
  const blobs: string[] = [];
  let signatures = 0;
  const raw: Buffer[] = [];
  for (let n = 0; n < o.updates; n++) {
    // Strictly increasing publish times, all at or before the chain's clock, so every update is stored.
    const t = T0 - o.updates + n + 1;
    const prices: PriceInput[] = ids.map((id) => ({
      feedId: id,
      price: 55_000_000n + BigInt(n),
      conf: 50_000n,
      expo: -8,
      publishTime: t,
    }));
    const u = buildPriceUpdate(prices, { mode: o.mode });
    signatures = u.signerIndexes.length;
    blobs.push(u.base64);
    raw.push(u.data);
  }
  const generatedPerSecond = o.updates / seconds(start);

  const sets = [testSignerSet(o.mode)];
  start = process.hrtime.bigint();
  for (const b of raw) verifyPriceUpdate(b, { signerSets: sets });
  const referenceVerifiedPerSecond = o.updates / seconds(start);

  const chain = new EmbeddedChain({ startTime: new Date(T0 * 1000) });
  const client = chain.client();
  const sender = chain.addressFor("bench-relayer");
  const { address } = await deployOracle(client, sender, wasm, {
    admin: sender,
    signerSets: sets,
    feeds: ids,
    params: PERMISSIVE_PARAMS,
  });
  const oracle = new OracleClient(client, sender, address);
  let gasPerUpdate = 0n;
  start = process.hrtime.bigint();
  for (const b of blobs) {
    const res = await oracle.updatePriceFeeds({ data: [b] });
    gasPerUpdate = res.gasUsed;
  }
  const chainUpdatesPerSecond = o.updates / seconds(start);
  const last = await new OracleQueryClient(client, address).priceFeed({ id: ids[0]! });
  if (last.price_feed.price.publish_time !== T0) throw new Error("bench: the last update was not stored");
  return {
    mode: o.mode,
    signatures,
    feedsPerUpdate: k,
    updates: o.updates,
    generatedPerSecond,
    referenceVerifiedPerSecond,
    chainUpdatesPerSecond,
    gasPerUpdate,
  };
}

/** Markdown-ish lines in the style of `npm run bench`. */
export function formatOracleBench(results: readonly OracleBenchResult[]): string[] {
  const rows = [
    ["oracle update_price_feeds", "sigs", "feeds", "updates", "generate/s", "ref verify/s", "chain tx/s", "gas (est.)"],
    ...results.map((r) => [
      r.mode,
      String(r.signatures),
      String(r.feedsPerUpdate),
      String(r.updates),
      Math.round(r.generatedPerSecond).toString(),
      Math.round(r.referenceVerifiedPerSecond).toString(),
      Math.round(r.chainUpdatesPerSecond).toString(),
      r.gasPerUpdate.toString(),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length)));
  const table = rows.map((row) =>
    row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "),
  );
  return ["## Oracle updates (generator → embedded chain)", ...table, ""];
}
