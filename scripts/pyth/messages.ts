// Encoders and strict decoders for the Pyth accumulator format (docs/oracle.md#update-format): PNAU envelope, Wormhole
// VAA v1, AUWV Merkle payload, PriceFeedMessage, Merkle tree, and the Core signer-set upgrade payload.
import { AUWV_MAGIC, ByteReader, PNAU_MAGIC, WireError, hexToBytes, i32, i64, keccak160, u64, u8 } from "./wire.js";

export interface PriceMessage {
  /** 32-byte feed id, lower-case hex without 0x. */
  feedId: string;
  price: bigint;
  conf: bigint;
  expo: number;
  publishTime: bigint;
  prevPublishTime: bigint;
  emaPrice: bigint;
  emaConf: bigint;
}

export const PRICE_FEED_MESSAGE_VARIANT = 0;
export const PRICE_FEED_MESSAGE_LENGTH = 85;

export function encodePriceMessage(p: PriceMessage, variant = PRICE_FEED_MESSAGE_VARIANT): Buffer {
  return Buffer.concat([
    u8(variant),
    hexToBytes(p.feedId, 32),
    i64(p.price),
    u64(p.conf),
    i32(p.expo),
    i64(p.publishTime),
    i64(p.prevPublishTime),
    i64(p.emaPrice),
    u64(p.emaConf),
  ]);
}

