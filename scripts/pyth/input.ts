// Reading binary update data from the command line: hex, base64, or @file (raw bytes, text, or a fixture-style JSON
// object with a `hex`/`base64` field).
import { readFile } from "node:fs/promises";
import { PNAU_MAGIC } from "./wire.js";

export class InputError extends Error {
  override name = "InputError";
}

const HEX_RE = /^(?:0x)?(?:[0-9a-fA-F]{2})+$/;
const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL_RE = /^[A-Za-z0-9_-]+$/;

/**
 * Decodes hex (optional 0x) or base64 (standard or URL-safe). Hex wins when a string is both: a real PNAU in base64
 * starts with "UE5BVQ", which is not hex, so the ambiguity only arises for short hand-typed inputs.
 */
export function decodeBinaryText(text: string): Buffer {
  const s = text.trim();
  if (s === "") throw new InputError("empty data");
  if (HEX_RE.test(s)) return Buffer.from(s.replace(/^0x/, ""), "hex");
  const compact = s.replace(/\s+/g, "");
  if (BASE64_RE.test(compact)) return Buffer.from(compact, "base64");
  if (BASE64URL_RE.test(compact)) return Buffer.from(compact, "base64url");
  throw new InputError("data is neither hex nor base64");
}

function fromJsonObject(value: unknown, file: string): Buffer {
  if (typeof value === "object" && value !== null) {
    const o = value as Record<string, unknown>;
    if (typeof o.hex === "string") return decodeBinaryText(o.hex);
    if (typeof o.base64 === "string") return decodeBinaryText(o.base64);
    // Hermes' own response shape: {"binary": {"data": ["…"]}}
    const binary = o.binary as Record<string, unknown> | undefined;
    if (typeof binary === "object" && Array.isArray(binary.data) && typeof binary.data[0] === "string") {
      if (binary.data.length !== 1) throw new InputError(`${file}: binary.data holds ${binary.data.length} blobs`);
      return decodeBinaryText(binary.data[0]);
    }
  }
  throw new InputError(`${file}: JSON has no "hex", "base64" or "binary.data" field`);
}

/** Resolves a `--data` argument: a literal hex/base64 string or `@path`. */
export async function readBinaryArg(arg: string): Promise<Buffer> {
  if (!arg.startsWith("@")) return decodeBinaryText(arg);
  const file = arg.slice(1);
  if (file === "") throw new InputError("@ needs a file name");
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${(e as Error).message}`);
  }
  if (bytes.subarray(0, 4).equals(PNAU_MAGIC)) return bytes;
  const text = bytes.toString("utf8").trim();
  if (file.endsWith(".json") || text.startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new InputError(`${file}: invalid JSON: ${(e as Error).message}`);
    }
    return fromJsonObject(parsed, file);
  }
  try {
    return decodeBinaryText(text);
  } catch (e) {
    throw new InputError(`${file}: ${(e as Error).message}`);
  }
}
