// The x/wasm keeper: code store, contract entry points, submessage dispatch and reply, following wasmd 0.61
// (x/wasm/keeper/keeper.go, msg_dispatcher.go, handler_plugin*.go) down to its error texts.

import { fromBase64, toHex } from "@cosmjs/encoding";
import { sha256 } from "@noble/hashes/sha2";
import { gunzipSync } from "node:zlib";
import { emptyResponse, executeResponse, instantiateResponse, migrateResponse } from "./proto.js";
import { classicContractAddress, decodeAddress, moduleAddress, predictableContractAddress } from "./addresses.js";
import { akashFilter } from "./akash-filter.js";
import { MsgFundCommunityPool } from "cosmjs-types/cosmos/protocolpool/v1/tx";
import {
  BANK_SEND_MSG_GAS,
  burnCoins,
  ensureAccount,
  event,
  moduleAccountReadGas,
  sendCoins,
  sendEnabledGas,
  type SdkEvent,
} from "./bank.js";
import { coinsFromContract, coinsValidateError } from "./coins.js";
import type { Amount } from "../interface/coin.js";
import {
  envJson,
  infoJson,
  migrateInfoJson,
  parseQueryResult,
  parseResponse,
  replyJson,
  type BlockInfo,
  type ContractResponse,
  type MsgResponse,
  type SubMsg,
  type TxInfo,
} from "./contract-io.js";
import { ChainError, Err, VmError, markDeterministic, redact, wrap } from "./errors.js";
import { contractEvents } from "./events.js";
import { consumeRuntimeGas, GasMeter, KvGas, OutOfGas, WasmdGas } from "./gas.js";
import { isMap, utf8, type Json, type JsonMap } from "./json.js";
import { handleQuery } from "./querier.js";
import { assertValidWasm, WasmCheckError } from "../wasm/upload-check.js";
import { callEntry, compileCode, type CallContext, type CompiledCode, type ContractStorage } from "./vm.js";
import type { HostApi } from "./host-api.js";
import { Wasm } from "./wasm-runtime.js";
import { codeKey, type CodeRecord, type ContractRecord, type World } from "./world.js";

export interface KeeperConfig {
  prefix: string;
  akash: boolean;
  uploadAccess: "everybody" | "nobody";
  govAddress: string;
  /** Addresses bank sends may not credit (module accounts). */
  blocked: ReadonlySet<string>;
  /** Denoms with SendEnabled = false. */
  sendDisabled: ReadonlySet<string>;
  capabilities: string[];
}

/** What one SDK context carries: its state layer, its event manager, the call depth, the tx (absent in queries). */
export interface Ctx {
  world: World;
  events: SdkEvent[];
  callDepth: number;
  tx: TxInfo | undefined;
  gas: GasMeter;
}

interface DispatchResult {
  events: SdkEvent[];
  data: Uint8Array[];
  msgResponses: MsgResponse[];
}

const MAX_CALL_DEPTH = 100; // types.DefaultMaxCallDepth
const MAX_ANY_MSG_VALUE_SIZE = 512 * 1024; // keeper.MaxAnyMsgValueSize
/** The one `Any` message the embedded chain routes (docs/embedded-chain.md#community-pool). */
export const PROTOCOLPOOL_FUND = "/cosmos.protocolpool.v1.MsgFundCommunityPool";
/** Classic and predictable contract addresses are 32 bytes. */
const CONTRACT_ADDRESS_BYTES = 32;

interface Attribute {
  key: string;
  value: string;
}

/** UTF-8 length; ASCII (nearly every attribute) without asking Buffer. */
function byteLength(s: string): number {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return Buffer.byteLength(s, "utf8");
  return s.length;
}

const varintBytes = (n: bigint | number): number => {
  let v = BigInt(n);
  let b = 1;
  while (v >= 128n) {
    v >>= 7n;
    b++;
  }
  return b;
};
/** A proto string/bytes field of this many bytes (tag, length, payload); empty fields are not written. */
const lenField = (bytes: number): number => (bytes === 0 ? 0 : 1 + varintBytes(bytes) + bytes);

/** Bytes of wasmd's stored ContractInfo (proto), as `contractInstance` reads it. */
function contractInfoBytes(c: ContractRecord): number {
  const created =
    (c.createdHeight === 0n ? 0 : 1 + varintBytes(c.createdHeight)) +
    (c.createdTxIndex === 0n ? 0 : 1 + varintBytes(c.createdTxIndex));
  return (
    1 +
    varintBytes(c.codeId) +
    lenField(c.creator.length) +
    lenField(c.admin.length) +
    lenField(byteLength(c.label)) +
    2 +
    created +
    lenField(c.ibcPortId.length) +
    lenField("wasm2".length + c.address.length) // IBC2PortID, set by every instantiate
  );
}

