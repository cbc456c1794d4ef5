// Gas is an estimate (cosmwasm-abi.md R13): exact wasmd parity would need wasmer's per-operator metering. Charged here:
// wasmd's fixed costs (60,000 per contract instance, `InstanceCost`), the SDK's KV-store costs for every storage
// access a contract makes (`KVGasConfig`), a per-byte cost for messages and query payloads, and a fixed tx overhead
// for the ante handler (signature check, tx size). Wasm instructions are not metered.

export const GasCost = {
  txBase: 60_000n,
  txPerByte: 10n,
  instance: 60_000n,
  readFlat: 1_000n,
  readPerByte: 3n,
  writeFlat: 2_000n,
  writePerByte: 30n,
  delete: 1_000n,
  iterNextFlat: 30n,
  hostCall: 1n,
  queryPerByte: 1n,
  eventPerAttribute: 10n,
};

export class GasMeter {
  private used = 0n;

  consume(amount: bigint): void {
    this.used += amount;
  }

  get consumed(): bigint {
    return this.used;
  }
}
