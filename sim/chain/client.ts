// The embedded chain behind the CosmJS SigningCosmWasmClient surface. Senders are trusted (no signatures); fees are
// ignored except for `gasWanted`.

import { fromUtf8 } from "@cosmjs/encoding";
import { BroadcastTxError, type Event } from "@cosmjs/stargate";
import { gzipSync } from "node:zlib";
import type { TxHost, TxRecord } from "./tx.js";
import type {
  ChainClient,
  Code,
  Coin,
  Contract,
  DeliverTxResponse,
  ExecuteResult,
  Fee,
  InstantiateOptions,
  InstantiateResult,
  JsonObject,
  MigrateResult,
  UploadResult,
} from "../interface/client.js";
import { sendCoins } from "./bank.js";
import { coinsFromClient, coinsValidateError } from "./coins.js";
import { ChainError, Err } from "./errors.js";
import { GasMeter, QUERY_GAS_LIMIT } from "./gas.js";
import { utf8Transient } from "./json.js";
import { bytesField, coinsField, uintField, utf8Bytes } from "./ante.js";
import type { SignedTx } from "./tx.js";
import type { Ctx } from "./keeper.js";
import type { EncodeObject } from "@cosmjs/proto-signing";

interface TxFields {
  logs: [];
  height: number;
  transactionHash: string;
  events: readonly Event[];
  gasWanted: bigint;
  gasUsed: bigint;
}

/** CosmJS's default "auto" multiplier is 1.4; numbers multiply the estimate, a StdFee states the limit. */
function gasWanted(fee: Fee, used: bigint): bigint {
  if (typeof fee === "object") return BigInt(fee.gas);
  const multiplier = fee === "auto" ? 1.4 : fee;
  return BigInt(Math.ceil(Number(used) * multiplier));
}

/** A message's JSON bytes; each is copied into the contract's memory (or measured) and dropped. */
const json = (msg: JsonObject): Uint8Array => utf8Transient(JSON.stringify(msg));

/** Thrown by a simulating client's tx runner once the simulation is done (the result is not needed). */
const SIMULATED = new Error("simulated");

/** The tx the ante handler sees: a StdFee sets the gas limit; "auto" or a multiplier runs unlimited. */
function signed(message: number, memo: string, fee: Fee): SignedTx {
  return typeof fee === "object"
    ? { message, memo, feeAmount: fee.amount, gasLimit: BigInt(fee.gas) }
    : { message, memo, feeAmount: [], gasLimit: undefined };
}

export class EmbeddedClient implements ChainClient {
  readonly chainId: string;

  /** gasUsed of the tx a simulating client ran (then threw SIMULATED). */
  private simulated: bigint | undefined;

  constructor(
    private readonly chain: TxHost,
    /** Calls run as the gov module authority, whatever sender is passed. */
    readonly gov: boolean,
    /** Every tx is simulated (state left as it was) and its gas kept in `simulated`. */
    private readonly simulation = false,
  ) {
    this.chainId = chain.chainId;
  }

  private runTx<T>(
    sender: string,
    action: string,
    module: string,
    body: unknown,
    run: (ctx: Ctx) => T,
    tx?: SignedTx,
  ): { result: T; record: TxRecord } {
    if (!this.simulation) return this.chain.runTx(sender, action, module, body, run, tx);
    this.simulated = this.chain.simulateTx(sender, action, module, body, run, tx ?? signed(0, "", "auto"));
    throw SIMULATED;
  }

  /**
   * CosmJS `simulate` (one message): the tx runs as it would be delivered, with the simulated tx's size (no fee, no
   * signature), and nothing is kept. Its gasUsed is what wasmd's simulation reports.
   */
  async simulate(signerAddress: string, messages: readonly EncodeObject[], memo: string | undefined): Promise<number> {
    if (messages.length !== 1) throw new Error("the embedded chain simulates single-message txs");
    const { typeUrl, value } = messages[0]! as { typeUrl: string; value: Record<string, unknown> };
    const sim = new EmbeddedClient(this.chain, this.gov, true);
    const msgJson = (): JsonObject => JSON.parse(fromUtf8(value.msg as Uint8Array)) as JsonObject;
    const funds = (value.funds ?? []) as Coin[];
    try {
      switch (typeUrl) {
        case "/cosmwasm.wasm.v1.MsgExecuteContract":
          await sim.execute(signerAddress, value.contract as string, msgJson(), "auto", memo, funds);
          break;
        case "/cosmwasm.wasm.v1.MsgInstantiateContract": {
          const admin = value.admin as string | undefined;
          await sim.instantiate(signerAddress, Number(value.codeId), msgJson(), value.label as string, "auto", {
            memo,
            funds,
            admin: admin === "" ? undefined : admin,
          });
          break;
        }
        case "/cosmwasm.wasm.v1.MsgMigrateContract":
          await sim.migrate(signerAddress, value.contract as string, Number(value.codeId), msgJson(), "auto", memo);
          break;
        case "/cosmwasm.wasm.v1.MsgStoreCode":
          await sim.upload(signerAddress, value.wasmByteCode as Uint8Array, "auto", memo);
          break;
        case "/cosmos.bank.v1beta1.MsgSend":
          await sim.sendTokens(signerAddress, value.toAddress as string, value.amount as Coin[], "auto", memo);
          break;
        default:
          throw new Error(`the embedded chain cannot simulate ${typeUrl}`);
      }
    } catch (e) {
      if (e !== SIMULATED) throw e;
    }
    if (sim.simulated === undefined) throw new Error("simulation ran no tx");
    return Number(sim.simulated);
  }

