// Pyth accumulator update envelope ("PNAU", docs/oracle.md#update-format). Structure only: the VAA and the Merkle
// proofs are verified elsewhere, so counting messages for the fee needs no signature work.
import { Reader } from "./reader";
import * as E from "../error";
import { intStr } from "../../std";

export const PROOF_HASH_LEN: i32 = 20;

export class MerkleUpdate {
  constructor(
    public message: Uint8Array,
    public proof: Array<Uint8Array>,
  ) {}
}

export class Pnau {
  error: string | null = null;
  vaa: Uint8Array = new Uint8Array(0);
  updates: Array<MerkleUpdate> = new Array<MerkleUpdate>();
}

function isMagic(data: Uint8Array, m0: u8, m1: u8, m2: u8, m3: u8): bool {
  return data.length >= 4 && data[0] == m0 && data[1] == m1 && data[2] == m2 && data[3] == m3;
}

/** "PNAU" */
export function hasPnauMagic(data: Uint8Array): bool {
  return isMagic(data, 0x50, 0x4e, 0x41, 0x55);
}

/** "AUWV" */
export function hasAuwvMagic(data: Uint8Array): bool {
  return isMagic(data, 0x41, 0x55, 0x57, 0x56);
}

/**
 * Parses one blob. `blob` is the index in the `data` array, used only in error texts. The minor version and the
 * trailing header are skipped (forward compatible, as Pyth); bytes after the last update are rejected.
 */
export function parsePnau(data: Uint8Array, blob: i32): Pnau {
  const out = new Pnau();
  const r = new Reader(data, "update " + intStr(blob));
  if (!hasPnauMagic(data)) {
    out.error = E.badPnauMagic(blob);
    return out;
  }
  r.pos = 4;
  const major = r.u8("major version");
  const minor = r.u8("minor version");
  if (!r.failed() && major != 1) {
    out.error = E.badPnauVersion(blob, major, minor);
    return out;
  }
  const trailingLen = r.u8("trailing header length");
  r.bytes(<i32>trailingLen, "trailing header");
  const proofType = r.u8("proof type");
  if (!r.failed() && proofType != 0) {
    out.error = E.badProofType(blob, proofType);
    return out;
  }
  const vaaLen = r.u16("VAA length");
  out.vaa = r.bytes(<i32>vaaLen, "VAA");
  const n = r.u8("number of updates");
  for (let i: i32 = 0; i < <i32>n && !r.failed(); i++) {
    r.at("message ", i);
    const msgLen = r.u16(" length");
    const msg = r.bytes(<i32>msgLen, "");
    const depth = r.u8(" proof length");
    const proof = new Array<Uint8Array>();
    for (let j: i32 = 0; j < <i32>depth && !r.failed(); j++) {
      r.sub = j;
      proof.push(r.bytes(PROOF_HASH_LEN, " proof node "));
    }
    r.sub = -1;
    out.updates.push(new MerkleUpdate(msg, proof));
  }
  r.index = -1;
  if (r.failed()) {
    out.error = r.error;
    return out;
  }
  if (r.remaining() > 0) out.error = E.pnauTrailingBytes(blob, r.remaining());
  else if (n == 0) out.error = E.pnauNoUpdates(blob);
  return out;
}
