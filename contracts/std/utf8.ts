// Strict UTF-8 (RFC 3629), as serde_json requires of a message: no overlong forms, no surrogates, nothing above
// U+10FFFF, no truncated sequences, no stray continuation bytes. AssemblyScript's own decoder accepts all of these
// (`C0 A2` reads as `"`) and lets an invalid lead byte swallow the bytes after it, so a contract would read a
// message differently from every client that signed it.

import { concatAll } from "./strings";

/**
 * The length of the well-formed sequence starting at `ptr + i`, or minus the length of its maximal ill-formed
 * subpart (at least 1): the bytes a decoder replaces with one U+FFFD (Unicode 15, §3.9 "U+FFFD substitution").
 */
function sequenceAt(ptr: usize, i: usize, end: usize): i32 {
  const lead = <u32>load<u8>(ptr + i);
  if (lead < 0x80) return 1;
  let tail = 0;
  // The first continuation byte's range excludes overlong forms (E0, F0), surrogates (ED) and > U+10FFFF (F4).
  let low: u32 = 0x80;
  let high: u32 = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) tail = 1;
  else if (lead == 0xe0) {
    tail = 2;
    low = 0xa0;
  } else if (lead == 0xed) {
    tail = 2;
    high = 0x9f;
  } else if (lead >= 0xe1 && lead <= 0xef) tail = 2;
  else if (lead == 0xf0) {
    tail = 3;
    low = 0x90;
  } else if (lead == 0xf4) {
    tail = 3;
    high = 0x8f;
  } else if (lead >= 0xf1 && lead <= 0xf3) tail = 3;
  else return -1; // 80–C1 (continuation or overlong lead), F5–FF
  for (let k = 1; k <= tail; k++) {
    if (i + <usize>k >= end) return -k;
    const b = <u32>load<u8>(ptr + i + <usize>k);
    if (b < low || b > high) return -k;
    low = 0x80;
    high = 0xbf;
  }
  return tail + 1;
}

/** Offset of the first byte that is not part of a well-formed sequence, or -1 when all `len` bytes are UTF-8. */
export function invalidUtf8Offset(ptr: usize, len: usize): isize {
  const end = ptr + len;
  let p = ptr;
  while (p < end) {
    // ASCII fast path: most of a message.
    if (load<u8>(p) < 0x80) {
      p++;
      continue;
    }
    const n = sequenceAt(p, 0, end - p);
    if (n < 0) return <isize>(p - ptr);
    p += <usize>n;
  }
  return -1;
}

/** The text, or null if the bytes are not strict UTF-8. */
export function decodeUtf8Strict(ptr: usize, len: usize): string | null {
  if (invalidUtf8Offset(ptr, len) >= 0) return null;
  return String.UTF8.decodeUnsafe(ptr, len);
}

/** Decodes with each maximal ill-formed subpart replaced by U+FFFD, like Rust's `String::from_utf8_lossy`. */
export function decodeUtf8Lossy(ptr: usize, len: usize): string {
  const parts = new Array<string>();
  let run: usize = 0;
  let i: usize = 0;
  while (i < len) {
    const n = sequenceAt(ptr, i, len);
    if (n > 0) {
      i += <usize>n;
      continue;
    }
    if (i > run) parts.push(String.UTF8.decodeUnsafe(ptr + run, i - run));
    parts.push("\uFFFD");
    i += <usize>-n;
    run = i;
  }
  if (run == 0) return String.UTF8.decodeUnsafe(ptr, len);
  if (run < len) parts.push(String.UTF8.decodeUnsafe(ptr + run, len - run));
  return concatAll(parts);
}

/** UTF-8 bytes of `s`, with any unpaired surrogate written as U+FFFD so the output is always valid UTF-8. */
export function encodeUtf8(s: string): ArrayBuffer {
  return String.UTF8.encode(s, false, String.UTF8.ErrorMode.REPLACE);
}

/**
 * serde_json's position of the byte at `offset`: 1-based line, and the column counted as the std's reader counts
 * it (UTF-16 units of the line up to and including that byte).
 */
export function utf8Position(ptr: usize, len: usize, offset: usize): string {
  let line = 1;
  let column = 0;
  for (let i: usize = 0; i <= offset && i < len; i++) {
    const b = load<u8>(ptr + i);
    if (b == 10) {
      line++;
      column = 0;
    } else if (i == offset || b < 0x80 || b >= 0xc0) {
      // One unit per character start (a 4-byte sequence is two UTF-16 units), and one for the offending byte.
      column += i != offset && b >= 0xf0 ? 2 : 1;
    }
  }
  return "line " + line.toString() + " column " + column.toString();
}