  private sender(senderAddress: string): string {
    return this.gov ? this.chain.govAddress : this.chain.keeper.address(senderAddress, "sender");
  }

  private fields(record: TxRecord, fee: Fee): TxFields {
    return {
      logs: [],
      height: record.height,
      transactionHash: record.hash,
      events: record.events,
      gasWanted: gasWanted(fee, record.gasUsed),
      gasUsed: record.gasUsed,
    };
  }

  getChainId(): Promise<string> {
    return Promise.resolve(this.chainId);
  }

  getHeight(): Promise<number> {
    return Promise.resolve(this.chain.height);
  }

  upload(senderAddress: string, wasmCode: Uint8Array, fee: Fee, memo = ""): Promise<UploadResult> {
    return attempt(() => {
      const sender = this.sender(senderAddress);
      const { result, record } = this.runTx(
        sender,
        "/cosmwasm.wasm.v1.MsgStoreCode",
        "wasm",
        { wasm: Buffer.from(wasmCode).toString("base64"), memo },
        (ctx) => this.chain.keeper.storeCode(ctx, sender, wasmCode, this.gov),
        this.gov ? undefined : signed(bytesField(sender.length) + bytesField(wasmCode.length), memo, fee),
      );
      return {
        checksum: result.checksum,
        originalSize: wasmCode.length,
        compressedSize: gzipSync(wasmCode, { level: 9 }).length,
        codeId: Number(result.codeId),
        ...this.fields(record, fee),
      };
    });
  }

  instantiate(
    senderAddress: string,
    codeId: number,
    msg: JsonObject,
    label: string,
    fee: Fee,
    options: InstantiateOptions = {},
  ): Promise<InstantiateResult> {
    return attempt(() => {
      const sender = this.sender(senderAddress);
      const admin = options.admin === undefined ? "" : this.chain.keeper.address(options.admin, "admin");
      checkMsgFunds(options.funds ?? []);
      const funds = coinsFromClient(options.funds ?? []);
      const { result, record } = this.runTx(
        sender,
        "/cosmwasm.wasm.v1.MsgInstantiateContract",
        "wasm",
        { codeId, msg, label, admin, funds: options.funds ?? [], memo: options.memo ?? "" },
        (ctx) => this.chain.keeper.instantiate(ctx, BigInt(codeId), sender, admin, json(msg), label, funds),
        this.gov
          ? undefined
          : signed(
              bytesField(sender.length) +
                bytesField(admin.length) +
                uintField(codeId) +
                bytesField(utf8Bytes(label)) +
                bytesField(json(msg).length) +
                coinsField(options.funds ?? []),
              options.memo ?? "",
              fee,
            ),
      );
      return { contractAddress: result.address, ...this.fields(record, fee) };
    });
  }

  execute(
    senderAddress: string,
    contractAddress: string,
    msg: JsonObject,
    fee: Fee,
    memo = "",
    funds: readonly Coin[] = [],
  ): Promise<ExecuteResult> {
    return attempt(() => {
      const sender = this.sender(senderAddress);
      checkMsgFunds(funds);
      const amounts = coinsFromClient(funds);
      const msgBytes = json(msg);
      const { record } = this.runTx(
        sender,
        "/cosmwasm.wasm.v1.MsgExecuteContract",
        "wasm",
        { contractAddress, msg, funds, memo },
        (ctx) => {
          this.chain.keeper.address(contractAddress, "contract");
          return this.chain.keeper.execute(ctx, contractAddress, sender, msgBytes, amounts);
        },
        this.gov
          ? undefined
          : signed(
              bytesField(sender.length) +
                bytesField(contractAddress.length) +
                bytesField(msgBytes.length) +
                coinsField(funds),
              memo,
              fee,
            ),
      );
      return this.fields(record, fee);
    });
  }

