// Pyth's accumulator Merkle tree (pythnet_sdk accumulators/merkle.rs): Keccak160, domain-separated leaves and nodes,
// sorted pairs so a proof needs no left/right bits.
import { bytesEqual, keccak256 } from "../../std";

function keccak160(data: Uint8Array): Uint8Array {
  return keccak256(data).subarray(0, 20);
}

function cmpBytes(a: Uint8Array, b: Uint8Array): i32 {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}

export function leafHash(message: Uint8Array): Uint8Array {
  const buf = new Uint8Array(1 + message.length);
  buf[0] = 0;
  buf.set(message, 1);
  return keccak160(buf);
}

export function nodeHash(a: Uint8Array, b: Uint8Array): Uint8Array {
  const lo = cmpBytes(a, b) <= 0 ? a : b;
  const hi = lo === a ? b : a;
  const buf = new Uint8Array(1 + lo.length + hi.length);
  buf[0] = 1;
  buf.set(lo, 1);
  buf.set(hi, 1 + lo.length);
  return keccak160(buf);
}

/** Folds the proof from the leaf upwards and compares with the signed root. */
export function verifyProof(root: Uint8Array, message: Uint8Array, proof: Array<Uint8Array>): bool {
  let h = leafHash(message);
  for (let i = 0; i < proof.length; i++) h = nodeHash(h, proof[i]);
  return bytesEqual(h, root);
}