/** Decodes a PriceFeedMessage; bytes after the 85th are ignored because messages are forward compatible. */
export function decodePriceMessage(msg: Uint8Array): PriceMessage {
  const r = new ByteReader(Buffer.from(msg.buffer, msg.byteOffset, msg.byteLength), "price message");
  const variant = r.u8("variant");
  if (variant !== PRICE_FEED_MESSAGE_VARIANT) {
    throw new WireError(`price message: unsupported message variant ${variant} (only 0 = PriceFeedMessage)`);
  }
  return {
    feedId: r.bytes(32, "feed_id").toString("hex"),
    price: r.i64("price"),
    conf: r.u64("conf"),
    expo: r.i32("exponent"),
    publishTime: r.i64("publish_time"),
    prevPublishTime: r.i64("prev_publish_time"),
    emaPrice: r.i64("ema_price"),
    emaConf: r.u64("ema_conf"),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Merkle tree (keccak160, sorted pairs)

const LEAF_PREFIX = u8(0);
const NODE_PREFIX = u8(1);
const NULL_PREFIX = u8(2);

export const merkleLeaf = (msg: Uint8Array): Buffer => keccak160(LEAF_PREFIX, msg);
export const merkleNode = (a: Uint8Array, b: Uint8Array): Buffer =>
  Buffer.compare(a, b) <= 0 ? keccak160(NODE_PREFIX, a, b) : keccak160(NODE_PREFIX, b, a);
export const merklePaddingLeaf = (): Buffer => keccak160(NULL_PREFIX);

export interface MerkleTree {
  root: Buffer;
  /** proofs[i] = sibling hashes from leaf i up to (not including) the root. */
  proofs: Buffer[][];
}

export function buildMerkleTree(messages: readonly Uint8Array[]): MerkleTree {
  let width = 1;
  while (width < messages.length) width *= 2;
  // Heap layout: node k has children 2k and 2k+1; leaves occupy [width, 2*width).
  const nodes: Buffer[] = new Array<Buffer>(2 * width);
  for (let i = 0; i < width; i++) {
    const m = messages[i];
    nodes[width + i] = m === undefined ? merklePaddingLeaf() : merkleLeaf(m);
  }
  for (let k = width - 1; k >= 1; k--) nodes[k] = merkleNode(nodes[2 * k]!, nodes[2 * k + 1]!);
  const proofs = messages.map((_, i) => {
    const proof: Buffer[] = [];
    for (let k = width + i; k > 1; k = Math.floor(k / 2)) proof.push(nodes[k ^ 1]!);
    return proof;
  });
  return { root: nodes[1]!, proofs };
}

export function foldMerkleProof(message: Uint8Array, proof: readonly Uint8Array[]): Buffer {
  let h = merkleLeaf(message);
  for (const sibling of proof) h = merkleNode(h, sibling);
  return h;
}

// ---------------------------------------------------------------------------------------------------------------
// PNAU envelope

export interface PnauUpdate {
  message: Buffer;
  proof: Buffer[];
}

export interface Pnau {
  major: number;
  minor: number;
  trailingHeader: Buffer;
  proofType: number;
  vaa: Buffer;
  updates: PnauUpdate[];
}

/**
 * Strict parser: every length is bounds-checked, and bytes after the last update are rejected (Pyth leaves that
 * open; rejecting is the stricter option and what the oracle contract does).
 */
export function parsePnau(data: Uint8Array): Pnau {
  const r = new ByteReader(Buffer.from(data.buffer, data.byteOffset, data.byteLength), "PNAU");
  const magic = r.bytes(4, "magic");
  if (!magic.equals(PNAU_MAGIC)) throw new WireError(`PNAU: bad magic 0x${magic.toString("hex")}`);
  const major = r.u8("major_version");
  const minor = r.u8("minor_version");
  if (major !== 1) throw new WireError(`PNAU: unsupported major version ${major}`);
  const trailingHeader = r.bytes(r.u8("trailing_header_len"), "trailing_header");
  const proofType = r.u8("proof_type");
  if (proofType !== 0) throw new WireError(`PNAU: unsupported proof type ${proofType} (only 0 = WormholeMerkle)`);
  const vaa = r.bytes(r.u16("vaa_len"), "vaa");
  const n = r.u8("num_updates");
  const updates: PnauUpdate[] = [];
  for (let i = 0; i < n; i++) {
    const message = r.bytes(r.u16(`update ${i} message_len`), `update ${i} message`);
    const depth = r.u8(`update ${i} proof_len`);
    const proof: Buffer[] = [];
    for (let j = 0; j < depth; j++) proof.push(r.bytes(20, `update ${i} proof node ${j}`));
    updates.push({ message, proof });
  }
  if (r.remaining !== 0) throw new WireError(`PNAU: ${r.remaining} trailing bytes after the last update`);
  return { major, minor, trailingHeader, proofType, vaa, updates };
}

export function encodePnau(p: Pnau): Buffer {
  const vaaLen = Buffer.alloc(2);
  vaaLen.writeUInt16BE(p.vaa.length);
  return Buffer.concat([
    PNAU_MAGIC,
    u8(p.major),
    u8(p.minor),
    u8(p.trailingHeader.length),
    p.trailingHeader,
    u8(p.proofType),
    vaaLen,
    p.vaa,
    u8(p.updates.length),
    ...p.updates.flatMap((up) => {
      const len = Buffer.alloc(2);
      len.writeUInt16BE(up.message.length);
      return [len, up.message, u8(up.proof.length), ...up.proof];
    }),
  ]);
}

/**
 * Keeps only the chosen updates of a PNAU. The result still verifies (same signed VAA, same proofs) and costs less:
 * the fee is per price message, so a relayer should submit only the feeds that are actually newer.
 */
export function slicePnau(data: Uint8Array, keep: readonly number[]): Buffer {
  const p = parsePnau(data);
  const updates = keep.map((i) => {
    const u = p.updates[i];
    if (u === undefined) throw new RangeError(`PNAU has no update ${i}`);
    return u;
  });
  return encodePnau({ ...p, updates });
}

// ---------------------------------------------------------------------------------------------------------------
// VAA v1

export interface VaaSignature {
  signerIndex: number;
  /** r(32) | s(32) */
  signature: Buffer;
  /** recovery id */
  v: number;
}

export interface VaaBodyFields {
  timestamp: number;
  nonce: number;
  emitterChain: number;
  /** 32 bytes, lower-case hex */
  emitterAddress: string;
  sequence: bigint;
  consistency: number;
  payload: Buffer;
}

export interface Vaa extends VaaBodyFields {
  version: number;
  setIndex: number;
  signatures: VaaSignature[];
  /** The signed part (everything after the signatures). */
  body: Buffer;
}

export function encodeVaaBody(f: VaaBodyFields): Buffer {
  const head = Buffer.alloc(4 + 4 + 2);
  head.writeUInt32BE(f.timestamp, 0);
  head.writeUInt32BE(f.nonce, 4);
  head.writeUInt16BE(f.emitterChain, 8);
  return Buffer.concat([head, hexToBytes(f.emitterAddress, 32), u64(f.sequence), u8(f.consistency), f.payload]);
}

export function parseVaa(data: Uint8Array): Vaa {
  const r = new ByteReader(Buffer.from(data.buffer, data.byteOffset, data.byteLength), "VAA");
  const version = r.u8("version");
  const setIndex = r.u32("guardian_set_index");
  const n = r.u8("num_signatures");
  const signatures: VaaSignature[] = [];
  for (let i = 0; i < n; i++) {
    const signerIndex = r.u8(`signature ${i} index`);
    const signature = r.bytes(64, `signature ${i} r|s`);
    const v = r.u8(`signature ${i} v`);
    signatures.push({ signerIndex, signature, v });
  }
  const bodyStart = r.offset;
  const timestamp = r.u32("timestamp");
  const nonce = r.u32("nonce");
  const emitterChain = r.u16("emitter_chain");
  const emitterAddress = r.bytes(32, "emitter_address").toString("hex");
  const sequence = r.u64("sequence");
  const consistency = r.u8("consistency_level");
  const payload = r.rest();
  return {
    version,
    setIndex,
    signatures,
    body: r.buf.subarray(bodyStart),
    timestamp,
    nonce,
    emitterChain,
    emitterAddress,
    sequence,
    consistency,
    payload,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// AUWV payload

export interface Auwv {
  payloadType: number;
  slot: bigint;
  ringSize: number;
  root: Buffer;
}

export function encodeAuwv(a: Auwv): Buffer {
  const ring = Buffer.alloc(4);
  ring.writeUInt32BE(a.ringSize);
  return Buffer.concat([AUWV_MAGIC, u8(a.payloadType), u64(a.slot), ring, a.root]);
}

export function parseAuwv(payload: Uint8Array, magic: Uint8Array = AUWV_MAGIC): Auwv {
  const r = new ByteReader(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength), "AUWV payload");
  const m = r.bytes(4, "magic");
  if (!m.equals(magic)) throw new WireError(`AUWV payload: bad magic 0x${m.toString("hex")}`);
  const payloadType = r.u8("payload_type");
  if (payloadType !== 0) throw new WireError(`AUWV payload: unsupported payload type ${payloadType}`);
  const slot = r.u64("slot");
  const ringSize = r.u32("ring_size");
  const root = r.bytes(20, "root");
  // Forward compatibility: Pyth's WormholeMerkleRoot may grow; extra payload bytes are ignored like message tails.
  return { payloadType, slot, ringSize, root };
}

// ---------------------------------------------------------------------------------------------------------------
// Core governance: guardian/router set upgrade (module "Core", action 2)

export const CORE_MODULE = Buffer.concat([Buffer.alloc(28), Buffer.from("Core", "ascii")]);
export const ACTION_SIGNER_SET_UPGRADE = 2;

export interface SignerSetUpgrade {
  module: Buffer;
  action: number;
  targetChain: number;
  newIndex: number;
  /** 20-byte addresses, lower-case hex */
  addresses: string[];
}

export function encodeSignerSetUpgrade(u: SignerSetUpgrade): Buffer {
  const head = Buffer.alloc(1 + 2 + 4 + 1);
  head.writeUInt8(u.action, 0);
  head.writeUInt16BE(u.targetChain, 1);
  head.writeUInt32BE(u.newIndex, 3);
  head.writeUInt8(u.addresses.length, 7);
  return Buffer.concat([u.module, head, ...u.addresses.map((a) => hexToBytes(a, 20))]);
}

export function parseSignerSetUpgrade(payload: Uint8Array): SignerSetUpgrade {
  const r = new ByteReader(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength), "governance payload");
  const module = r.bytes(32, "module");
  if (!module.equals(CORE_MODULE)) throw new WireError(`governance payload: module is not "Core"`);
  const action = r.u8("action");
  if (action !== ACTION_SIGNER_SET_UPGRADE) throw new WireError(`governance payload: action ${action} is not 2`);
  const targetChain = r.u16("target_chain");
  const newIndex = r.u32("new_index");
  const n = r.u8("num_addresses");
  const addresses: string[] = [];
  for (let i = 0; i < n; i++) addresses.push(r.bytes(20, `address ${i}`).toString("hex"));
  if (r.remaining !== 0) throw new WireError(`governance payload: ${r.remaining} trailing bytes`);
  return { module, action, targetChain, newIndex, addresses };
}
