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

function readLeb(b: Uint8Array, pos: number): [number, number] {
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

function writeLeb(n: number): number[] {
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

interface Segment {
  /** The whole encoded segment (flags, offset expression, length, bytes). */
  encoded: Uint8Array;
  /** The `i32.const` offset. */
  offset: number;
  data: Uint8Array;
}

function readSegments(section: Uint8Array): Segment[] {
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
}

/** Rewrites the data section of `wasm` without the droppable mmInfo segments; other sections are copied. */
export function dropStaticHeaders(wasm: Uint8Array): StaticHeadersResult {
  const parts: Uint8Array[] = [wasm.subarray(0, 8)];
  let pos = 8;
  let dropped = 0;
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
    for (let i = 0; i < segments.length; i++) {
      const next = segments[i + 1];
      if (next !== undefined && isDroppableHeader(segments[i]!, next, mem, pointers)) {
        dropped++;
        continue;
      }
      kept.push(segments[i]!);
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
  return { wasm: result, dropped };
}