  migrate(
    senderAddress: string,
    contractAddress: string,
    codeId: number,
    migrateMsg: JsonObject,
    fee: Fee,
    memo = "",
  ): Promise<MigrateResult> {
    return attempt(() => {
      const sender = this.sender(senderAddress);
      const { record } = this.runTx(
        sender,
        "/cosmwasm.wasm.v1.MsgMigrateContract",
        "wasm",
        { contractAddress, codeId, migrateMsg, memo },
        (ctx) => this.chain.keeper.migrate(ctx, contractAddress, sender, BigInt(codeId), json(migrateMsg), this.gov),
        this.gov
          ? undefined
          : signed(
              bytesField(sender.length) +
                bytesField(contractAddress.length) +
                uintField(codeId) +
                bytesField(json(migrateMsg).length),
              memo,
              fee,
            ),
      );
      return this.fields(record, fee);
    });
  }

  /** CosmJS `updateAdmin`. */
  updateAdmin(
    senderAddress: string,
    contractAddress: string,
    newAdmin: string,
    fee: Fee,
    memo = "",
  ): Promise<TxFields> {
    return this.changeAdmin(senderAddress, contractAddress, newAdmin, fee, memo);
  }

  /** CosmJS `clearAdmin`. */
  clearAdmin(senderAddress: string, contractAddress: string, fee: Fee, memo = ""): Promise<TxFields> {
    return this.changeAdmin(senderAddress, contractAddress, "", fee, memo);
  }

  private changeAdmin(
    senderAddress: string,
    contractAddress: string,
    newAdmin: string,
    fee: Fee,
    memo: string,
  ): Promise<TxFields> {
    return attempt(() => {
      const sender = this.sender(senderAddress);
      if (newAdmin !== "") this.chain.keeper.address(newAdmin, "new admin");
      const { record } = this.runTx(
        sender,
        newAdmin === "" ? "/cosmwasm.wasm.v1.MsgClearAdmin" : "/cosmwasm.wasm.v1.MsgUpdateAdmin",
        "wasm",
        { contractAddress, newAdmin, memo },
        (ctx) => {
          this.chain.keeper.setAdmin(ctx, contractAddress, sender, newAdmin, this.gov);
        },
        this.gov
          ? undefined
          : signed(
              bytesField(sender.length) + bytesField(newAdmin.length) + bytesField(contractAddress.length),
              memo,
              fee,
            ),
      );
      return this.fields(record, fee);
    });
  }

  /** `MsgSudoContract`: only the gov authority may send it. */
  sudo(contractAddress: string, msg: JsonObject, fee: Fee = "auto"): Promise<TxFields> {
    return attempt(() => {
      if (!this.gov) throw new Error("sudo is only available on the gov client (chain.asGov())");
      const { record } = this.runTx(
        this.chain.govAddress,
        "/cosmwasm.wasm.v1.MsgSudoContract",
        "wasm",
        { contractAddress, msg },
        (ctx) => this.chain.keeper.sudo(ctx, contractAddress, json(msg)),
      );
      return this.fields(record, fee);
    });
  }

  queryContractSmart(address: string, queryMsg: JsonObject): Promise<JsonObject> {
    return attempt(() => {
      try {
        this.chain.keeper.address(address, "address");
        const bytes = this.chain.keeper.querySmart(
          this.chain.state.child(),
          address,
          json(queryMsg),
          0,
          undefined,
          new GasMeter(QUERY_GAS_LIMIT),
        );
        return JSON.parse(fromUtf8(bytes)) as JsonObject;
      } catch (e) {
        throw queryError(e);
      }
    });
  }

  queryContractRaw(address: string, key: Uint8Array): Promise<Uint8Array | null> {
    return attempt(() => {
      try {
        this.chain.keeper.contractInstance(this.chain.state, address);
      } catch (e) {
        throw queryError(e);
      }
      return this.chain.state.read(address, key)?.slice() ?? null;
    });
  }

  getBalance(address: string, searchDenom: string): Promise<Coin> {
    return Promise.resolve({ denom: searchDenom, amount: this.chain.balance(address, searchDenom).toString() });
  }

