// Access to the real Pyth/Wormhole data in test/fixtures/pyth (provenance in test/fixtures/README.md) and an
// independent Merkle/signature checker written directly against @noble, sharing no code with scripts/pyth, so
// generator bugs cannot cancel out.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { secp256k1 } from "@noble/curves/secp256k1";
import { keccak_256 } from "@noble/hashes/sha3";
import { repoRoot } from "../../scripts/lib/repo-root.js";

export const PYTH_FIXTURES = join(repoRoot(), "test", "fixtures", "pyth");

export const fixturePath = (name: string): string => join(PYTH_FIXTURES, name);

/** Parses a fixture file; callers cast to the shape they rely on (fixtures are trusted, read-only test data). */
export function readFixture(name: string): unknown {
  return JSON.parse(readFileSync(fixturePath(name), "utf8"));
}

export interface FixturePrice {
  feed_id: string;
  price: string;
  conf: string;
  expo: number;
  publish_time: number;
  prev_publish_time: number;
  ema_price: string;
  ema_conf: string;
  price_decimal: string;
  conf_decimal: string;
  ema_price_decimal: string;
  ema_conf_decimal: string;
  message_hex: string;
  proof: string[];
}

export interface HermesFixture {
  hex: string;
  expected: {
    vaa: {
      guardian_set_index: number;
      signer_indexes: number[];
      body: { emitter_chain: number; emitter_address: string; sequence: string; timestamp: number };
    };
    auwv: { slot: string; ring_size: number; root: string };
    updates: FixturePrice[];
  };
}

/** Independent Merkle fold: keccak256(...)[0..20] with sorted pairs, written from docs/oracle.md#merkle-proofs. */
export function independentFold(message: Uint8Array, proof: readonly Uint8Array[]): string {
  const h160 = (...p: Uint8Array[]): Uint8Array => {
    const all = new Uint8Array(p.reduce((n, x) => n + x.length, 0));
    let o = 0;
    for (const x of p) {
      all.set(x, o);
      o += x.length;
    }
    return keccak_256(all).slice(0, 20);
  };
  let h = h160(Uint8Array.of(0), message);
  for (const s of proof) {
    const [a, b] = Buffer.compare(Buffer.from(h), Buffer.from(s)) <= 0 ? [h, s] : [s, h];
    h = h160(Uint8Array.of(1), a, b);
  }
  return Buffer.from(h).toString("hex");
}

/** Independent signer recovery over keccak256(keccak256(body)). */
export function independentRecover(body: Uint8Array, rs: Uint8Array, v: number): string {
  const digest = keccak_256(keccak_256(body));
  const sig = secp256k1.Signature.fromBytes(rs, "compact").addRecoveryBit(v);
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the standalone replacement is untyped in 1.9.7
  const pub = sig.recoverPublicKey(digest).toBytes(false);
  return Buffer.from(keccak_256(pub.subarray(1)).subarray(12)).toString("hex");
}
