// Post-process step of docs/abi.md#packed-static-strings: AssemblyScript stores every string literal as UTF-16, so an
// ASCII literal (all our error texts, JSON keys, event and attribute names) spends half its bytes on zeros, plus the
// framing of one data segment per literal. This step moves the ASCII literals out of the segments into one blob of
// bytes, and adds a function that, before the module's own start code, writes each literal back where it was (its
// rtId/rtSize words as the header step left them, then its UTF-16 text) and zeroes the blob. After that call the
// memory is exactly what it was without the step; only the data section is smaller.
//
// Blob format, one entry per literal in address order: the distance of its header from the previous literal's header
// in 16-byte units (the first one from `base`), then its length in characters, each a 1- or 2-byte varint (7 low bits
// first; values below 32768), then its characters, one byte each.

import binaryen from "binaryen";
import { encodeSegment, readLeb, readSegments, writeLeb, type Segment } from "./static-headers.js";

const STRING_ID = 2;
const PAGE = 65536;
const VARINT_LIMIT = 1 << 15;

export interface PackedStrings {
  /** Address of the blob in the initial memory (16-byte aligned, after every static object). */
  at: number;
  /** Blob length in bytes. */
  length: number;
  /** Header address (payload − 8) the first entry's distance counts from. */
  base: number;
  /** Number of literals in the blob. */
  count: number;
  /** Whether the literals' rtId words are written back too (the header step kept type ids). */
  typeIds: boolean;
}

export interface PackStringsResult {
  wasm: Uint8Array;
  /** null when no literal qualified (the module is returned unchanged). */
  packed: PackedStrings | null;
}

function varint(n: number): number[] {
  return n < 128 ? [n] : [(n & 0x7f) | 0x80, n >> 7];
}

interface Section {
  id: number;
  start: number;
  body: number;
  end: number;
}

function sections(wasm: Uint8Array): Section[] {
  const out: Section[] = [];
  for (let at = 8; at < wasm.length;) {
    const [size, body] = readLeb(wasm, at + 1);
    out.push({ id: wasm[at]!, start: at, body, end: body + size });
    at = body + size;
  }
  return out;
}

/** The initial page count of the module's own memory (the memory section's first entry). */
function initialPages(wasm: Uint8Array, all: Section[]): number {
  const mem = all.find((s) => s.id === 5);
  if (mem === undefined) throw new Error("static-strings: the module defines no memory");
  const [, flagsAt] = readLeb(wasm, mem.body);
  const [, minAt] = readLeb(wasm, flagsAt);
  return readLeb(wasm, minAt)[0];
}

/**
 * Moves the ASCII literals among `strings` (payload addresses from `dropStaticHeaders`, each alone in a segment that
 * starts at rtSize, or at rtId when `typeIds`) into a blob segment placed after the static data. The caller must
 * make the module run `addStringWidening`'s function before anything reads memory.
 */
export function packStaticStrings(wasm: Uint8Array, strings: readonly number[], typeIds: boolean): PackStringsResult {
  const all = sections(wasm);
  const data = all.find((s) => s.id === 11);
  if (data === undefined || strings.length === 0) return { wasm, packed: null };
  const segments = readSegments(wasm.subarray(data.body, data.end));
  const byOffset = new Map<number, Segment>(segments.map((s) => [s.offset, s]));
  const lead = typeIds ? 8 : 4;

  const moved = new Set<Segment>();
  const blob: number[] = [];
  let end = segments.reduce((n, s) => Math.max(n, s.offset + s.data.length), 0);
  let base = -1;
  let prev = -1;
  for (const payload of strings) {
    const seg = byOffset.get(payload - lead);
    if (seg === undefined) continue;
    const words = new Uint8Array(lead + 4);
    words.set(seg.data.subarray(0, lead));
    const view = new DataView(words.buffer);
    const rtSize = view.getUint32(lead - 4, true);
    if (typeIds && view.getUint32(0, true) !== STRING_ID) continue;
    if (rtSize % 2 !== 0 || rtSize / 2 >= VARINT_LIMIT || seg.data.length > lead + rtSize) continue;
    // The text, with the zero bytes binaryen trimmed off the segment's end put back.
    const text = new Uint8Array(rtSize);
    text.set(seg.data.subarray(lead));
    const chars: number[] = [];
    for (let i = 0; i < rtSize; i += 2) {
      if (text[i]! >= 0x80 || text[i + 1] !== 0) break;
      chars.push(text[i]!);
    }
    if (chars.length !== rtSize / 2) continue;
    const header = payload - 8;
    if (base < 0) base = prev = header;
    const distance = (header - prev) / 16;
    if (!Number.isInteger(distance) || distance >= VARINT_LIMIT) continue;
    blob.push(...varint(distance), ...varint(chars.length), ...chars);
    prev = header;
    moved.add(seg);
    end = Math.max(end, payload + rtSize);
  }
  if (moved.size === 0) return { wasm, packed: null };

  const at = (end + 15) & ~15;
  const length = blob.length;
  // The widening zeroes whole 8-byte words.
  if (at + ((length + 7) & ~7) > initialPages(wasm, all) * PAGE)
    throw new Error("static-strings: the packed literals do not fit in the initial memory");
  const kept = segments.filter((s) => !moved.has(s));
  kept.push(encodeSegment(at, new Uint8Array(blob)));

  const content = writeLeb(kept.length);
  const payloadSize = kept.reduce((n, s) => n + s.encoded.length, content.length);
  const sectionHead = [11, ...writeLeb(payloadSize)];
  const out = new Uint8Array(data.start + sectionHead.length + payloadSize + (wasm.length - data.end));
  out.set(wasm.subarray(0, data.start), 0);
  let pos = data.start;
  out.set(sectionHead, pos);
  pos += sectionHead.length;
  out.set(content, pos);
  pos += content.length;
  for (const s of kept) {
    out.set(s.encoded, pos);
    pos += s.encoded.length;
  }
  out.set(wasm.subarray(data.end), pos);
  return { wasm: out, packed: { at, length, base, count: moved.size, typeIds } };
}