  /** Like CosmJS, a tx that fails in delivery resolves with `code != 0` instead of throwing. */
  sendTokens(
    senderAddress: string,
    recipientAddress: string,
    amount: readonly Coin[],
    fee: Fee,
    memo = "",
  ): Promise<DeliverTxResponse> {
    return attempt(() => {
      const sender = this.sender(senderAddress);
      const keeper = this.chain.keeper;
      let record: TxRecord;
      try {
        record = this.runTx(
          sender,
          "/cosmos.bank.v1beta1.MsgSend",
          "bank",
          { recipientAddress, amount, memo },
          (ctx) => {
            keeper.address(recipientAddress, "invalid to address");
            const coins = coinsFromClient(amount);
            if (coins.length === 0) throw Err.invalidCoins.wrap("");
            keeper.checkSendEnabled(coins, ctx.gas);
            if (keeper.config.blocked.has(recipientAddress)) {
              throw Err.unauthorized.wrap(`${recipientAddress} is not allowed to receive funds`);
            }
            ctx.events.push(...sendCoins(ctx.world, sender, recipientAddress, coins, ctx.gas));
          },
          this.gov
            ? undefined
            : signed(bytesField(sender.length) + bytesField(recipientAddress.length) + coinsField(amount), memo, fee),
        ).record;
      } catch (e) {
        if (!(e instanceof Error) || !("record" in e)) throw e;
        record = (e as { record: TxRecord }).record;
      }
      return {
        height: record.height,
        txIndex: record.txIndex,
        code: record.code,
        transactionHash: record.hash,
        events: record.events,
        rawLog: record.rawLog,
        msgResponses:
          record.code === 0
            ? [
                {
                  typeUrl: "/cosmos.bank.v1beta1.MsgSendResponse",
                  value: new Uint8Array(),
                },
              ]
            : [],
        gasUsed: record.gasUsed,
        gasWanted: gasWanted(fee, record.gasUsed),
      };
    });
  }

  getCodes(): Promise<readonly Code[]> {
    return Promise.resolve(
      this.chain.state.codes
        .entries("")
        .map(([, c]) => ({ id: Number(c.codeId), creator: c.creator, checksum: c.checksum })),
    );
  }

  getContracts(codeId: number): Promise<readonly string[]> {
    const list = this.chain.state.contracts
      .entries("")
      .map(([, c]) => c)
      .filter((c) => c.codeId === BigInt(codeId))
      .sort((a, b) =>
        a.createdHeight !== b.createdHeight
          ? a.createdHeight < b.createdHeight
            ? -1
            : 1
          : a.createdTxIndex !== b.createdTxIndex
            ? a.createdTxIndex < b.createdTxIndex
              ? -1
              : 1
            : 0,
      );
    return Promise.resolve(list.map((c) => c.address));
  }

  getContract(address: string): Promise<Contract> {
    return attempt(() => {
      const c = this.chain.state.contract(address);
      if (c === undefined) throw new Error(`No contract found at address "${address}"`);
      return {
        address: c.address,
        codeId: Number(c.codeId),
        creator: c.creator,
        admin: c.admin === "" ? undefined : c.admin,
        label: c.label,
        ibcPortId: c.ibcPortId === "" ? undefined : c.ibcPortId,
      };
    });
  }
}

/**
 * As CosmJS reports a failed ABCI query against wasmd: baseapp turns the gRPC handler's error into
 * `ErrUnknownRequest` (sdk code 6) wrapping the message (checked against wasmd 0.61 by test/equivalence/probe.test.ts).
 */
function queryError(e: unknown): unknown {
  if (!(e instanceof ChainError)) return e;
  return new Error(`Query failed with (6): ${e.message}: unknown request`);
}

/**
 * wasmd 0.61's `ValidateBasic` of MsgInstantiateContract and MsgExecuteContract: `Coins.Validate()` wrapped as
 * `funds: …`, an unregistered error, so CheckTx rejects the tx (ABCI code 1, codespace "undefined") before any block
 * and CosmJS throws a BroadcastTxError (checked against wasmd by test/equivalence/escrow.test.ts).
 */
function checkMsgFunds(funds: readonly Coin[]): void {
  const error = coinsValidateError(funds);
  if (error !== undefined) throw new BroadcastTxError(1, "undefined", `funds: ${error}`);
}

/** Runs synchronously but reports through a promise, as the network client does. */
function attempt<T>(f: () => T): Promise<T> {
  try {
    return Promise.resolve(f());
  } catch (e) {
    return Promise.reject(e instanceof ChainError ? new Error(e.message) : (e as Error));
  }
}
