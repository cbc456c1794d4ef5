// Test-only entry: std's intStr (contracts/std/strings.ts) for each integer width, beside ~lib's toString.
// Results come back as [u32 units][UTF-16 units].

import { intStr } from "../../contracts/std/strings";
// Pulls the abort handler the build flags name (--use abort=contracts/std/abort/cwAbort) into the program.
export { cwAbort } from "../../contracts/std/abort";

export function reset(): void {
  heap.reset();
}

function out(s: string): usize {
  const n = <usize>s.length;
  const p = heap.alloc(4 + (n << 1));
  store<u32>(p, <u32>n);
  memory.copy(p + 4, changetype<usize>(s), n << 1);
  return p;
}

export function ofU64(n: u64): usize {
  return out(intStr(n));
}
export function ofI64(n: i64): usize {
  return out(intStr(n));
}
export function ofU32(n: u32): usize {
  return out(intStr(n));
}
export function ofI32(n: i32): usize {
  return out(intStr(n));
}
export function ofI8(n: i32): usize {
  return out(intStr(<i8>n));
}
export function ofU16(n: i32): usize {
  return out(intStr(<u16>n));
}
