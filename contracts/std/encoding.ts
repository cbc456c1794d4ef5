// Base64 (standard alphabet, as cosmwasm `Binary`), hex and UTF-8 helpers. Integer-only.

import { concatAll } from "./strings";
import { decodeUtf8Lossy, encodeUtf8 } from "./utf8";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function toBase64(data: Uint8Array): string {
  const n = data.length;
  const out = new Array<string>();
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = ((<u32>data[i]) << 16) | ((<u32>data[i + 1]) << 8) | (<u32>data[i + 2]);
    out.push(B64.charAt(<i32>((v >> 18) & 63)));
    out.push(B64.charAt(<i32>((v >> 12) & 63)));
    out.push(B64.charAt(<i32>((v >> 6) & 63)));
    out.push(B64.charAt(<i32>(v & 63)));
  }
  const rest = n - i;
  if (rest == 1) {
    const v = (<u32>data[i]) << 16;
    out.push(B64.charAt(<i32>((v >> 18) & 63)));
    out.push(B64.charAt(<i32>((v >> 12) & 63)));
    out.push("==");
  } else if (rest == 2) {
    const v = ((<u32>data[i]) << 16) | ((<u32>data[i + 1]) << 8);
    out.push(B64.charAt(<i32>((v >> 18) & 63)));
    out.push(B64.charAt(<i32>((v >> 12) & 63)));
    out.push(B64.charAt(<i32>((v >> 6) & 63)));
    out.push("=");
  }
  return concatAll(out);
}

function b64Value(c: i32): i32 {
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 71;
  if (c >= 48 && c <= 57) return c + 4;
  if (c == 43) return 62;
  if (c == 47) return 63;
  return -1;
}

/** Padding is optional, as cosmwasm 2.x's `Binary` (DecodePaddingMode::Indifferent); null on invalid input. */
export function fromBase64(s: string): Uint8Array | null {
  let n = s.length;
  while (n > 0 && s.charCodeAt(n - 1) == 61) n--;
  if (s.length - n > 2) return null;
  if (n % 4 == 1) return null;
  if (s.length != n && s.length % 4 != 0) return null;
  const outLen = (n * 3) >> 2;
  const out = new Uint8Array(outLen);
  let acc: u32 = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < n; i++) {
    const v = b64Value(s.charCodeAt(i));
    if (v < 0) return null;
    acc = (acc << 6) | (<u32>v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = <u8>((acc >> (<u32>bits)) & 0xff);
    }
  }
  // Non-canonical trailing bits ("QQ==" vs "QR==") are rejected by the Rust base64 crate as well.
  if (bits > 0 && (acc & (((<u32>1) << (<u32>bits)) - 1)) != 0) return null;
  return out;
}

const HEX = "0123456789abcdef";

export function toHex(data: Uint8Array): string {
  const out = new Array<string>();
  for (let i = 0; i < data.length; i++) {
    out.push(HEX.charAt(<i32>(data[i] >> 4)));
    out.push(HEX.charAt(<i32>(data[i] & 15)));
  }
  return concatAll(out);
}

function hexValue(c: i32): i32 {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Accepts an optional 0x prefix and either case; null on odd length or a non-hex digit. */
export function fromHex(s: string): Uint8Array | null {
  let start = 0;
  if (s.length >= 2 && s.charCodeAt(0) == 48 && (s.charCodeAt(1) == 120 || s.charCodeAt(1) == 88)) start = 2;
  const n = s.length - start;
  if (n % 2 != 0) return null;
  const out = new Uint8Array(n >> 1);
  for (let i = 0; i < n; i += 2) {
    const hi = hexValue(s.charCodeAt(start + i));
    const lo = hexValue(s.charCodeAt(start + i + 1));
    if (hi < 0 || lo < 0) return null;
    out[i >> 1] = <u8>((hi << 4) | lo);
  }
  return out;
}

export function utf8Encode(s: string): Uint8Array {
  return Uint8Array.wrap(encodeUtf8(s));
}

export function utf8Decode(b: Uint8Array): string {
  return decodeUtf8Lossy(b.dataStart, <usize>b.length);
}

/** UTF-8 byte length without encoding (what Regions and wasmd's limits count). */
export function utf8Length(s: string): i32 {
  return String.UTF8.byteLength(s);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): bool {
  if (a.length != b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] != b[i]) return false;
  return true;
}

export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
