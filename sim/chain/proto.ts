// The few protobuf message responses a submessage reply carries (msg_responses and the legacy `data`), encoded by
// hand: each is a message of optional length-delimited fields, and proto3 leaves empty fields out.

import { utf8 } from "./json.js";

function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

/** A message whose field i+1 is `fields[i]` (wire type 2). */
export function lengthDelimited(...fields: Uint8Array[]): Uint8Array {
  const out: number[] = [];
  fields.forEach((f, i) => {
    if (f.length === 0) return;
    out.push(((i + 1) << 3) | 2, ...varint(f.length), ...f);
  });
  return Uint8Array.from(out);
}

export const executeResponse = (data: Uint8Array): Uint8Array => lengthDelimited(data);
export const instantiateResponse = (address: string, data: Uint8Array): Uint8Array =>
  lengthDelimited(utf8(address), data);
export const migrateResponse = (data: Uint8Array): Uint8Array => lengthDelimited(data);
export const emptyResponse = (): Uint8Array => new Uint8Array();
