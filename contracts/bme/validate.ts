// Input checks shared by the handlers. Each returns an error message, or null when the input is fine.

import { addrValidate } from "../std";
import { invalidAddress } from "./error";

export function checkAddr(field: string, addr: string): string | null {
  const e = addrValidate(addr);
  return e === null ? null : invalidAddress(field, e);
}
