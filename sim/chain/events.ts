// Contract attributes and events turned into SDK events exactly as wasmd's x/wasm/keeper/events.go does, including
// its validation texts.

import type { SdkEvent, Attribute } from "./bank.js";
import { Err } from "./errors.js";

export interface ContractEvent {
  type: string;
  attributes: Attribute[];
}

const CONTRACT_ADDR = "_contract_address";

// Go's strings.TrimSpace: Unicode White_Space. Differs from String.prototype.trim on U+0085 (trimmed here) and
// U+FEFF (kept here).
const GO_SPACE = "[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const GO_TRIM = new RegExp(`^${GO_SPACE}+|${GO_SPACE}+$`, "gu");

/** A code unit GO_SPACE matches. */
const isGoSpace = (c: number): boolean =>
  c === 0x20 ||
  (c >= 0x09 && c <= 0x0d) ||
  c === 0x85 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000;

export const goTrimSpace = (s: string): string =>
  s.length === 0 || (!isGoSpace(s.charCodeAt(0)) && !isGoSpace(s.charCodeAt(s.length - 1)))
    ? s
    : s.replace(GO_TRIM, "");

function contractAttributes(custom: readonly Attribute[], contract: string): Attribute[] {
  const attrs: Attribute[] = [{ key: CONTRACT_ADDR, value: contract }];
  for (const a of custom) {
    const key = goTrimSpace(a.key);
    if (key.length === 0) throw Err.invalidEvent.wrap(`Empty attribute key. Value: ${a.value}`);
    const value = goTrimSpace(a.value);
    if (key.startsWith("_")) throw Err.invalidEvent.wrap(`Attribute key starts with reserved prefix _: '${key}'`);
    attrs.push({ key, value });
  }
  return attrs;
}

/** The `wasm` event (only when the contract returned attributes) followed by `wasm-<type>` custom events. */
export function contractEvents(
  attributes: readonly Attribute[],
  events: readonly ContractEvent[],
  contract: string,
): SdkEvent[] {
  const out: SdkEvent[] = [];
  if (attributes.length !== 0) out.push({ type: "wasm", attributes: contractAttributes(attributes, contract) });
  for (const e of events) {
    const type = goTrimSpace(e.type);
    // wasmd: `len(type) <= 2` is rejected; len counts bytes.
    if (Buffer.byteLength(type, "utf8") <= 2) throw Err.invalidEvent.wrap(`Event type too short: '${type}'`);
    out.push({ type: `wasm-${type}`, attributes: contractAttributes(e.attributes, contract) });
  }
  return out;
}