/**
 * Adds the function that writes the packed literals back (once per instance: a guard global) and returns its name.
 * Four characters at a time where it can (the 32-bit word of bytes spread to a 64-bit word of UTF-16 code units),
 * the last one to three one by one, so nothing past a literal's end is written. In AS terms, with `h` the header
 * address (payload − 8):
 *
 *     src = at; h = base
 *     do {
 *       h += varint() << 4; n = varint()
 *       [store<u32>(h, STRING_ID)]; store<u32>(h + 4, n << 1)
 *       for (q = h, end = src + (n & ~3); src < end; src += 4, q += 8) store<u64>(q + 8, spread(load<u32>(src)))
 *       for (end += n & 3; src < end; src++, q += 2) store<u16>(q + 8, load<u8>(src))
 *     } while (src < at + length)
 *     for (q = at; q < at + length; q += 8) store<u64>(q, 0)
 */
export function addStringWidening(mod: binaryen.Module, packed: PackedStrings, name = "~packed-strings"): string {
  const { i32, i64 } = binaryen;
  const [SRC, H, N, Q, END, HI, W] = [0, 1, 2, 3, 4, 5, 6];
  const get = (i: number): binaryen.ExpressionRef => mod.local.get(i, i === W ? i64 : i32);
  const set = (i: number, v: binaryen.ExpressionRef): binaryen.ExpressionRef => mod.local.set(i, v);
  const c = (n: number): binaryen.ExpressionRef => mod.i32.const(n);
  const inc = (i: number, by: number): binaryen.ExpressionRef => set(i, mod.i32.add(get(i), c(by)));
  const label = (l: string): string => `${name}/${l}`;
  const guard = label("done");
  const blobEnd = packed.at + packed.length;
  // Into `target`: one byte below 128, else the low 7 bits plus the next byte shifted by 7; src moves past it.
  // Branch-free (`hi` is the first byte's top bit): a branch costs the metering 14 operations, these 11 in all.
  const varintInto = (target: number): binaryen.ExpressionRef[] => [
    set(target, mod.i32.load8_u(0, 1, get(SRC))),
    set(HI, mod.i32.shr_u(get(target), c(7))),
    set(
      target,
      mod.i32.or(
        mod.i32.and(get(target), c(0x7f)),
        mod.i32.and(mod.i32.shl(mod.i32.load8_u(1, 1, get(SRC)), c(7)), mod.i32.sub(c(0), get(HI))),
      ),
    ),
    set(SRC, mod.i32.add(get(SRC), mod.i32.add(get(HI), c(1)))),
  ];
  // while (src < end) { body }, as `if` around a loop that tests at its end: one branch per round.
  const whileBelowEnd = (l: string, body: binaryen.ExpressionRef[]): binaryen.ExpressionRef =>
    mod.if(
      mod.i32.lt_u(get(SRC), get(END)),
      mod.loop(label(l), mod.block(null, [...body, mod.br(label(l), mod.i32.lt_u(get(SRC), get(END)))])),
    );
  // 0x000000000000dcba → 0x00d000c000b000a: each step moves the upper half of every lane up by half a lane.
  const spread = (shift: number, mask: bigint): binaryen.ExpressionRef =>
    set(W, mod.i64.and(mod.i64.or(get(W), mod.i64.shl(get(W), mod.i64.const(BigInt(shift)))), mod.i64.const(mask)));
  const entry = [
    ...varintInto(Q),
    set(H, mod.i32.add(get(H), mod.i32.shl(get(Q), c(4)))),
    ...varintInto(N),
    ...(packed.typeIds ? [mod.i32.store(0, 4, get(H), c(STRING_ID))] : []),
    mod.i32.store(4, 4, get(H), mod.i32.shl(get(N), c(1))),
    set(Q, get(H)),
    set(END, mod.i32.add(get(SRC), mod.i32.and(get(N), c(~3)))),
    whileBelowEnd("words", [
      set(W, mod.i64.extend_u(mod.i32.load(0, 1, get(SRC)))),
      spread(16, 0x0000ffff0000ffffn),
      spread(8, 0x00ff00ff00ff00ffn),
      mod.i64.store(8, 8, get(Q), get(W)),
      inc(SRC, 4),
      inc(Q, 8),
    ]),
    set(END, mod.i32.add(get(END), mod.i32.and(get(N), c(3)))),
    whileBelowEnd("chars", [mod.i32.store16(8, 2, get(Q), mod.i32.load8_u(0, 1, get(SRC))), inc(SRC, 1), inc(Q, 2)]),
  ];
  const body = mod.block(null, [
    mod.if(mod.global.get(guard, i32), mod.return()),
    mod.global.set(guard, c(1)),
    set(SRC, c(packed.at)),
    set(H, c(packed.base)),
    mod.loop(label("entry"), mod.block(null, [...entry, mod.br(label("entry"), mod.i32.lt_u(get(SRC), c(blobEnd)))])),
    set(Q, c(packed.at)),
    mod.loop(
      label("zero"),
      mod.block(null, [
        mod.i64.store(0, 8, get(Q), mod.i64.const(0n)),
        inc(Q, 8),
        mod.br(label("zero"), mod.i32.lt_u(get(Q), c(blobEnd))),
      ]),
    ),
  ]);
  mod.addGlobal(guard, i32, true, c(0));
  mod.addFunction(name, binaryen.none, binaryen.none, [i32, i32, i32, i32, i32, i32, i64], body);
  return name;
}