/** Bytes of wasmd's stored CodeInfo: checksum, creator, the instantiate permission (everybody). */
const codeInfoBytes = (code: CodeRecord): number => lenField(32) + lenField(code.creator.length) + 4;

/** wasmd `contractInstance`: the contract's and its code's records (and, where asked, the pinned-code check). */
function contractInstanceGas(gas: GasMeter, contract: ContractRecord, code: CodeRecord, pinnedCheck: boolean): void {
  const read = (key: number, value: number): void => {
    gas.consume(KvGas.readFlat, "ReadFlat");
    gas.consume(KvGas.readPerByte * key, "ReadPerByte");
    gas.consume(KvGas.readPerByte * value, "ReadPerByte");
  };
  read(1 + CONTRACT_ADDRESS_BYTES, contractInfoBytes(contract));
  read(1 + 8, codeInfoBytes(code));
  if (pinnedCheck) gas.consume(KvGas.has, "Has");
}

/** gas_register.go `eventAttributeCosts`: bytes above the remaining free tier, plus a cost per attribute. */
function attributeCosts(attrs: readonly Attribute[], freeTier: number): [gas: number, freeTier: number] {
  if (attrs.length === 0) return [0, freeTier];
  let stored = 0;
  for (const a of attrs) stored += byteLength(a.key) + byteLength(a.value);
  if (stored <= freeTier) {
    freeTier -= stored;
    stored = 0;
  } else {
    stored -= freeTier;
    freeTier = 0;
  }
  return [WasmdGas.eventAttributeDataCost * stored + WasmdGas.perAttributeCost * attrs.length, freeTier];
}

/** gas_register.go `EventCosts`: a response's attributes and custom events (types have no free tier). */
function eventCosts(
  attrs: readonly Attribute[],
  events: readonly { type: string; attributes: readonly Attribute[] }[],
): number {
  let [gas, free] = attributeCosts(attrs, WasmdGas.eventAttributeDataFreeTier);
  for (const e of events) {
    gas += WasmdGas.perCustomEventCost + byteLength(e.type) * WasmdGas.eventAttributeDataCost;
    const [g, f] = attributeCosts(e.attributes, free);
    gas += g;
    free = f;
  }
  return gas;
}

/** gas_register.go `ReplyCosts(discount = true, …)`: the result's data or error text, its events, the discount. */
function replyCosts(messageBytes: number, events: readonly SdkEvent[]): number {
  let gas = 0;
  const attrs: Attribute[] = [];
  for (const e of events) {
    gas += byteLength(e.type) * WasmdGas.eventAttributeDataCost;
    attrs.push(...e.attributes);
  }
  gas += eventCosts(attrs, []);
  return gas + WasmdGas.instanceCostDiscount + messageBytes * WasmdGas.contractMessageDataCost;
}
const MAX_WASM_SIZE = 819_200; // types.MaxWasmSize
const IBC_EXPORTS = [
  "ibc_channel_open",
  "ibc_channel_connect",
  "ibc_channel_close",
  "ibc_packet_receive",
  "ibc_packet_ack",
  "ibc_packet_timeout",
];

const any = (typeUrl: string, value: Uint8Array): MsgResponse => ({ typeUrl, value });

function str(v: Json | undefined): string {
  return typeof v === "string" ? v : "";
}

function bin(v: Json | undefined): Uint8Array {
  if (typeof v !== "string") return new Uint8Array();
  try {
    return fromBase64(v);
  } catch {
    throw Err.invalidMsg.wrap("invalid base64");
  }
}

/** One contract call's view of the chain: its storage in `world`, queries, debug output (one object per call). */
class KeeperCall implements CallContext, ContractStorage {
  constructor(
    private readonly keeper: WasmKeeper,
    private readonly world: World,
    private readonly contract: string,
    readonly readonly: boolean,
    readonly api: HostApi,
    readonly gas: GasMeter,
    private readonly tx: TxInfo | undefined,
    private readonly queryDepth: number,
    private readonly onDebug: (contract: string, message: string) => void,
    readonly vmLimit: number,
  ) {}

  /** wasmd's contract store prefix: 0x03 and the contract's canonical address. */
  readonly keyPrefix = 1 + CONTRACT_ADDRESS_BYTES;
  vmUsed = 0;

  get storage(): ContractStorage {
    return this;
  }

  get(key: Uint8Array): Uint8Array | undefined {
    return this.world.read(this.contract, key);
  }

  set(key: Uint8Array, value: Uint8Array): void {
    this.world.write(this.contract, key, value);
  }

  remove(key: Uint8Array): void {
    this.world.remove(this.contract, key);
  }

  range(
    start: Uint8Array | undefined,
    end: Uint8Array | undefined,
    descending: boolean,
  ): Iterator<[Uint8Array, Uint8Array]> {
    return this.world.range(this.contract, start, end, descending);
  }

