// Wormhole Core "guardian set upgrade" payload (action 2), which Pyth's routers reuse for router-set rotation:
// module "Core" (32 bytes, left-padded) | action u8 | target chain u16 | new index u32 | n u8 | n × address(20).
import { Reader } from "./reader";
import * as E from "../error";

export const ACTION_GUARDIAN_SET_UPGRADE: u8 = 2;
export const ADDRESS_LEN: i32 = 20;

export class SetUpgrade {
  error: string | null = null;
  targetChain: u16 = 0;
  newIndex: u32 = 0;
  addresses: Array<Uint8Array> = new Array<Uint8Array>();
}

function isCoreModule(m: Uint8Array): bool {
  // "Core" = 43 6f 72 65 in the last four bytes, zeros before.
  for (let i = 0; i < 28; i++) if (m[i] != 0) return false;
  return m[28] == 0x43 && m[29] == 0x6f && m[30] == 0x72 && m[31] == 0x65;
}

export function parseSetUpgrade(payload: Uint8Array): SetUpgrade {
  const out = new SetUpgrade();
  const r = new Reader(payload, "governance payload");
  const module = r.bytes(32, "module");
  if (!r.failed() && !isCoreModule(module)) {
    out.error = E.BAD_GOVERNANCE_MODULE;
    return out;
  }
  const action = r.u8("action");
  if (!r.failed() && action != ACTION_GUARDIAN_SET_UPGRADE) {
    out.error = E.badGovernanceAction(action);
    return out;
  }
  out.targetChain = r.u16("target chain");
  out.newIndex = r.u32("new signer set index");
  const n = r.u8("number of addresses");
  for (let i: i32 = 0; i < <i32>n && !r.failed(); i++) {
    r.at("address ", i);
    out.addresses.push(r.bytes(ADDRESS_LEN, ""));
  }
  if (r.failed()) {
    out.error = r.error;
    return out;
  }
  if (r.remaining() > 0) out.error = E.governanceTrailingBytes(r.remaining());
  else if (n == 0) out.error = E.EMPTY_SIGNER_SET;
  return out;
}
