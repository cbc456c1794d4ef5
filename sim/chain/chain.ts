// EmbeddedChain: an in-process wasmd 0.61 look-alike. Blocks advance height and time together
// (docs/embedded-chain.md#clock); every tx runs in a copy-on-write layer of the whole state that is committed only on
// success (docs/embedded-chain.md#transactions-and-rollback); nothing reads wall time.

import { BroadcastTxError, type Event } from "@cosmjs/stargate";
import { hash as digest } from "node:crypto";
import { accountAddress, BLOCKED_MODULES, govAddress, moduleAddress } from "./addresses.js";
import { accountKey, mintCoins, type SdkEvent } from "./bank.js";
import { coinsFromClient, toWire } from "./coins.js";
import type { Coin } from "../interface/coin.js";
import type { BlockInfo, TxInfo } from "./contract-io.js";
import type { ChainClient } from "../interface/client.js";
import { EmbeddedClient } from "./client.js";
import { ChainError } from "./errors.js";
import { GasMeter, OutOfGas } from "./gas.js";
import { anteGas } from "./ante.js";
import { stringifyJson } from "./json.js";
import { WasmKeeper, type Ctx } from "./keeper.js";
import { CAPABILITIES_WASMD_061 } from "../wasm/upload-check.js";
import { TxError, type SignedTx, type TxHost, type TxRecord } from "./tx.js";
import { World, type WorldSnapshot } from "./world.js";

export { TxError, type TxRecord };

export interface EmbeddedChainOptions {
  /** Bech32 prefix; default "akash". */
  prefix?: string;
  /** Staking/fee denom; default "uakt". */
  denom?: string;
  chainId?: string;
  /** Seconds between blocks; default 6. */
  blockTimeSeconds?: number;
  /** Time of block 1; default 2026-01-01T00:00:00Z. */
  startTime?: Date;
  /** Who may store code outside governance; default "everybody" ("nobody" in the Akash profile). */
  uploadAccess?: "everybody" | "nobody";
  /** Akash mainnet profile: message filter, gov-only upload, `uact` not sendable, capability `akash`. */
  akash?: boolean;
  /**
   * Close the block after every tx. Default false: txs share the current block until `advanceBlocks`, so tests
   * decide when height and time move.
   */
  autoAdvance?: boolean;
  /** Receives the contracts' `debug` output; dropped by default, as in production. */
  onDebug?: (contract: string, message: string) => void;
  /**
   * How many of the latest tx records `events` keeps, as a node prunes its tx index; default 100,000. A long
   * simulation reads each tx's result as it comes and sets 0, so memory and `fork()` do not grow with the txs run.
   */
  txLogLimit?: number;
}

export interface ChainSnapshot {
  readonly world: WorldSnapshot;
  readonly height: bigint;
  readonly timeNanos: bigint;
  readonly txIndex: number;
  readonly txCount: bigint;
  readonly log: readonly TxRecord[];
}

const DEFAULT_START = new Date("2026-01-01T00:00:00Z");
/** CosmWasm's BlockInfo carries height and time (nanoseconds) as u64. */
const U64_MAX = (1n << 64n) - 1n;

/** A copy of a message's event with SDK 0.50's `msg_index` attribute appended. */
function tagged(e: SdkEvent): Event {
  const attributes: { key: string; value: string }[] = [];
  for (const a of e.attributes) attributes.push({ key: a.key, value: a.value });
  attributes.push({ key: "msg_index", value: "0" });
  return { type: e.type, attributes };
}

export class EmbeddedChain implements TxHost {
  readonly prefix: string;
  readonly denom: string;
  readonly chainId: string;
  readonly akash: boolean;
  readonly govAddress: string;
  readonly autoAdvance: boolean;
  readonly keeper: WasmKeeper;
  private readonly options: EmbeddedChainOptions;
  private readonly blockTimeNanos: bigint;
  private world = World.empty();
  private heightValue = 1n;
  private timeValue: bigint;
  private txIndex = 0;
  private txCount = 0n;
  private log: TxRecord[] = [];
  private readonly txLogLimit: number;
  /** The start of every tx's hash input: `{"chain_id":…,"n":`. */
  private readonly hashHead: string;

