// A tx as the embedded chain logs it, and the chain as its clients see it: EmbeddedClient is written against
// `TxHost`, not against EmbeddedChain, so chain.ts (which creates clients) and client.ts do not import each other.

import type { Event } from "@cosmjs/stargate";
import type { Coin } from "../interface/coin.js";
import type { Ctx, WasmKeeper } from "./keeper.js";
import type { World } from "./world.js";

/** One entry of the append-only tx log. */
export interface TxRecord {
  height: number;
  txIndex: number;
  hash: string;
  /** Type URL of the tx's message. */
  action: string;
  sender: string;
  /** 0 on success; otherwise the root error's code. */
  code: number;
  codespace: string;
  /** wasmd's raw log on failure (`failed to execute message; message index: 0: …`), "" on success. */
  rawLog: string;
  /** The failing message's error as wasmd words it; undefined on success. */
  error: string | undefined;
  events: readonly Event[];
  gasUsed: bigint;
}

/** A failed tx, with the fields of a CosmJS broadcast error. */
export class TxError extends Error {
  constructor(readonly record: TxRecord) {
    super(
      `Error when broadcasting tx ${record.hash} at height ${record.height}. Code: ${record.code}; Raw log: ${record.rawLog}`,
    );
    this.name = "TxError";
  }
}

/** What a client needs from the chain: its identity, the keeper, the committed state and the tx runner. */
export interface TxHost {
  readonly chainId: string;
  readonly govAddress: string;
  readonly keeper: WasmKeeper;
  readonly height: number;
  readonly state: World;
  balance(address: string, denom: string): bigint;
  /** Runs one single-message tx; on failure logs it and throws a TxError. */
  runTx<T>(
    sender: string,
    action: string,
    module: string,
    body: unknown,
    run: (ctx: Ctx) => T,
    signed?: SignedTx,
  ): { result: T; record: TxRecord };
  /** Runs the tx as `runTx` would and returns its gasUsed, leaving the chain exactly as it was; throws on failure. */
  simulateTx(
    sender: string,
    action: string,
    module: string,
    body: unknown,
    run: (ctx: Ctx) => unknown,
    signed: SignedTx,
  ): bigint;
}

/** What the ante handler charges for: the signed tx's message, memo and fee (absent for the gov authority's calls). */
export interface SignedTx {
  /** Bytes of the message, protobuf-encoded as CosmJS signs it (`messageSize` in client.ts). */
  message: number;
  memo: string;
  feeAmount: readonly Coin[];
  /** The fee's gas limit; undefined for an unlimited meter (a fee of "auto" or a multiplier: estimated afterwards). */
  gasLimit: bigint | undefined;
  /** A simulation: CosmJS sends no fee, an unspecified sign mode and an empty signature. */
  simulate?: boolean;
}
