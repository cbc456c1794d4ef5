// wasmd 0.61's gas, reproduced (docs/embedded-chain.md#gas; sources cited per constant). Two units:
// - SDK gas: what a tx's `gasUsed` and `gas` limit count (the Cosmos SDK GasMeter),
// - CosmWasm gas: what cosmwasm-vm meters inside a contract call; wasmd converts with its multiplier (140,000
//   CosmWasm gas = 1 SDK gas), rounding each call's CosmWasm gas down.

/** wasmd x/wasm/types/gas_register.go defaults. */
export const WasmdGas = {
  /** `DefaultGasMultiplier`: CosmWasm gas per SDK gas. */
  multiplier: 140_000,
  /** `DefaultInstanceCost`: loading a contract for any entry point (not pinned). */
  instanceCost: 60_000,
  /** `DefaultInstanceCostDiscount`: a code already called in the same tx, and every reply. */
  instanceCostDiscount: 2_000,
  /** `DefaultContractMessageDataCost`: per byte of the message (0 by default). */
  contractMessageDataCost: 0,
  /** `DefaultCompileCost`: per byte of uploaded wasm (charged as CosmWasm gas × multiplier by wasmvm's StoreCode). */
  compileCostPerByte: 3,
  /** `DefaultEventAttributeDataCost`: per byte of attribute keys and values (and custom event types). */
  eventAttributeDataCost: 1,
  /** `DefaultPerAttributeCost` */
  perAttributeCost: 10,
  /** `DefaultPerCustomEventCost` */
  perCustomEventCost: 20,
  /** `DefaultEventAttributeDataFreeTier`: attribute bytes free per response. */
  eventAttributeDataFreeTier: 100,
  /** x/wasm/keeper/api.go: address API costs, in SDK gas (× multiplier in the VM). */
  humanizeAddress: 5,
  canonicalizeAddress: 4,
  validateAddress: 9,
  /** api.go `costJSONDeserialization`: per byte of a call's JSON result, SDK gas. */
  deserializationPerByte: 1,
} as const;

/**
 * wasmd's smart query gas limit (`DefaultSmartQueryGasLimit`, node config `wasm.query_gas_limit`), SDK gas: 3,000,000,
 * also what Akash mainnet runs with.
 */
export const QUERY_GAS_LIMIT = 3_000_000;

/** cosmos-sdk store/types/gas.go `KVGasConfig()` (cosmossdk.io/store v1.1.2), SDK gas. */
export const KvGas = {
  has: 1000,
  delete: 1000,
  readFlat: 1000,
  readPerByte: 3,
  writeFlat: 2000,
  writePerByte: 30,
  iterNextFlat: 30,
} as const;

/** cosmwasm-vm 3.0.9 packages/vm/src/environment.rs `GasConfig::default()`, CosmWasm gas. */
export const VmGas = {
  hostCall: 18_000,
  readRegionBase: 200_000,
  readRegionPerByte: 115,
  /** read_region_large_cost: regions above 8 MB (8,000,000 bytes). */
  readRegionLargePerByte: 520,
  writeRegionBase: 230_000,
  writeRegionPerByte: 570,
  stringFromBytesBase: 28_700,
  stringFromBytesPerByte: 1_400,
  secp256k1Verify: 96_000_000,
  secp256k1RecoverPubkey: 194_000_000,
  secp256r1Verify: 279_000_000,
  secp256r1RecoverPubkey: 592_000_000,
  ed25519Verify: 35_000_000,
  ed25519BatchBase: 24_000_000,
  ed25519BatchPerItem: 21_000_000,
  ed25519BatchOnePubkeyBase: 36_000_000,
  ed25519BatchOnePubkeyPerItem: 10_000_000,
} as const;

export function readRegionCost(bytes: number): number {
  return bytes <= 8_000_000
    ? VmGas.readRegionBase + VmGas.readRegionPerByte * bytes
    : VmGas.readRegionLargePerByte * bytes;
}

export function writeRegionCost(bytes: number): number {
  return VmGas.writeRegionBase + VmGas.writeRegionPerByte * bytes;
}

export function stringFromBytesCost(bytes: number): number {
  return VmGas.stringFromBytesBase + VmGas.stringFromBytesPerByte * bytes;
}

/** The SDK's out-of-gas panic (`ErrorOutOfGas{Descriptor}`). */
export class OutOfGas extends Error {
  constructor(readonly descriptor: string) {
    super(`out of gas in location: ${descriptor}`);
    this.name = "OutOfGas";
  }
}

/**
 * The SDK's GasMeter (store/types/gas.go `basicGasMeter`, or the infinite meter when `limit` is undefined): consuming
 * past the limit still counts the gas, then throws `OutOfGas`. Counts in a double (exact to 2^53, far beyond any
 * tx) and reads as bigint.
 */
export class GasMeter {
  private used = 0;

  constructor(readonly limit?: number) {}

  consume(amount: number, descriptor: string): void {
    this.used += amount;
    if (this.limit !== undefined && this.used > this.limit) throw new OutOfGas(descriptor);
  }

  get consumed(): bigint {
    return BigInt(this.used);
  }

  get consumedNumber(): number {
    return this.used;
  }

  isOutOfGas(): boolean {
    return this.limit !== undefined && this.used >= this.limit;
  }

  /** wasmd keeper `runtimeGasForContract`: what a contract call may spend, in CosmWasm gas. */
  runtimeGas(): number {
    if (this.limit === undefined) return UNLIMITED_VM_GAS;
    if (this.used >= this.limit) return 0;
    return (this.limit - this.used) * WasmdGas.multiplier;
  }
}

/**
 * wasmd passes u64::MAX to the VM under an infinite meter (simulation, genesis); a call never gets near 2^53 CosmWasm
 * gas (64 billion SDK gas), so this stands in for it and keeps the arithmetic exact in doubles.
 */
export const UNLIMITED_VM_GAS = Number.MAX_SAFE_INTEGER;

/** wasmd keeper `consumeRuntimeGas`: a call's CosmWasm gas, rounded down to SDK gas, then the out-of-gas check. */
export function consumeRuntimeGas(meter: GasMeter, vmGas: number): void {
  meter.consume(Math.floor(vmGas / WasmdGas.multiplier), "wasm contract");
  if (meter.isOutOfGas()) throw new OutOfGas("Wasm engine function execution");
}