  constructor(options: EmbeddedChainOptions = {}) {
    this.options = { ...options };
    this.prefix = options.prefix ?? "akash";
    this.denom = options.denom ?? "uakt";
    this.chainId = options.chainId ?? "embedded-1";
    this.hashHead = `{"chain_id":${JSON.stringify(this.chainId)},"n":`;
    this.akash = options.akash ?? false;
    this.autoAdvance = options.autoAdvance ?? false;
    this.txLogLimit = options.txLogLimit ?? 100_000;
    if (!Number.isInteger(this.txLogLimit) || this.txLogLimit < 0) {
      throw new RangeError("txLogLimit must be a non-negative integer");
    }
    this.govAddress = govAddress(this.prefix);
    const seconds = options.blockTimeSeconds ?? 6;
    if (!Number.isInteger(seconds) || seconds <= 0) throw new RangeError("blockTimeSeconds must be a positive integer");
    this.blockTimeNanos = BigInt(seconds) * 1_000_000_000n;
    const start = options.startTime ?? DEFAULT_START;
    this.timeValue = BigInt(start.getTime()) * 1_000_000n;
    if (this.timeValue <= 0n) throw new RangeError("startTime must be after 1970-01-01");
    const blockedModules = this.akash ? [...BLOCKED_MODULES, "gov"] : BLOCKED_MODULES;
    const onDebug = options.onDebug;
    this.keeper = new WasmKeeper(
      {
        prefix: this.prefix,
        akash: this.akash,
        uploadAccess: options.uploadAccess ?? (this.akash ? "nobody" : "everybody"),
        govAddress: this.govAddress,
        blocked: new Set(blockedModules.map((m) => moduleAddress(this.prefix, m))),
        sendDisabled: new Set(this.akash ? ["uact"] : []),
        capabilities: this.akash ? [...CAPABILITIES_WASMD_061, "akash"] : [...CAPABILITIES_WASMD_061],
      },
      () => this.blockInfo(),
      (contract, message) => onDebug?.(contract, message),
    );
  }

  // ---- blocks ---------------------------------------------------------------------------------------------------

  get height(): number {
    return Number(this.heightValue);
  }

  get timeNanos(): bigint {
    return this.timeValue;
  }

  blockInfo(): BlockInfo {
    return { height: this.heightValue, timeNanos: this.timeValue, chainId: this.chainId };
  }

  /**
   * Close `n` blocks at once: height += n, time += n × block time, in O(1) whatever `n` (nothing happens between
   * blocks). A jump that would take the height or the time in nanoseconds past u64 is refused and changes nothing.
   */
  advanceBlocks(n = 1): void {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError("advanceBlocks needs a non-negative safe integer");
    const blocks = BigInt(n);
    const height = this.heightValue + blocks;
    const time = this.timeValue + blocks * this.blockTimeNanos;
    if (height > U64_MAX || time > U64_MAX) {
      throw new RangeError(
        `advanceBlocks(${n}) refused: block ${height} at ${time} ns would not fit in u64 (max ${U64_MAX}); the chain stays at block ${this.heightValue}`,
      );
    }
    this.heightValue = height;
    this.timeValue = time;
    if (n > 0) this.txIndex = 0;
  }

  // ---- accounts and bank ----------------------------------------------------------------------------------------

  addressFor(name: string): string {
    return accountAddress(this.prefix, name);
  }

  moduleAddress(name: string): string {
    return moduleAddress(this.prefix, name);
  }

  /** Mint coins into an account (test funding; supply grows). */
  fund(address: string, coins: readonly Coin[]): void {
    this.keeper.address(address, "fund");
    const amounts = coinsFromClient([...coins].sort((a, b) => (a.denom < b.denom ? -1 : a.denom > b.denom ? 1 : 0)));
    mintCoins(this.world, address, amounts);
  }

  balance(address: string, denom: string = this.denom): bigint {
    return this.world.balance(address, denom);
  }

