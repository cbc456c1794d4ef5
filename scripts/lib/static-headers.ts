// Post-process step of docs/abi.md#static-object-headers: drop the allocator word (`mmInfo`) of static objects from
// the data section. Under the stub runtime that word is read only by __realloc/__free (through __renew, heap.realloc,
// heap.free), and no code reallocates or frees a static object, with one exception kept here: the buffer of a
// module-level array literal, which AS makes a static Array whose `push` reallocates that buffer. Strings are
// immutable (the std and ~lib only renew strings they have just allocated); other static buffers are only copied
// from (`__newArray`); static Array headers, StaticArrays and function objects never change size. Without the word,
// the zeros in front of an object's type id merge with the gap before it, and the data section needs one segment
// per object instead of two (about 7 bytes per object).

/** AssemblyScript's fixed class ids of `ArrayBuffer` and `String`. */
const ARRAYBUFFER_ID = 1;
const STRING_ID = 2;
/** 32-bit AS layout: BLOCK { mmInfo } then OBJECT { gcInfo, gcInfo2, rtId, rtSize }, payload 16-byte aligned. */
const BLOCK_OVERHEAD = 4;
const TOTAL_OVERHEAD = 20;
const RTID_OFFSET = 12;

export function readLeb(b: Uint8Array, pos: number): [number, number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = b[pos++];
    if (byte === undefined) throw new Error("static-headers: truncated LEB128");
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) return [result, pos];
  }
}

export function writeLeb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** mmInfo the compiler writes for an object of `rtSize` payload bytes (AS program.computeBlockSize, managed). */
function blockSize(rtSize: number): number {
  const size = (((rtSize + 16 + BLOCK_OVERHEAD + 15) & ~15) >>> 0) - BLOCK_OVERHEAD;
  return Math.max(size, 28);
}

export interface Segment {
  /** The whole encoded segment (flags, offset expression, length, bytes). */
  encoded: Uint8Array;
  /** The `i32.const` offset. */
  offset: number;
  data: Uint8Array;
}

export function readSegments(section: Uint8Array): Segment[] {
  const [count, first] = readLeb(section, 0);
  const segments: Segment[] = [];
  let pos = first;
  for (let i = 0; i < count; i++) {
    const start = pos;
    let flags: number;
    [flags, pos] = readLeb(section, pos);
    // AS emits active segments of memory 0 at `i32.const <offset>; end` (bulk memory, hence passive segments, is
    // disabled); the offset is a signed LEB128, non-negative here since AS places data from 1024 up.
    if (flags !== 0 || section[pos] !== 0x41)
      throw new Error(`static-headers: unexpected data segment (flags ${flags})`);
    const [offset, next] = readLeb(section, pos + 1);
    if (section[next] !== 0x0b || (section[next - 1]! & 0x40) !== 0)
      throw new Error("static-headers: unexpected data segment offset");
    const [len, at] = readLeb(section, next + 1);
    const data = section.subarray(at, at + len);
    pos = at + len;
    segments.push({ encoded: section.subarray(start, pos), offset, data });
  }
  if (pos !== section.length) throw new Error("static-headers: trailing bytes in the data section");
  return segments;
}

/** The initial memory the segments describe (zeros elsewhere), up to the end of the last one. */
function memoryImage(segments: Segment[]): DataView {
  const size = segments.reduce((n, s) => Math.max(n, s.offset + s.data.length), 0);
  const mem = new Uint8Array(size + 8);
  for (const s of segments) mem.set(s.data, s.offset);
  return new DataView(mem.buffer);
}

/**
 * True when `header` holds exactly the mmInfo word of a static object whose type id and size start `body`: the
 * header sits 20 bytes before a 16-byte aligned payload, the body starts 12 bytes after it, and mmInfo equals the
 * block size the compiler derives from rtSize. Anything else (raw `memory.data`, RTTI, a header merged into a
 * neighbour) is left alone, and so is an ArrayBuffer whose address some static object holds (an array's buffer).
 */
function isDroppableHeader(header: Segment, body: Segment, mem: DataView, pointers: Set<number>): boolean {
  if (header.data.length === 0 || header.data.length > 4) return false;
  if ((header.offset + TOTAL_OVERHEAD) % 16 !== 0) return false;
  if (body.offset !== header.offset + RTID_OFFSET) return false;
  const rtId = mem.getUint32(body.offset, true);
  const rtSize = mem.getUint32(body.offset + 4, true);
  if (mem.getUint32(header.offset, true) !== blockSize(rtSize)) return false;
  if (rtId === STRING_ID) return rtSize % 2 === 0;
  return !(rtId === ARRAYBUFFER_ID && pointers.has(header.offset + TOTAL_OVERHEAD));
}

export interface StaticHeadersResult {
  wasm: Uint8Array;
  /** Number of headers dropped. */
  dropped: number;
  /** Number of static strings and buffers whose type id word was dropped (0 when the code reads type ids). */
  typeIds: number;
  /**
   * Payload addresses of the static strings now alone in their segment (which starts at `rtSize`, or at `rtId` when
   * type ids are kept), in address order: what `packStaticStrings` may move out of the segments.
   */
  strings: number[];
  /** Whether the type id words were kept (`readsTypeIds`). */
  keptTypeIds: boolean;
}