  /** wasmd QueryHandler.Query: a sub-meter with the VM's remaining gas, charged to the caller's meter afterwards. */
  query(request: Uint8Array, vmGasLeft: number): Uint8Array {
    const sub = new GasMeter(Math.floor(vmGasLeft / WasmdGas.multiplier));
    try {
      return utf8(handleQuery(this.keeper, this.world.child(), request, this.queryDepth, this.tx, sub));
    } finally {
      this.gas.consume(sub.consumedNumber, "contract sub-query");
    }
  }

  debug(message: string): void {
    this.onDebug(this.contract, message);
  }
}

export class WasmKeeper {
  private readonly modules = new Map<string, CompiledCode>();
  /** What the address imports need: the same for every call. */
  private readonly api: HostApi;
  readonly wasmModuleAddress: string;
  /** x/protocolpool's module account: its balance is the community pool. */
  readonly protocolPoolAddress: string;

  constructor(
    readonly config: KeeperConfig,
    private readonly block: () => BlockInfo,
    private readonly debug: (contract: string, message: string) => void,
  ) {
    this.api = { prefix: config.prefix };
    this.wasmModuleAddress = moduleAddress(config.prefix, "wasm");
    this.protocolPoolAddress = moduleAddress(config.prefix, "protocolpool");
  }

  /** Use `other`'s compiled modules (a fork's keeper): compiling is deterministic and the modules are immutable. */
  shareCompiledCode(other: WasmKeeper): void {
    for (const [checksum, module] of other.modules) this.modules.set(checksum, module);
  }

  // ---- addresses and coins --------------------------------------------------------------------------------------

  address(addr: string, context: string): string {
    const res = decodeAddress(this.config.prefix, addr);
    if (typeof res === "string") throw new ChainError(`${context}: ${res}`, "undefined", 1);
    return addr;
  }

  /** wasmd `BankCoinTransferrer.TransferCoins` (funds attached to instantiate/execute). */
  transferCoins(ctx: Ctx, from: string, to: string, coins: readonly Amount[]): void {
    this.checkSendEnabled(coins, ctx.gas);
    if (this.config.blocked.has(to)) throw Err.unauthorized.wrap(`${to} is not allowed to receive funds`);
    ctx.events.push(...sendCoins(ctx.world, from, to, coins, ctx.gas));
  }

  /** x/bank `IsSendEnabledCoins` (its store reads charged to `gas` when given). */
  checkSendEnabled(coins: readonly Amount[], gas?: GasMeter): void {
    if (gas !== undefined) sendEnabledGas(gas, coins);
    for (const c of coins) {
      if (this.config.sendDisabled.has(c.denom))
        throw Err.sendDisabled.wrap(`${c.denom} transfers are currently disabled`);
    }
  }

  // ---- code store -----------------------------------------------------------------------------------------------

  module(code: CodeRecord): CompiledCode {
    let m = this.modules.get(code.checksum);
    if (m === undefined) {
      m = compileCode(code.wasm);
      this.modules.set(code.checksum, m);
    }
    return m;
  }

  storeCode(ctx: Ctx, creator: string, wasmCode: Uint8Array, isGov: boolean): { codeId: bigint; checksum: string } {
    if (!isGov && this.config.uploadAccess === "nobody") throw Err.unauthorized.wrap("can not create code");
    let wasm = wasmCode;
    if (wasm[0] === 0x1f && wasm[1] === 0x8b) {
      // gas_register.go UncompressCosts: 15/100 per compressed byte, rounded down.
      ctx.gas.consume(Math.floor((wasm.length * 15) / 100), "Uncompress gzip bytecode");
      try {
        wasm = Uint8Array.from(gunzipSync(wasm, { maxOutputLength: MAX_WASM_SIZE }));
      } catch (e) {
        throw Err.createFailed.wrap(`uncompress wasm archive: ${(e as Error).message}`);
      }
    }
    // wasmvm StoreCode: compiling costs 3 SDK gas per byte (CosmWasm gas × multiplier), checked against what is left.
    const compileGas = WasmdGas.compileCostPerByte * WasmdGas.multiplier * wasm.length;
    const compileLimit = ctx.gas.runtimeGas();
    consumeRuntimeGas(ctx.gas, compileGas);
    if (compileLimit < compileGas) throw Err.createFailed.wrap("Ran out of gas during contract execution");
    try {
      assertValidWasm(wasm, { availableCapabilities: this.config.capabilities });
    } catch (e) {
      if (!(e instanceof WasmCheckError)) throw e;
      throw Err.createFailed.wrap(`Error calling the VM: Error during static Wasm validation: ${e.message}`);
    }
    const checksum = toHex(sha256(wasm));
    let module: CompiledCode;
    try {
      module = this.modules.get(checksum) ?? compileCode(wasm);
    } catch (e) {
      throw Err.createFailed.wrap(
        `Error calling the VM: Error compiling Wasm: Could not compile: ${(e as Error).message}`,
      );
    }
    this.modules.set(checksum, module);
    const exports = Wasm.Module.exports(module.module).map((x) => x.name);
    const capabilities = exports
      .filter((n) => n.startsWith("requires_"))
      .map((n) => n.slice("requires_".length))
      .sort();
    const codeId = ctx.world.nextId("code");
    ctx.world.codes.set(codeKey(codeId), {
      codeId,
      checksum,
      creator,
      wasm: wasm.slice(),
      capabilities,
      hasIbcEntryPoints: IBC_EXPORTS.every((n) => exports.includes(n)),
    });
    const evt = event("store_code", ["code_checksum", checksum], ["code_id", codeId.toString()]);
    // wasmd splits the comma-joined list, so a code without capabilities still gets one empty attribute.
    for (const c of capabilities.length === 0 ? [""] : capabilities)
      evt.attributes.push({ key: "required_capability", value: c });
    ctx.events.push(evt);
    return { codeId, checksum };
  }

