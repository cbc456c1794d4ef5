// Gas is an estimate (docs/embedded-chain.md#gas): exact wasmd parity would need wasmer's per-operator metering.
// Charged here: wasmd's fixed costs (60,000 per contract instance, `InstanceCost`), the SDK's KV-store costs for every
// storage access a contract makes (`KVGasConfig`), a per-byte cost for messages and query payloads, and a fixed tx
// overhead for the ante handler (signature check, tx size). Wasm instructions are not metered.

export const GasCost = {
  txBase: 60_000,
  txPerByte: 10,
  instance: 60_000,
  readFlat: 1_000,
  readPerByte: 3,
  writeFlat: 2_000,
  writePerByte: 30,
  delete: 1_000,
  iterNextFlat: 30,
  hostCall: 1,
  queryPerByte: 1,
  eventPerAttribute: 10,
};

/** Counts in a double (exact far beyond any tx's gas, and no BigInt allocation per host call); reads as bigint. */
export class GasMeter {
  private used = 0;

  consume(amount: number): void {
    this.used += amount;
  }

  get consumed(): bigint {
    return BigInt(this.used);
  }
}
