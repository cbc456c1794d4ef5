// The client surface shared by the embedded chain and a real node: the method names, arguments and result fields of
// CosmJS `SigningCosmWasmClient`, so deploy scripts and scenarios run unchanged against either.

import type { StdFee } from "@cosmjs/amino";
import type { EncodeObject } from "@cosmjs/proto-signing";
import type {
  Code,
  Contract,
  ExecuteResult,
  InstantiateOptions,
  InstantiateResult,
  MigrateResult,
  UploadResult,
} from "@cosmjs/cosmwasm";
import type { DeliverTxResponse } from "@cosmjs/stargate";
import type { Coin } from "./coin.js";

export type { Code, Contract, ExecuteResult, InstantiateOptions, InstantiateResult, MigrateResult, UploadResult };
export type { Coin, DeliverTxResponse, StdFee };

/** A fee as CosmJS accepts it. The embedded chain ignores it (no fees are charged). */
export type Fee = StdFee | "auto" | number;

/** A JSON message or query result; CosmJS types this as `any`. */
export type JsonObject = Record<string, unknown>;

export interface ChainClient {
  readonly chainId: string;
  getChainId(): Promise<string>;
  getHeight(): Promise<number>;
  upload(senderAddress: string, wasmCode: Uint8Array, fee: Fee, memo?: string): Promise<UploadResult>;
  instantiate(
    senderAddress: string,
    codeId: number,
    msg: JsonObject,
    label: string,
    fee: Fee,
    options?: InstantiateOptions,
  ): Promise<InstantiateResult>;
  execute(
    senderAddress: string,
    contractAddress: string,
    msg: JsonObject,
    fee: Fee,
    memo?: string,
    funds?: readonly Coin[],
  ): Promise<ExecuteResult>;
  migrate(
    senderAddress: string,
    contractAddress: string,
    codeId: number,
    migrateMsg: JsonObject,
    fee: Fee,
    memo?: string,
  ): Promise<MigrateResult>;
  /**
   * CosmJS `simulate`: the gas the messages would use in one tx signed by `signerAddress` (nothing is committed). Fee
   * "auto" multiplies this figure.
   */
  simulate(signerAddress: string, messages: readonly EncodeObject[], memo: string | undefined): Promise<number>;
  queryContractSmart(address: string, queryMsg: JsonObject): Promise<JsonObject>;
  queryContractRaw(address: string, key: Uint8Array): Promise<Uint8Array | null>;
  getBalance(address: string, searchDenom: string): Promise<Coin>;
  sendTokens(
    senderAddress: string,
    recipientAddress: string,
    amount: readonly Coin[],
    fee: Fee,
    memo?: string,
  ): Promise<DeliverTxResponse>;
  getCodes(): Promise<readonly Code[]>;
  getContracts(codeId: number): Promise<readonly string[]>;
  getContract(address: string): Promise<Contract>;
}