  // ---- calling contracts ----------------------------------------------------------------------------------------

  /** One VM call; a VM failure becomes wasmd's `ErrVMError` wrap. */
  private call(
    world: World,
    tx: TxInfo | undefined,
    gas: GasMeter,
    code: CodeRecord,
    contract: string,
    entry: string,
    args: Uint8Array[],
    queryDepth: number,
    readonly: boolean,
  ): Uint8Array {
    const call = new KeeperCall(
      this,
      world,
      contract,
      readonly,
      this.api,
      gas,
      tx,
      queryDepth,
      this.debug,
      gas.runtimeGas(),
    );
    try {
      const out = callEntry(this.module(code), entry, args, call);
      // wasmvm DeserializeResponse: the JSON result costs per byte, within the call's limit.
      const deserialize = out.length * WasmdGas.deserializationPerByte * WasmdGas.multiplier;
      if (call.vmLimit < deserialize + call.vmUsed) {
        throw Err.vmError.wrap(`insufficient gas left to deserialize contract execution result (${out.length} bytes)`);
      }
      call.vmUsed += deserialize;
      return out;
    } catch (e) {
      if (e instanceof VmError) throw Err.vmError.wrap(`Error calling the VM: ${e.message}`);
      throw e;
    } finally {
      // wasmd charges the call's gas before looking at its result: running out here wins over any error.
      consumeRuntimeGas(gas, call.vmUsed);
    }
  }

  /** One state-changing entry point, its result parsed; VM failures become chain errors. */
  private runEntry(ctx: Ctx, code: CodeRecord, address: string, entry: string, args: Uint8Array[]) {
    return vmGuard(() => parseResponse(this.call(ctx.world, ctx.tx, ctx.gas, code, address, entry, args, 0, false)));
  }

  /** The response's messages, events and data, with a failing submessage reported as wasmd does ("dispatch: …"). */
  private dispatch(ctx: Ctx, address: string, response: ContractResponse): Uint8Array | undefined {
    try {
      return this.handleResponse(ctx, address, response);
    } catch (e) {
      throw e instanceof ChainError ? wrap(e, "dispatch") : e;
    }
  }

  /**
   * wasmd `SetupContractCost` with `checkDiscountEligibility`: the instance cost, or the discount for a code this tx
   * has already called (codes are never pinned here).
   */
  private setup(gas: GasMeter, tx: TxInfo | undefined, code: CodeRecord, entry: string): void {
    const seen = tx?.contracts;
    let cost: number = WasmdGas.instanceCost;
    if (seen?.has(code.checksum) === true) cost = WasmdGas.instanceCostDiscount;
    else seen?.add(code.checksum);
    gas.consume(cost, `Loading CosmWasm module: ${entry}`);
  }

  private env(ctx: { tx: TxInfo | undefined }, contract: string): Uint8Array {
    return envJson(this.block(), ctx.tx, contract);
  }

  contractInstance(world: World, address: string): { contract: ContractRecord; code: CodeRecord } {
    const contract = world.contract(address);
    if (contract === undefined) {
      throw Err.noSuchContract.wrap(`address ${address}`, { no_such_contract: { addr: address } });
    }
    const code = world.code(contract.codeId);
    if (code === undefined) {
      throw Err.noSuchCode.wrap(`code id ${contract.codeId}`, { no_such_code: { code_id: contract.codeId } });
    }
    return { contract, code };
  }

