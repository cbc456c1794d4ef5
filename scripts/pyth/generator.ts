// Real-format Pyth price updates (PNAU → VAA v1 → AUWV root → PriceFeedMessages) signed with deterministic test
// keys, plus the Core signer-set upgrade VAA, and targeted corruptions for negative tests. Formats:
// docs/oracle.md#update-format, #signer-sets.
import { secp256k1 } from "@noble/curves/secp256k1";
import { sha256 } from "@noble/hashes/sha2";
import {
  ACTION_SIGNER_SET_UPGRADE,
  CORE_MODULE,
  PRICE_FEED_MESSAGE_VARIANT,
  buildMerkleTree,
  encodeAuwv,
  encodePriceMessage,
  encodeSignerSetUpgrade,
  encodeVaaBody,
  type PriceMessage,
} from "./messages.js";
import { halfPlusOneQuorum, publicKeyToAddress, vaaDigest, wormholeQuorum, type SignerSet } from "./verify.js";
import {
  AUWV_MAGIC,
  GOVERNANCE_CHAIN_ID,
  GOVERNANCE_EMITTER_HEX,
  PNAU_MAGIC,
  PYTHNET_CHAIN_ID,
  PYTHNET_EMITTER_HEX,
  PYTH_PRO_EMITTER_HEX,
  normalizeHex,
  u16,
  u32,
  u8,
} from "./wire.js";

export type { PriceMessage } from "./messages.js";

// ---------------------------------------------------------------------------------------------------------------
// Test keys

/**
 * n deterministic secp256k1 private keys: key i = sha256("akash-econ test signer " + i), or with a seed
 * sha256("akash-econ test signer " + seed + "/" + i). A digest that is not a valid scalar (probability ~2^-128) is
 * re-hashed, so every key is usable.
 */
export function testSignerKeys(n: number, seed?: string): Uint8Array[] {
  const keys: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    const label = seed === undefined ? `akash-econ test signer ${i}` : `akash-econ test signer ${seed}/${i}`;
    let k = sha256(new TextEncoder().encode(label));
    while (!secp256k1.utils.isValidSecretKey(k)) k = sha256(k);
    keys.push(k);
  }
  return keys;
}

/** Wormhole/Ethereum address of a private key: keccak256(uncompressed pubkey[1..])[12..], lower-case hex. */
export function signerAddress(privKey: Uint8Array): string {
  return publicKeyToAddress(secp256k1.getPublicKey(privKey, false));
}

export type SignerMode = "legacy" | "router";

interface ModeDefaults {
  keys: () => Uint8Array[];
  signers: number[];
  setIndex: number;
  emitterChain: number;
  emitterAddress: string;
  consistency: number;
  ringSize: number;
  quorum: (n: number) => number;
}

// Legacy and router sets get different indexes (4 and 0, as on mainnet) and different keys, so one contract can hold
// both test sets at once, as a deployment spanning the Aug-2026 cut-over does.
const MODES: Record<SignerMode, ModeDefaults> = {
  legacy: {
    keys: () => testSignerKeys(19),
    // The same 13 guardians that signed the real 2024 Hermes sample (fixture hermes-2024-guardian-set-4.json).
    signers: [0, 2, 3, 4, 6, 7, 10, 11, 13, 14, 15, 17, 18],
    setIndex: 4,
    emitterChain: PYTHNET_CHAIN_ID,
    emitterAddress: PYTHNET_EMITTER_HEX,
    consistency: 1,
    ringSize: 10000,
    quorum: wormholeQuorum,
  },
  router: {
    keys: () => testSignerKeys(5, "router"),
    // The routers that signed a real router-set-0 AKT update of 2026-07-09 (Akash's pyth-pro-verifier test data).
    signers: [1, 3, 4],
    setIndex: 0,
    emitterChain: PYTHNET_CHAIN_ID,
    emitterAddress: PYTH_PRO_EMITTER_HEX,
    consistency: 0,
    ringSize: 0,
    quorum: halfPlusOneQuorum,
  },
};

export function defaultSignerKeys(mode: SignerMode): Uint8Array[] {
  return MODES[mode].keys();
}

