// Input checks shared by the handlers. Each returns an error message, or null when the input is fine.

import { addrValidate } from "../std";
import { invalidAddress, invalidId } from "./error";

/** Ids end up in storage keys and event attributes: keep them short and free of separators that need escaping. */
export function checkId(field: string, s: string): string | null {
  if (s.length == 0 || s.length > 128) return invalidId(field);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok =
      (c >= 48 && c <= 58) || // 0-9 and ':'
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c == 46 || // .
      c == 95 || // _
      c == 47 || // /
      c == 45; // -
    if (!ok) return invalidId(field);
  }
  return null;
}

export function checkAddr(field: string, addr: string): string | null {
  const e = addrValidate(addr);
  return e === null ? null : invalidAddress(field, e);
}