  instantiate(
    ctx: Ctx,
    codeId: bigint,
    creator: string,
    admin: string,
    msg: Uint8Array,
    label: string,
    funds: readonly Amount[],
    salt?: { salt: Uint8Array; fixMsg: boolean },
  ): { address: string; data: Uint8Array | undefined } {
    const code = ctx.world.code(codeId);
    if (code === undefined) {
      throw Err.noSuchCode.wrap(`code id ${codeId}`, { no_such_code: { code_id: codeId } });
    }
    // GetCodeInfo, IsPinnedCode, then the setup cost (wasmd instantiate).
    ctx.gas.consume(KvGas.readFlat + KvGas.readPerByte * (9 + codeInfoBytes(code)), "ReadFlat");
    ctx.gas.consume(KvGas.has, "Has");
    this.setup(ctx.gas, ctx.tx, code, "instantiate");
    const address =
      salt === undefined
        ? classicContractAddress(this.config.prefix, codeId, ctx.world.nextId("instance"))
        : predictableContractAddress(
            this.config.prefix,
            Buffer.from(code.checksum, "hex"),
            decodeAddress(this.config.prefix, creator) as Uint8Array,
            salt.salt,
            salt.fixMsg ? msg : new Uint8Array(),
          );
    if (ctx.world.contract(address) !== undefined) {
      throw Err.duplicate.wrap(
        "contract address already exists, try a different combination of creator, checksum and salt",
      );
    }
    ensureAccount(ctx.world, address); // wasmd creates the contract's account before the deposit
    if (funds.length > 0) this.transferCoins(ctx, creator, address, funds);
    const out = this.runEntry(ctx, code, address, "instantiate", [
      this.env(ctx, address),
      infoJson(creator, funds),
      msg,
    ]);
    if ("error" in out) throw markDeterministic(Err.instantiateFailed.wrap(out.error));
    const block = this.block();
    ctx.world.contracts.set(address, {
      address,
      codeId,
      creator,
      admin,
      label,
      createdHeight: block.height,
      createdTxIndex: BigInt(ctx.tx?.index ?? 0),
      ibcPortId: code.hasIbcEntryPoints ? `wasm.${address}` : "",
    });
    ctx.events.push(event("instantiate", ["_contract_address", address], ["code_id", codeId.toString()]));
    return { address, data: this.dispatch(ctx, address, out.ok) };
  }

  execute(
    ctx: Ctx,
    address: string,
    caller: string,
    msg: Uint8Array,
    funds: readonly Amount[],
  ): Uint8Array | undefined {
    const { contract, code } = this.contractInstance(ctx.world, address);
    contractInstanceGas(ctx.gas, contract, code, true);
    this.setup(ctx.gas, ctx.tx, code, "execute");
    if (funds.length > 0) this.transferCoins(ctx, caller, address, funds);
    const out = this.runEntry(ctx, code, address, "execute", [this.env(ctx, address), infoJson(caller, funds), msg]);
    if ("error" in out) throw markDeterministic(Err.executeFailed.wrap(out.error));
    ctx.events.push(event("execute", ["_contract_address", address]));
    return this.handleResponse(ctx, address, out.ok);
  }

  migrate(
    ctx: Ctx,
    address: string,
    caller: string,
    newCodeId: bigint,
    msg: Uint8Array,
    isGov: boolean,
  ): Uint8Array | undefined {
    const contract = ctx.world.contract(address);
    if (contract === undefined) throw Err.invalidRequest.wrap("unknown contract");
    if (!isGov && (contract.admin === "" || contract.admin !== caller)) throw Err.unauthorized.wrap("can not migrate");
    const code = ctx.world.code(newCodeId);
    if (code === undefined) throw Err.invalidRequest.wrap("unknown code");
    this.setup(ctx.gas, ctx.tx, code, "migrate");
    if (!code.hasIbcEntryPoints && contract.ibcPortId !== "") throw Err.migrationFailed.wrap("requires ibc callbacks");
    const out = this.runEntry(ctx, code, address, "migrate", [
      this.env(ctx, address),
      msg,
      migrateInfoJson(caller, null),
    ]);
    if ("error" in out) throw markDeterministic(Err.migrationFailed.wrap(out.error));
    ctx.world.contracts.set(address, {
      ...contract,
      codeId: newCodeId,
      ibcPortId: code.hasIbcEntryPoints && contract.ibcPortId === "" ? `wasm.${address}` : contract.ibcPortId,
    });
    ctx.events.push(event("migrate", ["code_id", newCodeId.toString()], ["_contract_address", address]));
    return this.dispatch(ctx, address, out.ok);
  }

  sudo(ctx: Ctx, address: string, msg: Uint8Array): Uint8Array | undefined {
    const { contract, code } = this.contractInstance(ctx.world, address);
    contractInstanceGas(ctx.gas, contract, code, true);
    this.setup(ctx.gas, ctx.tx, code, "sudo");
    const out = this.runEntry(ctx, code, address, "sudo", [this.env(ctx, address), msg]);
    if ("error" in out) throw markDeterministic(Err.executeFailed.wrap(out.error));
    ctx.events.push(event("sudo", ["_contract_address", address]));
    return this.dispatch(ctx, address, out.ok);
  }