  balances(address: string): Coin[] {
    return toWire(this.world.allBalances(address));
  }

  supply(denom: string = this.denom): bigint {
    return this.world.supply.get(denom) ?? 0n;
  }

  /** The community pool: x/protocolpool's module account balance (docs/embedded-chain.md#community-pool). */
  communityPool(): Coin[] {
    return this.balances(this.keeper.protocolPoolAddress);
  }

  /** The latest txs (at most `txLogLimit`), in order, including failed ones. */
  get events(): readonly TxRecord[] {
    return this.log;
  }

  // ---- state ----------------------------------------------------------------------------------------------------

  /** The whole chain state, frozen. O(1) for the stores (they share their trees); the tx log is copied. */
  snapshot(): ChainSnapshot {
    return {
      world: this.world.snapshot(),
      height: this.heightValue,
      timeNanos: this.timeValue,
      txIndex: this.txIndex,
      txCount: this.txCount,
      log: [...this.log],
    };
  }

  /** Back to `s`; a snapshot can be restored any number of times, on this chain or a fork of it. */
  restore(s: ChainSnapshot): void {
    this.world = World.fromSnapshot(s.world);
    this.heightValue = s.height;
    this.timeValue = s.timeNanos;
    this.txIndex = s.txIndex;
    this.txCount = s.txCount;
    this.log = [...s.log];
  }

  /**
   * An independent chain in this chain's exact state (same options, height, time, tx counter, codes, contracts and
   * storage, tx log): it runs the same calls to the same results, and neither sees the other's later writes. The
   * stores are shared until written (copy-on-write), and compiled wasm is shared (it is immutable).
   */
  fork(): EmbeddedChain {
    const forked = new EmbeddedChain(this.options);
    forked.keeper.shareCompiledCode(this.keeper);
    forked.world = World.fromSnapshot(this.world.snapshot());
    forked.heightValue = this.heightValue;
    forked.timeValue = this.timeValue;
    forked.txIndex = this.txIndex;
    forked.txCount = this.txCount;
    forked.log = [...this.log];
    return forked;
  }

  /** The committed state (read-only use: queries). */
  get state(): World {
    return this.world;
  }

  client(): ChainClient & EmbeddedClient {
    return new EmbeddedClient(this, false);
  }

  /** A client whose every call runs as the gov module authority: what a passed proposal executes. */
  asGov(): EmbeddedClient {
    return new EmbeddedClient(this, true);
  }

  // ---- transactions ---------------------------------------------------------------------------------------------

  simulateTx(
    sender: string,
    action: string,
    module: string,
    body: unknown,
    run: (ctx: Ctx) => unknown,
    signed: SignedTx,
  ): bigint {
    const world = this.world.snapshot();
    const { heightValue, timeValue, txIndex, txCount } = this;
    const logged = this.log.length;
    try {
      return this.runTx(sender, action, module, body, run, { ...signed, gasLimit: undefined, simulate: true }).record
        .gasUsed;
    } catch (e) {
      // wasmd's simulate answers the tx's error; CosmJS throws it.
      if (e instanceof TxError) throw new Error(`Query failed with (${e.record.code}): ${e.record.rawLog}`);
      throw e;
    } finally {
      this.world = World.fromSnapshot(world);
      this.heightValue = heightValue;
      this.timeValue = timeValue;
      this.txIndex = txIndex;
      this.txCount = txCount;
      this.log.length = logged;
    }
  }

  /** Keeps the latest `txLogLimit` records; trimmed in batches so a push stays O(1) amortised. */
  private logRecord(record: TxRecord, simulated: boolean): void {
    if (this.txLogLimit === 0) return;
    this.log.push(record);
    // A simulation rolls its record back by length, so it never trims.
    if (!simulated && this.log.length >= 2 * this.txLogLimit) this.log.splice(0, this.log.length - this.txLogLimit);
  }

