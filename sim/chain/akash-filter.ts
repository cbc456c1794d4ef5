// Akash mainnet's outgoing-message filter (akash-network/node x/wasm/keeper/msg_filter.go;
// docs/embedded-chain.md#akash-profile): contracts may send bank coins (not to blocked addresses), call other
// contracts, and emit one `Any` type.

import { ChainError } from "./errors.js";
import { isMap, type JsonMap } from "./json.js";

export const AKASH_ALLOWED_ANY = "/akash.oracle.v2.MsgAddPriceEntry";

const refuse = (what: string): ChainError =>
  new ChainError(`Akash message filter: ${what} is not allowed on Akash`, "wasm", 17);

const variant = (v: unknown): string => (isMap(v as JsonMap) ? (Object.keys(v as JsonMap)[0] ?? "") : "");

/** Throws when Akash would refuse `msg`; `blocked` = addresses that may not receive coins. */
export function akashFilter(msg: JsonMap, blocked: ReadonlySet<string>): void {
  const kind = Object.keys(msg)[0] ?? "";
  const body = msg[kind];
  switch (kind) {
    case "bank": {
      const v = variant(body);
      if (v === "send") {
        const send = isMap(body ?? null) ? (body as JsonMap).send : undefined;
        const to = isMap(send ?? null) ? (send as JsonMap).to_address : undefined;
        if (typeof to === "string" && blocked.has(to)) throw refuse(`bank send to blocked address ${to}`);
        return;
      }
      throw refuse(`bank ${v}`);
    }
    case "wasm":
      return;
    case "any": {
      const typeUrl = isMap(body ?? null) ? (body as JsonMap).type_url : undefined;
      if (typeUrl === AKASH_ALLOWED_ANY) return;
      throw refuse(`any ${typeof typeUrl === "string" ? typeUrl : ""}`);
    }
    case "stargate": {
      const typeUrl = isMap(body ?? null) ? (body as JsonMap).type_url : undefined;
      throw refuse(`stargate ${typeof typeUrl === "string" ? typeUrl : ""}`);
    }
    case "custom":
      throw refuse("custom");
    default:
      throw refuse(`${kind} ${variant(body)}`.trim());
  }
}