  private reply(ctx: Ctx, address: string, reply: Uint8Array, replyCost: number): Uint8Array | undefined {
    const { contract, code } = this.contractInstance(ctx.world, address);
    contractInstanceGas(ctx.gas, contract, code, false);
    ctx.gas.consume(replyCost, "Loading CosmWasm module: reply");
    const out = this.runEntry(ctx, code, address, "reply", [this.env(ctx, address), reply]);
    if ("error" in out) throw markDeterministic(Err.executeFailed.wrap(out.error));
    ctx.events.push(event("reply", ["_contract_address", address]));
    return this.dispatch(ctx, address, out.ok);
  }

  setAdmin(ctx: Ctx, address: string, caller: string, newAdmin: string, isGov: boolean): void {
    const contract = ctx.world.contract(address);
    if (contract === undefined) throw Err.invalidRequest.wrap("unknown contract");
    if (!isGov && (contract.admin === "" || contract.admin !== caller)) {
      throw Err.unauthorized.wrap("can not modify contract");
    }
    ctx.world.contracts.set(address, { ...contract, admin: newAdmin });
    ctx.events.push(event("update_contract_admin", ["_contract_address", address], ["new_admin_address", newAdmin]));
  }

  // ---- responses and submessages --------------------------------------------------------------------------------

  /** wasmd `handleContractResponse`: contract events, then the submessages; returns the (possibly replaced) data. */
  private handleResponse(ctx: Ctx, address: string, res: ContractResponse): Uint8Array | undefined {
    ctx.gas.consume(eventCosts(res.attributes, res.events), "Custom contract event attributes");
    ctx.events.push(...contractEvents(res.attributes, res.events, address));
    if (ctx.callDepth + 1 > MAX_CALL_DEPTH) throw Err.maxCallDepth.make();
    const deeper: Ctx = { ...ctx, callDepth: ctx.callDepth + 1 };
    const replaced = this.dispatchSubmessages(deeper, address, res.messages);
    return replaced ?? res.data ?? undefined;
  }

  private dispatchSubmessages(ctx: Ctx, contract: string, msgs: readonly SubMsg[]): Uint8Array | undefined {
    let rsp: Uint8Array | undefined;
    for (const msg of msgs) {
      const sub: Ctx = { ...ctx, world: ctx.world.child(), events: [] };
      let result: DispatchResult | undefined;
      let failure: ChainError | undefined;
      // wasmd dispatchMsgWithGasLimit: a gas limit below what is left runs the message on its own meter, charged
      // to the parent afterwards; running out of it costs the whole limit and fails only the submessage.
      const left = ctx.gas.limit === undefined ? Infinity : ctx.gas.limit - ctx.gas.consumedNumber;
      const limit = msg.gasLimit !== null && Number(msg.gasLimit) < left ? Number(msg.gasLimit) : undefined;
      if (limit !== undefined) sub.gas = new GasMeter(limit);
      try {
        result = this.dispatchMsg(sub, contract, msg.msg);
        if (limit !== undefined) ctx.gas.consume(sub.gas.consumedNumber, "From limited Sub-Message");
      } catch (e) {
        if (limit !== undefined && e instanceof OutOfGas) {
          ctx.gas.consume(limit, "Sub-Message OutOfGas panic");
          failure = Err.outOfGas.wrap("SubMsg hit gas limit");
        } else {
          if (limit !== undefined) ctx.gas.consume(sub.gas.consumedNumber, "From limited Sub-Message");
          if (!(e instanceof ChainError)) throw e;
          failure = e;
        }
      }
      let filtered: SdkEvent[] = [];
      if (result !== undefined) {
        sub.world.commit();
        filtered = [...sub.events, ...result.events].filter((e) => e.type !== "message");
        ctx.events.push(...filtered);
        if (!("wasm" in msg.msg)) filtered = [];
        // wasmd sorts these attributes in place, so the events already emitted above change too.
        else for (const e of filtered) e.attributes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      }
      if (failure !== undefined && (msg.replyOn === "success" || msg.replyOn === "never")) throw failure;
      if (msg.replyOn === "never" || (msg.replyOn === "error" && failure === undefined)) continue;
      const reply =
        result !== undefined
          ? replyJson(msg.id, msg.payload, {
              ok: { events: filtered, data: result.data[0], msgResponses: result.msgResponses },
            })
          : replyJson(msg.id, msg.payload, { error: redact(failure!) });
      const cost =
        result !== undefined
          ? replyCosts((result.data[0] ?? new Uint8Array()).length, filtered)
          : replyCosts(utf8(redact(failure!)).length, []);
      try {
        const data = this.reply(ctx, contract, reply, cost);
        if (data !== undefined) rsp = data;
      } catch (e) {
        throw e instanceof ChainError ? wrap(e, "reply") : e;
      }
    }
    return rsp;
  }

