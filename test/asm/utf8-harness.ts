// Test-only entry: the std's UTF-8 codec (contracts/std/utf8.ts) over bytes or UTF-16 units JS puts in memory.
// Results come back as [u32 count][units or bytes] so JS sees exactly what the std produced.

import { decodeUtf8Lossy, decodeUtf8Strict, encodeUtf8 } from "../../contracts/std/utf8";
// Pulls the abort handler the build flags name (--use abort=contracts/std/abort/cwAbort) into the program.
export { cwAbort } from "../../contracts/std/abort";

export { alloc, reset } from "./io";

function units(s: string): usize {
  const n = <usize>s.length;
  const p = heap.alloc(4 + (n << 1));
  store<u32>(p, <u32>n);
  memory.copy(p + 4, changetype<usize>(s), n << 1);
  return p;
}

/** decodeUtf8Lossy of `len` bytes at `ptr`, as UTF-16 units. */
export function lossy(ptr: usize, len: usize): usize {
  return units(decodeUtf8Lossy(ptr, len));
}

/** decodeUtf8Strict of `len` bytes at `ptr` as UTF-16 units, or 0 when it refuses them. */
export function strict(ptr: usize, len: usize): usize {
  const s = decodeUtf8Strict(ptr, len);
  return s === null ? 0 : units(s);
}

/** encodeUtf8 of the string made of `n` UTF-16 units at `ptr`, as bytes. */
export function encode(ptr: usize, n: usize): usize {
  const s = changetype<string>(__new(n << 1, idof<String>()));
  memory.copy(changetype<usize>(s), ptr, n << 1);
  const b = encodeUtf8(s);
  const len = <usize>b.byteLength;
  const p = heap.alloc(4 + len);
  store<u32>(p, <u32>len);
  memory.copy(p + 4, changetype<usize>(b), len);
  return p;
}