  /**
   * Run one single-message tx. `body` feeds the deterministic tx hash. On failure the state layer is dropped, the
   * tx is still logged (it is in the block), and a TxError is thrown.
   */
  runTx<T>(
    sender: string,
    action: string,
    module: string,
    body: unknown,
    run: (ctx: Ctx) => T,
    signed?: SignedTx,
  ): { result: T; record: TxRecord } {
    // = stringifyJson({ chain_id, n, sender, action, body }), with only `body` left to the generic writer.
    const bodyText = `${this.hashHead}${this.txCount},"sender":${JSON.stringify(sender)},"action":${JSON.stringify(action)},"body":${stringifyJson(body)}}`;
    const hashBuffer = digest("sha256", bodyText, "buffer"); // strings are hashed as their UTF-8 bytes
    const hashBytes = new Uint8Array(hashBuffer);
    const tx: TxInfo = { index: this.txIndex, hash: hashBytes, contracts: new Set() };
    const gasLimit = signed?.gasLimit;
    const gas = new GasMeter(gasLimit === undefined ? undefined : Number(gasLimit));
    if (signed !== undefined) {
      // The ante handler: its gas, and the signer's sequence, which moves on even when the message then fails.
      const seqKey = accountKey(sender);
      const sequence = this.world.seq.get(seqKey) ?? 0n;
      const ante = anteGas(
        {
          ...signed,
          typeUrl: action,
          sequence,
          fee: { amount: signed.feeAmount, gas: gasLimit ?? 0n },
        },
        () => this.world.balance(sender, signed.feeAmount[0]?.denom ?? this.denom),
      );
      if (gasLimit !== undefined && ante > Number(gasLimit)) {
        // CheckTx rejects it: no block, no sequence, no record.
        throw new BroadcastTxError(
          11,
          "sdk",
          `out of gas in location: txSize; gasWanted: ${gasLimit}, gasUsed: ${ante}: out of gas`,
        );
      }
      gas.consume(ante, "ante");
      this.world.seq.set(seqKey, sequence + 1n);
    }
    const layer = this.world.child();
    const msgEvents: SdkEvent[] = [];
    const ctx: Ctx = { world: layer, events: msgEvents, callDepth: 0, tx, gas };
    const height = this.height;
    const txIndex = this.txIndex;
    const hash = hashBuffer.toString("hex").toUpperCase();
    this.txCount++;
    this.txIndex++;
    let result: T;
    try {
      result = run(ctx);
    } catch (e) {
      if (!(e instanceof ChainError) && !(e instanceof OutOfGas)) throw e;
      // baseapp's out-of-gas recovery reports the meter as it stood (past the limit), without the message index.
      const text =
        e instanceof OutOfGas
          ? `out of gas in location: ${e.descriptor}; gasWanted: ${gasLimit ?? 0n}, gasUsed: ${gas.consumed}: out of gas`
          : e.message;
      const record: TxRecord = {
        height,
        txIndex,
        hash,
        action,
        sender,
        code: e instanceof OutOfGas ? 11 : e.code,
        codespace: e instanceof OutOfGas ? "sdk" : e.codespace,
        rawLog: e instanceof OutOfGas ? text : `failed to execute message; message index: 0: ${text}`,
        error: text,
        events: [],
        gasUsed: gas.consumed,
      };
      this.logRecord(record, signed?.simulate === true);
      if (this.autoAdvance) this.advanceBlocks(1);
      throw new TxError(record);
    }
    layer.commit();
    // baseapp: a `message` event leads, and SDK 0.50 tags every event of the message with its index.
    const message: SdkEvent = {
      type: "message",
      attributes: [
        { key: "action", value: action },
        { key: "sender", value: sender },
        { key: "module", value: module },
      ],
    };
    const events: Event[] = [tagged(message)];
    for (const e of msgEvents) events.push(tagged(e));
    const record: TxRecord = {
      height,
      txIndex,
      hash,
      action,
      sender,
      code: 0,
      codespace: "",
      rawLog: "",
      error: undefined,
      events,
      gasUsed: gas.consumed,
    };
    this.logRecord(record, signed?.simulate === true);
    if (this.autoAdvance) this.advanceBlocks(1);
    return { result, record };
  }
}