  /** One CosmosMsg from `contract`, routed as wasmd's message handler chain would. */
  private dispatchMsg(ctx: Ctx, contract: string, msg: JsonMap): DispatchResult {
    if (this.config.akash) akashFilter(msg, this.config.blocked);
    const kind = Object.keys(msg)[0] ?? "";
    const body = msg[kind];
    const variant = isMap(body ?? null) ? (Object.keys(body as JsonMap)[0] ?? "") : "";
    const m = (isMap(body ?? null) ? (body as JsonMap)[variant] : undefined) ?? null;
    const b = isMap(m) ? m : {};
    const events: SdkEvent[] = [];
    const handlerCtx: Ctx = { ...ctx, events };
    if (kind === "bank" && variant === "send") {
      ctx.gas.consume(BANK_SEND_MSG_GAS, "bank send");
      const to = this.address(str(b.to_address), "invalid to address");
      const coins = coinsFromContract(b.amount);
      if (coins.length === 0) throw Err.invalidCoins.wrap("");
      this.checkSendEnabled(coins, ctx.gas);
      if (this.config.blocked.has(to)) throw Err.unauthorized.wrap(`${to} is not allowed to receive funds`);
      events.push(...sendCoins(ctx.world, contract, to, coins, ctx.gas));
      const value = emptyResponse();
      return { events, data: [value], msgResponses: [any("/cosmos.bank.v1beta1.MsgSendResponse", value)] };
    }
    if (kind === "bank" && variant === "burn") {
      const coins = coinsFromContract(b.amount);
      if (coins.length === 0) throw Err.empty.wrap("amount");
      // Routed through the wasm module account, as wasmd's burn handler does; events go to the context directly.
      try {
        ctx.events.push(...sendCoins(ctx.world, contract, this.wasmModuleAddress, coins, ctx.gas));
      } catch (e) {
        throw e instanceof ChainError ? wrap(e, "transfer to module") : e;
      }
      ctx.events.push(...burnCoins(ctx.world, this.wasmModuleAddress, coins));
      return { events: [], data: [], msgResponses: [] };
    }
    if (kind === "wasm") return this.dispatchWasm(handlerCtx, contract, variant, b);
    if (kind === "distribution" && variant === "fund_community_pool") {
      // wasmd encodes it as distribution's MsgFundCommunityPool (the coins are converted first); with x/protocolpool
      // as the external community pool (SDK 0.53, wasmd 0.61's app) its handler refuses before touching anything.
      coinsFromContract(b.amount);
      circuitBreakerGas(ctx.gas);
      throw Err.invalidRequest.wrap(
        "external community pool is enabled - use the FundCommunityPool method exposed by the external community pool",
      );
    }
    if (kind === "custom") throw Err.unknownMsg.wrap("custom variant not supported");
    if (kind === "any" || kind === "stargate") {
      // wasmvm reads `stargate` as an alias of `any`.
      const typeUrl = str(isMap(body ?? null) ? (body as JsonMap).type_url : null);
      if (typeUrl === PROTOCOLPOOL_FUND) {
        const value = bin(isMap(body ?? null) ? (body as JsonMap).value : null);
        return this.fundProtocolPool(handlerCtx, contract, value);
      }
      throw Err.unknownRequest.wrap(`can't route message with type URL ${typeUrl}`);
    }
    throw Err.unknownMsg.wrap(`${kind} ${variant} is not supported by the embedded chain`.trim());
  }

  /**
   * `CosmosMsg::Any` with x/protocolpool's MsgFundCommunityPool, as wasmd routes it: `EncodeAnyMsg` (size limit, its
   * gas, proto decoding), the signer check of `handleSdkMessage`, then the msg server (cosmos-sdk 0.53
   * x/protocolpool/keeper/msg_server.go): amount validation and `SendCoinsFromAccountToModule`.
   */
  private fundProtocolPool(ctx: Ctx, contract: string, value: Uint8Array): DispatchResult {
    if (value.length > MAX_ANY_MSG_VALUE_SIZE) {
      throw Err.limit.wrap(`AnyMsg value size ${value.length} exceeds limit ${MAX_ANY_MSG_VALUE_SIZE}`);
    }
    ctx.gas.consume(5 + Math.floor(value.length / 1024), "unpacking AnyMsg");
    let msg: MsgFundCommunityPool;
    try {
      msg = MsgFundCommunityPool.decode(value);
      for (const c of msg.amount) if (!/^-?[0-9]+$/.test(c.amount)) throw new Error("bad Int");
    } catch {
      throw Err.invalidMsg.wrap(`Cannot unpack proto message with type URL: ${PROTOCOLPOOL_FUND}`);
    }
    const depositor = decodeAddress(this.config.prefix, msg.depositor);
    if (typeof depositor === "string") throw new ChainError(depositor, "undefined", 1);
    if (toHex(depositor) !== toHex(decodeAddress(this.config.prefix, contract) as Uint8Array)) {
      throw Err.unauthorized.wrap("contract doesn't have permission");
    }
    circuitBreakerGas(ctx.gas);
    const text = msg.amount.map((c) => `${c.amount}${c.denom}`).join(",");
    if (msg.amount.length === 0) throw Err.invalidCoins.wrap("amount cannot be nil");
    if (coinsValidateError(msg.amount) !== undefined) throw Err.invalidCoins.wrap(text);
    const coins = msg.amount.map((c) => ({ denom: c.denom, amount: BigInt(c.amount) }));
    ensureAccount(ctx.world, this.protocolPoolAddress); // a genesis module account on wasmd
    moduleAccountReadGas(ctx.gas, this.protocolPoolAddress, "protocolpool");
    ctx.events.push(...sendCoins(ctx.world, contract, this.protocolPoolAddress, coins, ctx.gas));
    const response = emptyResponse();
    return {
      events: ctx.events,
      data: [response],
      msgResponses: [any("/cosmos.protocolpool.v1.MsgFundCommunityPoolResponse", response)],
    };
  }

