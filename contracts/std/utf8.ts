// Strict UTF-8 (RFC 3629), as serde_json requires of a message: no overlong forms, no surrogates, nothing above
// U+10FFFF, no truncated sequences, no stray continuation bytes. AssemblyScript's own decoder accepts all of these
// (`C0 A2` reads as `"`) and lets an invalid lead byte swallow the bytes after it, so a contract would read a
// message differently from every client that signed it.

import { concatAll, intStr } from "./strings";

/**
 * The length of the well-formed sequence starting at `ptr + i`, or minus the length of its maximal ill-formed
 * subpart (at least 1): the bytes a decoder replaces with one U+FFFD (the Unicode Standard's practice of
 * "U+FFFD substitution of maximal subparts").
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

/**
 * The text of `len` bytes already known to be well-formed UTF-8 (`invalidUtf8Offset` returned -1, or a run that
 * `sequenceAt` accepted). Smaller than `String.UTF8.decodeUnsafe`, which also has to survive malformed input.
 */
export function decodeUtf8WellFormed(ptr: usize, len: usize): string {
  const out = __new(len << 1, idof<String>()); // at most one UTF-16 unit per byte
  let o = out;
  const end = ptr + len;
  while (ptr < end) {
    let c = <u32>load<u8>(ptr++);
    if (c >= 0x80) {
      // Lead byte C2–DF, E0–EF or F0–F4: 1, 2 or 3 continuation bytes of 6 bits each.
      const k: u32 = c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;
      c &= 0x3f >> k;
      for (let j = k; j > 0; j--) c = (c << 6) | ((<u32>load<u8>(ptr++)) & 0x3f);
      if (c >= 0x10000) {
        c -= 0x10000;
        store<u16>(o, 0xd800 | (c >> 10));
        o += 2;
        c = 0xdc00 | (c & 0x3ff);
      }
    }
    store<u16>(o, c);
    o += 2;
  }
  return changetype<string>(__renew(out, o - out));
}

/** The text, or null if the bytes are not strict UTF-8. */
export function decodeUtf8Strict(ptr: usize, len: usize): string | null {
  if (invalidUtf8Offset(ptr, len) >= 0) return null;
  return decodeUtf8WellFormed(ptr, len);
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
    if (i > run) parts.push(decodeUtf8WellFormed(ptr + run, i - run));
    parts.push("\uFFFD");
    i += <usize>-n;
    run = i;
  }
  if (run == 0) return decodeUtf8WellFormed(ptr, len);
  if (run < len) parts.push(decodeUtf8WellFormed(ptr + run, len - run));
  return concatAll(parts);
}

/**
 * UTF-8 bytes of `s`, with any unpaired surrogate written as U+FFFD so the output is always valid UTF-8 (what
 * `String.UTF8.encode(s, false, REPLACE)` returns, in less code).
 */
export function encodeUtf8(s: string): ArrayBuffer {
  // byteLength counts an unpaired surrogate as 3 bytes, the length of U+FFFD.
  const buf = changetype<ArrayBuffer>(__new(<usize>String.UTF8.byteLength(s), idof<ArrayBuffer>()));
  let o = changetype<usize>(buf);
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let c = <u32>s.charCodeAt(i);
    if ((c & 0xf800) == 0xd800) {
      const d = i + 1 < n ? <u32>s.charCodeAt(i + 1) : 0;
      if (c < 0xdc00 && (d & 0xfc00) == 0xdc00) {
        c = 0x10000 + ((c & 0x3ff) << 10) + (d & 0x3ff);
        i++;
      } else c = 0xfffd;
    }
    if (c < 0x80) {
      store<u8>(o++, c);
      continue;
    }
    // k continuation bytes; the lead byte is C0, E0 or F0 plus the top bits.
    const k: u32 = c < 0x800 ? 1 : c < 0x10000 ? 2 : 3;
    store<u8>(o++, ((0xff00 >> (k + 1)) & 0xff) | (c >> (6 * k)));
    for (let j = k; j > 0; j--) store<u8>(o++, 0x80 | ((c >> (6 * (j - 1))) & 0x3f));
  }
  return buf;
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
  return "line " + intStr(line) + " column " + intStr(column);
}