/** The `signer_sets` entry (oracle instantiate msg / --signer-set file) matching a mode's default keys. */
export function testSignerSet(mode: SignerMode, o: { keys?: Uint8Array[]; setIndex?: number } = {}): SignerSet {
  const keys = o.keys ?? MODES[mode].keys();
  return {
    index: o.setIndex ?? MODES[mode].setIndex,
    addresses: keys.map(signerAddress),
    quorum: MODES[mode].quorum(keys.length),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs

export interface PriceInput {
  /** 32-byte feed id, hex (0x optional). */
  feedId: string;
  price: bigint;
  conf: bigint;
  expo: number;
  publishTime: number | bigint;
  /** Default: publishTime - 1. */
  prevPublishTime?: number | bigint;
  /** Default: price. */
  emaPrice?: bigint;
  /** Default: conf. */
  emaConf?: bigint;
}

export function toPriceMessage(p: PriceInput): PriceMessage {
  const publishTime = BigInt(p.publishTime);
  return {
    feedId: normalizeHex(p.feedId, 32),
    price: p.price,
    conf: p.conf,
    expo: p.expo,
    publishTime,
    prevPublishTime: p.prevPublishTime === undefined ? publishTime - 1n : BigInt(p.prevPublishTime),
    emaPrice: p.emaPrice ?? p.price,
    emaConf: p.emaConf ?? p.conf,
  };
}

/**
 * Corruptions for negative tests. Each one breaks exactly one rule of docs/oracle.md#verification (or the envelope),
 * leaving every other part valid, so a verifier's error can be pinned to the right check.
 */
export interface Tamper {
  /** Remove the last signature (n_sigs − 1): below quorum when signing with exactly the quorum. */
  dropSignature?: boolean;
  /** The signature for this signer index is made with a key outside the set. */
  wrongKeyAt?: number;
  /** The second signature repeats the first one's signer index (and is validly signed by that signer). */
  duplicateSignerIndex?: boolean;
  /** Swap the first two (valid) signature blocks. */
  unsortedSignerIndexes?: boolean;
  /** XOR 0x01 into one signature byte (offset 0–64 within r|s|v) of the i-th signature block. */
  signatureByte?: { signature: number; offset: number };
  /** XOR 0x01 into byte `offset` of an update's message after signing (its Merkle proof no longer folds to the root). */
  messageByte?: { update: number; offset: number };
  /** XOR 0x01 into the first byte of proof node `node` of an update. */
  proofNode?: { update: number; node: number };
  /** Drop this many bytes from the end of the finished blob. */
  truncate?: number;
  /** Replace the 4-byte "PNAU" magic. */
  magic?: string;
  majorVersion?: number;
  minorVersion?: number;
  proofType?: number;
  vaaVersion?: number;
  /** Replace the 4-byte "AUWV" payload magic (signed: only the payload check can catch it). */
  auwvMagic?: string;
  /** Message variant byte, set before hashing (proofs valid; 1 = TwapMessage, 2 = PublisherStakeCaps). */
  messageVariant?: number;
  /** Bytes appended to every message before hashing; must be ignored (forward compatibility). */
  messageTrailingBytes?: number;
  /** Bytes appended after the last update of the envelope. */
  envelopeTrailingBytes?: number;
  /** Bytes in the PNAU header's trailing section (allowed by the format). */
  headerTrailingBytes?: number;
}

export interface UpdateOptions {
  /** "legacy" (13 of 19 guardians, Pythnet emitter) or "router" (3 of 5 Pyth Pro routers). Default "legacy". */
  mode?: SignerMode;
  keys?: Uint8Array[];
  /** Indexes into `keys` that sign; written in ascending order. */
  signers?: number[];
  /** guardian_set_index in the VAA header (not covered by signatures). */
  setIndex?: number;
  emitterChain?: number;
  /** 32-byte hex */
  emitterAddress?: string;
  /** Default: max publish time of the inputs. */
  slot?: number | bigint;
  /** Default: legacy = slot + 50,000,000 (independent counter); router = slot (as observed in real router VAAs). */
  sequence?: number | bigint;
  consistency?: number;
  ringSize?: number;
  /** VAA body timestamp; default max publish time. */
  timestamp?: number;
  nonce?: number;
  /** Extra price messages hashed into the tree but not included as updates (deeper proofs, like Hermes' ring). */
  extraLeaves?: number;
  tamper?: Tamper;
}

export interface GeneratedUpdate {
  /** The PNAU blob as submitted to `update_price_feeds` (base64) or served by Hermes. */
  data: Buffer;
  hex: string;
  base64: string;
  vaa: Buffer;
  body: Buffer;
  digest: Buffer;
  root: Buffer;
  messages: Buffer[];
  proofs: Buffer[][];
  prices: PriceMessage[];
  setIndex: number;
  signerIndexes: number[];
  emitterChain: number;
  emitterAddress: string;
  slot: bigint;
  sequence: bigint;
}

const flip = (b: Buffer, offset: number): void => {
  if (offset < 0 || offset >= b.length) throw new RangeError(`tamper offset ${offset} outside 0..${b.length - 1}`);
  b[offset] = b[offset]! ^ 0x01;
};

const magic4 = (s: string): Buffer => {
  const b = Buffer.from(s, "latin1");
  if (b.length !== 4) throw new RangeError(`magic must be 4 bytes: ${JSON.stringify(s)}`);
  return b;
};

export interface SignOptions {
  keys: Uint8Array[];
  signers: number[];
  setIndex: number;
  tamper?: Pick<
    Tamper,
    "dropSignature" | "wrongKeyAt" | "duplicateSignerIndex" | "unsortedSignerIndexes" | "signatureByte" | "vaaVersion"
  >;
}

/** Signs a VAA body: header | signatures | body. Signer indexes are sorted as Wormhole requires. */
export function signVaa(body: Buffer, o: SignOptions): { vaa: Buffer; digest: Buffer; signerIndexes: number[] } {
  const t = o.tamper ?? {};
  const digest = vaaDigest(body);
  const indexes = [...new Set(o.signers)].sort((a, b) => a - b);
  if (t.duplicateSignerIndex === true) {
    if (indexes.length < 2) throw new RangeError("duplicateSignerIndex needs at least 2 signers");
    indexes[1] = indexes[0]!;
  }
  if (t.dropSignature === true) indexes.pop();
  const blocks = indexes.map((index) => {
    let key = o.keys[index];
    if (key === undefined) throw new RangeError(`no key for signer index ${index}`);
    if (t.wrongKeyAt === index) key = testSignerKeys(1, `wrong key ${index}`)[0]!;
    const sig = secp256k1.sign(digest, key, { prehash: false });
    return Buffer.concat([u8(index), Buffer.from(sig.toBytes("compact")), u8(sig.recovery)]);
  });
  if (t.unsortedSignerIndexes === true) {
    if (blocks.length < 2) throw new RangeError("unsortedSignerIndexes needs at least 2 signers");
    [blocks[0], blocks[1]] = [blocks[1]!, blocks[0]!];
  }
  if (t.signatureByte !== undefined) {
    const block = blocks[t.signatureByte.signature];
    if (block === undefined) throw new RangeError(`no signature ${t.signatureByte.signature}`);
    flip(block, 1 + t.signatureByte.offset);
  }
  const vaa = Buffer.concat([u8(t.vaaVersion ?? 1), u32(o.setIndex), u8(blocks.length), ...blocks, body]);
  return { vaa, digest, signerIndexes: blocks.map((b) => b[0]!) };
}

function extraLeafMessage(i: number, publishTime: bigint): Buffer {
  const feedId = Buffer.from(sha256(new TextEncoder().encode(`akash-econ filler feed ${i}`))).toString("hex");
  return encodePriceMessage({
    feedId,
    price: 1n,
    conf: 0n,
    expo: 0,
    publishTime,
    prevPublishTime: publishTime,
    emaPrice: 1n,
    emaConf: 0n,
  });
}

/** Builds one signed PNAU holding an update for every input price (several feeds → one Merkle tree). */
export function buildPriceUpdate(inputs: readonly PriceInput[], o: UpdateOptions = {}): GeneratedUpdate {
  if (inputs.length === 0) throw new RangeError("buildPriceUpdate needs at least one price");
  if (inputs.length > 255) throw new RangeError("a PNAU holds at most 255 updates");
  const mode = MODES[o.mode ?? "legacy"];
  const t = o.tamper ?? {};
  const prices = inputs.map(toPriceMessage);
  const maxPublish = prices.reduce((m, p) => (p.publishTime > m ? p.publishTime : m), prices[0]!.publishTime);

  const tail = Buffer.alloc(t.messageTrailingBytes ?? 0, 0xab);
  const messages = prices.map((p) =>
    Buffer.concat([encodePriceMessage(p, t.messageVariant ?? PRICE_FEED_MESSAGE_VARIANT), tail]),
  );
  const leaves: Buffer[] = [...messages];
  for (let i = 0; i < (o.extraLeaves ?? 0); i++) leaves.push(extraLeafMessage(i, maxPublish));
  const { root, proofs: allProofs } = buildMerkleTree(leaves);
  const proofs = allProofs.slice(0, messages.length);

  const slot = BigInt(o.slot ?? maxPublish);
  const isRouter = (o.mode ?? "legacy") === "router";
  const sequence = BigInt(o.sequence ?? (isRouter ? slot : slot + 50_000_000n));
  const payload = encodeAuwv({ payloadType: 0, slot, ringSize: o.ringSize ?? mode.ringSize, root });
  if (t.auwvMagic !== undefined) magic4(t.auwvMagic).copy(payload, 0);
  const emitterChain = o.emitterChain ?? mode.emitterChain;
  const emitterAddress = normalizeHex(o.emitterAddress ?? mode.emitterAddress, 32);
  const body = encodeVaaBody({
    // The body timestamp is u32: wrap rather than reject so property tests can use any i64 publish time.
    timestamp: o.timestamp ?? Number(BigInt.asUintN(32, maxPublish)),
    nonce: o.nonce ?? 0,
    emitterChain,
    emitterAddress,
    sequence,
    consistency: o.consistency ?? mode.consistency,
    payload,
  });
  const setIndex = o.setIndex ?? mode.setIndex;
  const { vaa, digest, signerIndexes } = signVaa(body, {
    keys: o.keys ?? mode.keys(),
    signers: o.signers ?? mode.signers,
    setIndex,
    tamper: t,
  });

  // Post-signing corruptions operate on copies so `messages`/`proofs` keep describing what was signed.
  const wireMessages = messages.map((m) => Buffer.from(m));
  const wireProofs = proofs.map((p) => p.map((n) => Buffer.from(n)));
  if (t.messageByte !== undefined) {
    const m = wireMessages[t.messageByte.update];
    if (m === undefined) throw new RangeError(`no update ${t.messageByte.update}`);
    flip(m, t.messageByte.offset);
  }
  if (t.proofNode !== undefined) {
    const node = wireProofs[t.proofNode.update]?.[t.proofNode.node];
    if (node === undefined) throw new RangeError(`no proof node ${t.proofNode.update}/${t.proofNode.node}`);
    flip(node, 0);
  }

  const headerTrailing = Buffer.alloc(t.headerTrailingBytes ?? 0, 0xcd);
  const updates = wireMessages.map((m, i) => {
    const proof = wireProofs[i]!;
    return Buffer.concat([u16(m.length), m, u8(proof.length), ...proof]);
  });
  let data = Buffer.concat([
    t.magic === undefined ? PNAU_MAGIC : magic4(t.magic),
    u8(t.majorVersion ?? 1),
    u8(t.minorVersion ?? 0),
    u8(headerTrailing.length),
    headerTrailing,
    u8(t.proofType ?? 0),
    u16(vaa.length),
    vaa,
    u8(updates.length),
    ...updates,
    Buffer.alloc(t.envelopeTrailingBytes ?? 0, 0xef),
  ]);
  if (t.truncate !== undefined) data = data.subarray(0, Math.max(0, data.length - t.truncate));

  return {
    data,
    hex: data.toString("hex"),
    base64: data.toString("base64"),
    vaa,
    body,
    digest,
    root,
    messages,
    proofs,
    prices,
    setIndex,
    signerIndexes,
    emitterChain,
    emitterAddress,
    slot,
    sequence,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Governance: signer-set upgrade VAA

export interface SignerSetUpgradeOptions {
  keys: Uint8Array[];
  signers: number[];
  /** Index of the set that signs (the current set). */
  setIndex: number;
  newIndex: number;
  /** 20-byte hex addresses of the new set. */
  newAddresses: string[];
  emitterChain?: number;
  emitterAddress?: string;
  /** 0 = all chains. */
  targetChain?: number;
  sequence?: number | bigint;
  timestamp?: number;
  nonce?: number;
  consistency?: number;
  /** Override the 32-byte module (default "Core" left-padded) or action (default 2) to build invalid upgrades. */
  module?: Buffer;
  action?: number;
  tamper?: SignOptions["tamper"];
}

/**
 * Wormhole Core "guardian set upgrade" VAA, the format of the real router-set 0 → 1 rotation: emitter chain 1 /
 * 0x…04, payload = module "Core" | action 2 | target_chain u16 | new_index u32 | n u8 | n × address20.
 */
export function buildSignerSetUpgradeVaa(o: SignerSetUpgradeOptions): {
  data: Buffer;
  hex: string;
  base64: string;
  digest: Buffer;
} {
  const payload = encodeSignerSetUpgrade({
    module: o.module ?? CORE_MODULE,
    action: o.action ?? ACTION_SIGNER_SET_UPGRADE,
    targetChain: o.targetChain ?? 0,
    newIndex: o.newIndex,
    addresses: o.newAddresses.map((a) => normalizeHex(a, 20)),
  });
  const body = encodeVaaBody({
    timestamp: o.timestamp ?? 0,
    nonce: o.nonce ?? 0,
    emitterChain: o.emitterChain ?? GOVERNANCE_CHAIN_ID,
    emitterAddress: normalizeHex(o.emitterAddress ?? GOVERNANCE_EMITTER_HEX, 32),
    sequence: BigInt(o.sequence ?? 1),
    consistency: o.consistency ?? 0,
    payload,
  });
  const { vaa, digest } = signVaa(body, { keys: o.keys, signers: o.signers, setIndex: o.setIndex, tamper: o.tamper });
  return { data: vaa, hex: vaa.toString("hex"), base64: vaa.toString("base64"), digest };
}

// ---------------------------------------------------------------------------------------------------------------
// JSON shapes

export interface PythPrice {
  price: string;
  conf: string;
  expo: number;
  publish_time: number;
}

/** Pyth CosmWasm `price_feed` query response body (Pyth's CosmWasm JSON): id without 0x, price/conf as strings. */
export interface PythPriceFeedJson {
  id: string;
  price: PythPrice;
  ema_price: PythPrice;
}

export function toPythPriceFeedJson(input: PriceInput | PriceMessage): PythPriceFeedJson {
  const m = toPriceMessage(input);
  const publish_time = Number(m.publishTime);
  return {
    id: m.feedId,
    price: { price: m.price.toString(), conf: m.conf.toString(), expo: m.expo, publish_time },
    ema_price: { price: m.emaPrice.toString(), conf: m.emaConf.toString(), expo: m.expo, publish_time },
  };
}

/** One entry of Hermes' `parsed[]` array (price_feed shape plus metadata). */
export interface HermesParsedUpdate extends PythPriceFeedJson {
  metadata: { slot: number; proof_available_time: number; prev_publish_time: number };
}

export function toHermesParsed(input: PriceInput | PriceMessage, slot: number | bigint): HermesParsedUpdate {
  const m = toPriceMessage(input);
  return {
    ...toPythPriceFeedJson(m),
    metadata: {
      slot: Number(slot),
      proof_available_time: Number(m.publishTime) + 1,
      prev_publish_time: Number(m.prevPublishTime),
    },
  };
}

// Re-exported so callers need one import for test fixtures.
export { AUWV_MAGIC, PYTHNET_EMITTER_HEX, PYTH_PRO_EMITTER_HEX };