  private dispatchWasm(ctx: Ctx, contract: string, variant: string, b: JsonMap): DispatchResult {
    const ok = (typeUrl: string, value: Uint8Array): DispatchResult => ({
      events: ctx.events,
      data: [value],
      msgResponses: [any(typeUrl, value)],
    });
    switch (variant) {
      case "execute": {
        const target = this.address(str(b.contract_addr), "contract");
        const data = this.execute(ctx, target, contract, bin(b.msg), coinsFromContract(b.funds ?? []));
        return ok("/cosmwasm.wasm.v1.MsgExecuteContractResponse", executeResponse(data ?? new Uint8Array()));
      }
      case "instantiate":
      case "instantiate2": {
        const admin = typeof b.admin === "string" ? this.address(b.admin, "admin") : "";
        const codeId = typeof b.code_id === "bigint" ? b.code_id : 0n;
        const salt = variant === "instantiate2" ? { salt: bin(b.salt), fixMsg: false } : undefined;
        const res = this.instantiate(
          ctx,
          codeId,
          contract,
          admin,
          bin(b.msg),
          str(b.label),
          coinsFromContract(b.funds ?? []),
          salt,
        );
        const body = { address: res.address, data: res.data ?? new Uint8Array() };
        return variant === "instantiate"
          ? ok("/cosmwasm.wasm.v1.MsgInstantiateContractResponse", instantiateResponse(body.address, body.data))
          : ok("/cosmwasm.wasm.v1.MsgInstantiateContract2Response", instantiateResponse(body.address, body.data));
      }
      case "migrate": {
        const target = this.address(str(b.contract_addr), "contract");
        const codeId = typeof b.new_code_id === "bigint" ? b.new_code_id : 0n;
        const data = this.migrate(ctx, target, contract, codeId, bin(b.msg), false);
        return ok("/cosmwasm.wasm.v1.MsgMigrateContractResponse", migrateResponse(data ?? new Uint8Array()));
      }
      case "update_admin": {
        const target = this.address(str(b.contract_addr), "contract");
        this.setAdmin(ctx, target, contract, this.address(str(b.admin), "new admin"), false);
        return ok("/cosmwasm.wasm.v1.MsgUpdateAdminResponse", emptyResponse());
      }
      case "clear_admin": {
        const target = this.address(str(b.contract_addr), "contract");
        this.setAdmin(ctx, target, contract, "", false);
        return ok("/cosmwasm.wasm.v1.MsgClearAdminResponse", emptyResponse());
      }
      default:
        throw Err.unknownMsg.wrap(`unknown variant of WasmMsg: ${variant}`);
    }
  }

  // ---- queries --------------------------------------------------------------------------------------------------

  /** wasmd `QuerySmart`: read-only, in a discarded layer; contract errors are deterministic. */
  querySmart(
    world: World,
    address: string,
    msg: Uint8Array,
    depth: number,
    tx: TxInfo | undefined,
    gas: GasMeter,
  ): Uint8Array {
    if (depth + 1 > 10) throw Err.maxQueryStackSize.make(); // types.DefaultMaxQueryStackSize
    const { contract, code } = this.contractInstance(world, address);
    contractInstanceGas(gas, contract, code, true);
    this.setup(gas, tx, code, "query");
    const out = this.call(world, tx, gas, code, address, "query", [this.env({ tx }, address), msg], depth + 1, true);
    const res = vmGuard(() => parseQueryResult(out));
    if ("error" in res) throw markDeterministic(Err.queryFailed.wrap(res.error));
    return res.ok;
  }
}

/**
 * The app's message router asks x/circuit whether the message type is disabled (`DisableList.Has`) before its
 * handler runs: one store `Has` (measured on wasmd 0.61.14: the handler's first error costs exactly this).
 */
function circuitBreakerGas(gas: GasMeter): void {
  gas.consume(KvGas.has, "circuit breaker");
}

/** Decoding the result is part of the VM call in wasmvm, so its failures are VM errors too. */
function vmGuard<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof VmError) throw Err.vmError.wrap(`Error calling the VM: ${e.message}`);
    throw e;
  }
}
