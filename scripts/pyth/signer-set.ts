// Loading signer-set files: the oracle's `signer_sets` entry shape {index, addresses, quorum?, expires_at?}, and the
// long fixture shape (guardian_set_index / router_set_index + addresses + quorum) for convenience.
import { readFile } from "node:fs/promises";
import type { SignerSet } from "./verify.js";
import { normalizeHex } from "./wire.js";

export class SignerSetError extends Error {
  override name = "SignerSetError";
}

export function parseSignerSet(value: unknown, where = "signer set"): SignerSet {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new SignerSetError(`${where}: expected a JSON object`);
  }
  const o = value as Record<string, unknown>;
  const index = o.index ?? o.guardian_set_index ?? o.router_set_index;
  if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index > 0xffffffff) {
    throw new SignerSetError(`${where}: "index" must be a u32`);
  }
  if (!Array.isArray(o.addresses) || o.addresses.length === 0 || o.addresses.length > 255) {
    throw new SignerSetError(`${where}: "addresses" must be a non-empty array of at most 255 addresses`);
  }
  const addresses = o.addresses.map((a: unknown, i) => {
    if (typeof a !== "string") throw new SignerSetError(`${where}: address ${i} is not a string`);
    try {
      return normalizeHex(a, 20);
    } catch {
      throw new SignerSetError(`${where}: address ${i} is not 20 bytes of hex: ${JSON.stringify(a)}`);
    }
  });
  const set: SignerSet = { index, addresses };
  if (o.quorum !== undefined) {
    if (typeof o.quorum !== "number" || !Number.isInteger(o.quorum) || o.quorum < 1 || o.quorum > addresses.length) {
      throw new SignerSetError(`${where}: "quorum" must be an integer in 1..${addresses.length}`);
    }
    set.quorum = o.quorum;
  }
  if (o.expires_at !== undefined && o.expires_at !== null) {
    if (typeof o.expires_at !== "number" || !Number.isInteger(o.expires_at) || o.expires_at < 0) {
      throw new SignerSetError(`${where}: "expires_at" must be unix seconds`);
    }
    set.expires_at = o.expires_at;
  }
  return set;
}

export async function loadSignerSetFile(path: string): Promise<SignerSet> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new SignerSetError(`cannot read ${path}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SignerSetError(`${path}: invalid JSON: ${(e as Error).message}`);
  }
  return parseSignerSet(json, path);
}
