// Byte-level building blocks shared by the PNAU generator and the reference verifier (docs/oracle.md#update-format).
// All integers on the wire are big-endian.
import { keccak_256 } from "@noble/hashes/sha3";

export const PNAU_MAGIC = Buffer.from("PNAU", "ascii");
export const AUWV_MAGIC = Buffer.from("AUWV", "ascii");

/** Legacy Pyth Core emitter (Pythnet program on Wormhole chain 26). */
export const PYTHNET_EMITTER_HEX = "e101faedac5851e32b9b23b5f9411a8c2bac4aae3ed4dd7b811dd1a72ea4aa71";
/** Pyth Pro router emitter: ASCII "PythnetPythnetPythnetPythnetPyth". */
export const PYTH_PRO_EMITTER_HEX = Buffer.from("PythnetPythnetPythnetPythnetPyth", "ascii").toString("hex");
export const PYTHNET_CHAIN_ID = 26;
/** Wormhole governance emitter used for signer-set (guardian/router) upgrades: chain 1, address 0x…04. */
export const GOVERNANCE_CHAIN_ID = 1;
export const GOVERNANCE_EMITTER_HEX = "00".repeat(31) + "04";

/** Both data sources a current Pyth deployment must accept: legacy guardians and Pyth Pro routers. */
export const DEFAULT_DATA_SOURCES: readonly DataSource[] = [
  { chain_id: PYTHNET_CHAIN_ID, emitter: PYTHNET_EMITTER_HEX },
  { chain_id: PYTHNET_CHAIN_ID, emitter: PYTH_PRO_EMITTER_HEX },
];

export interface DataSource {
  chain_id: number;
  /** 32-byte emitter address, lower-case hex without 0x. */
  emitter: string;
}

export function keccak256(...parts: Uint8Array[]): Buffer {
  return Buffer.from(keccak_256(Buffer.concat(parts)));
}

/** Pyth's Merkle hash: the first 20 bytes of keccak-256. */
export function keccak160(...parts: Uint8Array[]): Buffer {
  return keccak256(...parts).subarray(0, 20);
}

export const u8 = (n: number): Buffer => {
  const b = Buffer.alloc(1);
  b.writeUInt8(n);
  return b;
};
export const u16 = (n: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
};
export const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
export const i32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
export const u64 = (n: bigint): Buffer => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(n);
  return b;
};
export const i64 = (n: bigint): Buffer => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(n);
  return b;
};

/** Strict hex decoding: an optional 0x prefix, an even number of hex digits, optionally an exact byte length. */
export function hexToBytes(hex: string, expectedLength?: number): Buffer {
  const h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.slice(2) : hex;
  if (h.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(h)) throw new Error(`not a hex string: ${JSON.stringify(hex)}`);
  const b = Buffer.from(h, "hex");
  if (expectedLength !== undefined && b.length !== expectedLength) {
    throw new Error(`expected ${expectedLength} bytes of hex, got ${b.length}: ${JSON.stringify(hex)}`);
  }
  return b;
}

/** Canonical form used everywhere in this project (and by the Pyth CosmWasm `price_feed` query): lower case, no 0x. */
export function normalizeHex(hex: string, expectedLength?: number): string {
  return hexToBytes(hex, expectedLength).toString("hex");
}

export class WireError extends Error {
  override name = "WireError";
}

/** Bounds-checked cursor: a short buffer is an error with a position, never a silent zero. */
export class ByteReader {
  private pos = 0;
  constructor(
    readonly buf: Buffer,
    private readonly what: string,
  ) {}

  get offset(): number {
    return this.pos;
  }
  get remaining(): number {
    return this.buf.length - this.pos;
  }

  bytes(n: number, field: string): Buffer {
    if (n > this.remaining) {
      throw new WireError(
        `${this.what}: truncated reading ${field} at offset ${this.pos} (need ${n} bytes, have ${this.remaining})`,
      );
    }
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  u8(field: string): number {
    return this.bytes(1, field).readUInt8(0);
  }
  u16(field: string): number {
    return this.bytes(2, field).readUInt16BE(0);
  }
  u32(field: string): number {
    return this.bytes(4, field).readUInt32BE(0);
  }
  i32(field: string): number {
    return this.bytes(4, field).readInt32BE(0);
  }
  u64(field: string): bigint {
    return this.bytes(8, field).readBigUInt64BE(0);
  }
  i64(field: string): bigint {
    return this.bytes(8, field).readBigInt64BE(0);
  }
  rest(): Buffer {
    return this.bytes(this.remaining, "rest");
  }
}
