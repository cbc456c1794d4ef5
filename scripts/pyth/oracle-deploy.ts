// Instantiate message and deployment of the oracle contract (contracts/oracle/msg.ts InstantiateMsg), shared by the
// offline verifier, the relayer's embedded mode, tests and benches.
import { join } from "node:path";
import type { InstantiateMsg } from "../../clients/Oracle.types.js";
import type { ChainClient, Coin, JsonObject } from "../../sim/interface/client.js";
import { repoRoot } from "../lib/repo-root.js";
import type { SignerSet } from "./verify.js";
import { DEFAULT_DATA_SOURCES, hexToBytes, normalizeHex, type DataSource } from "./wire.js";

export const oracleWasmPath = (): string => join(repoRoot(), "artifacts", "oracle.wasm");

/** Ten years: long enough that staleness never decides anything when only verification is being tested. */
export const LONG_SECONDS = 315_360_000;

export interface OracleSetup {
  admin: string;
  signerSets: readonly SignerSet[];
  /** Emitters (hex); default both Pyth emitters on chain 26. */
  dataSources?: readonly DataSource[];
  /** Feed ids (hex, 0x optional). */
  feeds?: readonly string[];
  updateFee?: Coin;
  feeRecipient?: string;
  /** Extra InstantiateMsg fields (thresholds), passed through unchanged. */
  params?: Partial<InstantiateMsg>;
}

/**
 * Thresholds that accept anything authentic: the widest exponent range, any confidence up to 100 %, the maximum
 * future drift the contract allows, no EMA-deviation check, and a decade of staleness. Used when only
 * signature/Merkle verification matters.
 */
export const PERMISSIVE_PARAMS: Partial<InstantiateMsg> = {
  max_conf_bps: 10_000,
  min_expo: -18,
  max_expo: 0,
  max_future_drift: 3600,
  max_ema_deviation_bps: 0,
  max_price_staleness: LONG_SECONDS,
  price_retention: LONG_SECONDS,
};

/** The oracle's InstantiateMsg (typed by the generated client types), as the JSON object the chain clients take. */
export function oracleInstantiateMsg(s: OracleSetup): JsonObject {
  const msg: InstantiateMsg = {
    admin: s.admin,
    signer_sets: s.signerSets.map((set) => ({
      index: set.index,
      addresses: set.addresses.map((a) => normalizeHex(a, 20)),
      ...(set.quorum === undefined ? {} : { quorum: set.quorum }),
      ...(set.expires_at === undefined ? {} : { expires_at: set.expires_at }),
    })),
    // The contract takes emitters as cosmwasm Binary (base64), like Pyth's own data_sources.
    data_sources: (s.dataSources ?? DEFAULT_DATA_SOURCES).map((d) => ({
      chain_id: d.chain_id,
      emitter: hexToBytes(d.emitter, 32).toString("base64"),
    })),
    ...(s.params ?? {}),
    fee_recipient: s.feeRecipient ?? s.admin,
    // Explicit even where the contract has defaults, so a deployment does not change meaning if a default does.
    update_fee: s.updateFee ?? { denom: "uakt", amount: "0" },
  };
  if (s.feeds !== undefined) msg.feeds = [...new Set(s.feeds.map((f) => normalizeHex(f, 32)))].map((id) => ({ id }));
  return { ...msg };
}

export async function deployOracle(
  client: Pick<ChainClient, "upload" | "instantiate">,
  sender: string,
  wasm: Uint8Array,
  setup: OracleSetup,
  label = "oracle",
): Promise<{ codeId: number; address: string }> {
  const { codeId } = await client.upload(sender, wasm, "auto");
  const { contractAddress } = await client.instantiate(sender, codeId, oracleInstantiateMsg(setup), label, "auto");
  return { codeId, address: contractAddress };
}
