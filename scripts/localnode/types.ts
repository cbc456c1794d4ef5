import type { TestAccount } from "./accounts.js";

export type LocalnodeBackend = "binary" | "docker";

/** A running single-validator chain (native wasmd process or container). */
export interface Localnode {
  readonly backend: LocalnodeBackend;
  /** CometBFT RPC, e.g. http://127.0.0.1:26657 (what CosmJS connects to). */
  readonly rpc: string;
  /** REST/LCD. */
  readonly api: string;
  /** gRPC host:port. */
  readonly grpc: string;
  readonly chainId: string;
  readonly home: string;
  readonly prefix: string;
  readonly denom: string;
  /** x/gov module address: authority and admin of everything deployed through governance. */
  readonly govAddress: string;
  /** Funded test accounts; the first is the validator. */
  readonly accounts: readonly TestAccount[];
  stop(): Promise<void>;
}

export type UploadAccess = "Nobody" | "Everybody";

export interface LocalnodeOptions {
  /** Node home; a fresh temp dir (removed on stop) when omitted. An initialised home is reused as is. */
  home?: string;
  /** RPC port; P2P, API and gRPC use the next three. Free loopback ports are picked when omitted. */
  basePort?: number;
  /** Default akash-localnet-1. */
  chainId?: string;
  /** Default Nobody (governance-only upload, as on Akash). */
  uploadAccess?: UploadAccess;
  /** Give up waiting for height 2 after this long (default 120 s). */
  startTimeoutMs?: number;
}

export const DEFAULT_CHAIN_ID = "akash-localnet-1";