/**
 * Whether the code section may read an object's type id: a load at `ptr - 8` (rtId, 12 bytes into the 20-byte
 * header), in the shapes asc and binaryen emit it (`i32.load (i32.sub p (i32.const 8))`,
 * `i32.load offset=12 (i32.sub p (i32.const 20))`, `i32.load (i32.add p (i32.const -8))`). Only dynamic
 * `instanceof` and checked downcasts do that under the stub runtime; a conservative byte scan, false positives
 * only keep the type ids.
 */
export function readsTypeIds(code: Uint8Array): boolean {
  const patterns = [
    [0x41, 0x08, 0x6b, 0x28, 0x02, 0x00],
    [0x41, 0x14, 0x6b, 0x28, 0x02, 0x0c],
    [0x41, 0x78, 0x6a, 0x28, 0x02, 0x00],
  ];
  for (let i = 0; i < code.length; i++) {
    for (const pat of patterns) {
      let j = 0;
      while (j < pat.length && code[i + j] === pat[j]) j++;
      if (j === pat.length) return true;
    }
  }
  return false;
}

export function encodeSegment(offset: number, data: Uint8Array): Segment {
  // Signed LEB128 of a non-negative offset: add a 0 byte when the top bit of the last group is set.
  const off = writeLeb(offset);
  if ((off[off.length - 1]! & 0x40) !== 0) {
    off[off.length - 1]! |= 0x80;
    off.push(0);
  }
  const head = [0, 0x41, ...off, 0x0b, ...writeLeb(data.length)];
  const encoded = new Uint8Array(head.length + data.length);
  encoded.set(head, 0);
  encoded.set(data, head.length);
  return { encoded, offset, data };
}

/**
 * A segment holding exactly one static String or ArrayBuffer from its type id on (the 16-byte aligned payload 8
 * bytes after the segment start, the rest the payload). Both classes are final, so only a type-id read could tell
 * the word is gone, and `readsTypeIds` rules that out.
 */
function startsAtFinalTypeId(s: Segment): boolean {
  if (s.data.length < 9 || (s.offset + 8) % 16 !== 0) return false;
  const v = new DataView(s.data.buffer, s.data.byteOffset, s.data.byteLength);
  const rtId = v.getUint32(0, true);
  if (rtId !== STRING_ID && rtId !== ARRAYBUFFER_ID) return false;
  return s.data.length <= 8 + v.getUint32(4, true);
}

/** Rewrites the data section of `wasm` without the droppable mmInfo segments; other sections are copied. */
export function dropStaticHeaders(wasm: Uint8Array): StaticHeadersResult {
  const parts: Uint8Array[] = [wasm.subarray(0, 8)];
  let pos = 8;
  let dropped = 0;
  let typeIds = 0;
  const strings: number[] = [];
  let code: Uint8Array | null = null;
  for (let at = 8; at < wasm.length;) {
    const [size, body] = readLeb(wasm, at + 1);
    if (wasm[at] === 10) code = wasm.subarray(body, body + size);
    at = body + size;
  }
  const keepTypeIds = code === null || readsTypeIds(code);
  while (pos < wasm.length) {
    const id = wasm[pos]!;
    const [size, body] = readLeb(wasm, pos + 1);
    const end = body + size;
    if (id !== 11) {
      parts.push(wasm.subarray(pos, end));
      pos = end;
      continue;
    }
    const segments = readSegments(wasm.subarray(body, end));
    const mem = memoryImage(segments);
    // Every aligned word of static data: the addresses static objects hold.
    const pointers = new Set<number>();
    for (let at = 0; at + 4 <= mem.byteLength; at += 4) pointers.add(mem.getUint32(at, true));
    const kept: Segment[] = [];
    let headerDropped = false;
    for (let i = 0; i < segments.length; i++) {
      const next = segments[i + 1];
      if (next !== undefined && isDroppableHeader(segments[i]!, next, mem, pointers)) {
        dropped++;
        headerDropped = true;
        continue;
      }
      const seg = segments[i]!;
      // A string whose header segment was just dropped and whose segment holds nothing after its payload.
      if (headerDropped && startsAtFinalTypeId(seg) && mem.getUint32(seg.offset, true) === STRING_ID) {
        strings.push(seg.offset + 8);
      }
      headerDropped = false;
      if (!keepTypeIds && startsAtFinalTypeId(seg)) {
        // The type id word becomes zeros and joins the gap: the segment starts at rtSize.
        kept.push(encodeSegment(seg.offset + 4, seg.data.subarray(4)));
        typeIds++;
        continue;
      }
      kept.push(seg);
    }
    const content = [...writeLeb(kept.length)];
    const payload = kept.reduce((n, s) => n + s.encoded.length, content.length);
    const header = [11, ...writeLeb(payload)];
    const out = new Uint8Array(header.length + payload);
    out.set(header, 0);
    out.set(content, header.length);
    let at = header.length + content.length;
    for (const s of kept) {
      out.set(s.encoded, at);
      at += s.encoded.length;
    }
    parts.push(out);
    pos = end;
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const result = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    result.set(p, at);
    at += p.length;
  }
  return { wasm: result, dropped, typeIds, strings, keptTypeIds: keepTypeIds };
}
