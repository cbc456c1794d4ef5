// wasmd gives every instance at most 32 MiB of memory (contractMemoryLimit). cosmwasm-vm enforces it with wasmer
// tunables that set the memory's maximum, so `memory.grow` past the limit returns -1 instead of trapping. Here the
// module's memory section is rewritten before compiling to declare that maximum, which gives V8 the same behaviour.

export const MEMORY_LIMIT_PAGES = 512;

function readLeb(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    if (b === undefined) throw new Error("truncated LEB128");
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) return [value, at];
  }
}

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

interface Section {
  id: number;
  start: number;
  payloadStart: number;
  end: number;
}

/** The module's sections in order; undefined when a header or payload runs past the end. */
function listSections(wasm: Uint8Array): Section[] | undefined {
  const out: Section[] = [];
  let at = 8;
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at++]!;
    const [size, payloadStart] = readLeb(wasm, at);
    const end = payloadStart + size;
    if (end > wasm.length) return undefined;
    out.push({ id, start, payloadStart, end });
    at = end;
  }
  return out;
}

/**
 * Initial size and capped maximum of the single memory a memory section defines; undefined for several memories or a
 * kind the rewrites do not handle (shared or 64-bit memories are rejected at upload anyway).
 */
function memoryLimits(
  wasm: Uint8Array,
  section: Section,
  maxPages: number,
): { initial: number; maximum: number } | undefined {
  const [count, p] = readLeb(wasm, section.payloadStart);
  if (count !== 1) return undefined;
  const flags = wasm[p];
  if (flags !== 0 && flags !== 1) return undefined;
  const [initial, afterMin] = readLeb(wasm, p + 1);
  const maximum = flags === 1 ? Math.min(readLeb(wasm, afterMin)[0], maxPages) : maxPages;
  if (initial > maximum) throw new Error(`initial memory of ${initial} pages exceeds the limit of ${maximum} pages`);
  return { initial, maximum };
}

function concatBytes(parts: readonly (Uint8Array | number[])[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let o = 0;
  for (const part of parts) {
    out.set(part, o);
    o += part.length;
  }
  return out;
}

/** The module with its single defined memory capped at `maxPages`; unchanged when it defines no memory. */
export function capMemory(wasm: Uint8Array, maxPages = MEMORY_LIMIT_PAGES): Uint8Array {
  const memory = listSections(wasm)?.find((sec) => sec.id === 5);
  if (memory === undefined) return wasm;
  const limits = memoryLimits(wasm, memory, maxPages);
  if (limits === undefined) return wasm;
  const payload = [...leb(1), 1, ...leb(limits.initial), ...leb(limits.maximum)];
  return concatBytes([wasm.subarray(0, memory.start), [5, ...leb(payload.length)], payload, wasm.subarray(memory.end)]);
}

/** Where `importMemory` moves the module's memory: an import no contract can declare itself (upload allows `env`). */
export const MEMORY_IMPORT = { module: "akash-econ-sim", name: "memory" } as const;

export interface ImportedMemory {
  /** The module with its memory turned into the import `MEMORY_IMPORT`, capped at `maxPages`. */
  wasm: Uint8Array;
  /** What a fresh memory for one instance must declare: the module's initial size and the capped maximum. */
  initial: number;
  maximum: number;
}

function utf8Name(s: string): number[] {
  const bytes = [...Buffer.from(s, "utf8")];
  return [...leb(bytes.length), ...bytes];
}

/**
 * The module with its single defined memory replaced by an import of the same limits (maximum capped as `capMemory`
 * does), so that the caller can hand each instance a memory: a fresh one, or a recycled one reset to exactly the
 * state a fresh one has (same size, all zeros; the data segments are written by instantiation either way). Index 0
 * stays the memory's index, exports are untouched. undefined when the module defines no memory or several, or
 * declares a kind this rewrite does not handle: the caller then uses `capMemory`.
 */
export function importMemory(wasm: Uint8Array, maxPages = MEMORY_LIMIT_PAGES): ImportedMemory | undefined {
  const sections = listSections(wasm);
  if (sections === undefined) return undefined;
  const section = sections.find((sec) => sec.id === 5);
  if (section === undefined) return undefined;
  const limits = memoryLimits(wasm, section, maxPages);
  if (limits === undefined) return undefined;
  const memory = { start: section.start, end: section.end, ...limits };
  const imports = sections.find((sec) => sec.id === 2);
  /** Where a new import section goes when there is none: before the first section that must follow it. */
  const insertAt = sections.find((sec) => sec.id !== 0 && sec.id !== 1 && sec.id !== 2)?.start;
  const entry = [
    ...utf8Name(MEMORY_IMPORT.module),
    ...utf8Name(MEMORY_IMPORT.name),
    0x02,
    1,
    ...leb(memory.initial),
    ...leb(memory.maximum),
  ];
  const parts: (Uint8Array | number[])[] = [];
  if (imports === undefined) {
    const where = insertAt ?? memory.start;
    const payload = [...leb(1), ...entry];
    parts.push(wasm.subarray(0, where), [2, ...leb(payload.length)], payload);
    parts.push(wasm.subarray(where, memory.start), wasm.subarray(memory.end));
  } else {
    const [count, entriesStart] = readLeb(wasm, imports.payloadStart);
    const entries = wasm.subarray(entriesStart, imports.end);
    const head = leb(count + 1);
    parts.push(wasm.subarray(0, imports.start), [2, ...leb(head.length + entries.length + entry.length)], head);
    parts.push(entries, entry, wasm.subarray(imports.end, memory.start), wasm.subarray(memory.end));
  }
  return { wasm: concatBytes(parts), initial: memory.initial, maximum: memory.maximum };
}

function readSignedLeb32(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  let b: number;
  do {
    const x = bytes[at++];
    if (x === undefined || shift > 28) throw new Error("bad signed LEB128");
    b = x;
    value |= (b & 0x7f) << shift;
    shift += 7;
  } while ((b & 0x80) !== 0);
  if (shift < 32 && (b & 0x40) !== 0) value |= -1 << shift;
  return [value, at];
}

function signedLeb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/** Bytes of zeros a merged data segment may carry between two segments it joins. */
const MAX_MERGE_GAP = 64;

/**
 * The module with runs of nearby active data segments joined into one segment each, to the same memory image: V8
 * pays per segment at every instantiation (AssemblyScript emits hundreds). Only when every segment is active on
 * memory 0 at a constant offset and lies inside the initial memory (`memoryBytes`), so instantiation cannot fail on a
 * segment, and without a DataCount section (no `memory.init`/`data.drop` can name a segment). A run only spans bytes
 * no earlier run wrote, so the zeros it carries are what a fresh memory holds there. Unchanged otherwise.
 */
export function mergeDataSegments(wasm: Uint8Array, memoryBytes: number): Uint8Array {
  const sections = listSections(wasm);
  if (sections === undefined || sections.some((sec) => sec.id === 12)) return wasm;
  const data = sections.find((sec) => sec.id === 11);
  if (data === undefined) return wasm;
  const segments: { offset: number; bytes: Uint8Array }[] = [];
  try {
    const [count, first] = readLeb(wasm, data.payloadStart);
    let p = first;
    for (let i = 0; i < count; i++) {
      if (wasm[p++] !== 0 || wasm[p++] !== 0x41) return wasm; // active, memory 0, i32.const
      let offset: number;
      [offset, p] = readSignedLeb32(wasm, p);
      if (wasm[p++] !== 0x0b) return wasm;
      let length: number;
      [length, p] = readLeb(wasm, p);
      offset >>>= 0;
      if (offset + length > memoryBytes || p + length > data.end) return wasm;
      segments.push({ offset, bytes: wasm.subarray(p, p + length) });
      p += length;
    }
    if (p !== data.end) return wasm;
  } catch {
    return wasm;
  }
  type Run = { start: number; end: number; parts: { offset: number; bytes: Uint8Array }[] };
  const runs: Run[] = [];
  const overlapsEarlier = (lo: number, hi: number): boolean =>
    runs.some((r, i) => i < runs.length - 1 && r.start < hi && lo < r.end);
  for (const s of segments) {
    const run = runs[runs.length - 1];
    const end = s.offset + s.bytes.length;
    if (
      run !== undefined &&
      s.offset >= run.start &&
      s.offset <= run.end + MAX_MERGE_GAP &&
      !overlapsEarlier(run.end, Math.max(run.end, end))
    ) {
      run.parts.push(s);
      run.end = Math.max(run.end, end);
    } else {
      if (runs.length >= 256) return wasm;
      runs.push({ start: s.offset, end, parts: [s] });
    }
  }
  if (runs.length === segments.length) return wasm;
  const chunks: (Uint8Array | number[])[] = [leb(runs.length)];
  for (const r of runs) {
    const image = new Uint8Array(r.end - r.start);
    for (const s of r.parts) image.set(s.bytes, s.offset - r.start);
    chunks.push([0, 0x41, ...signedLeb(r.start | 0), 0x0b, ...leb(image.length)], image);
  }
  const payloadLength = chunks.reduce((n, c) => n + c.length, 0);
  return concatBytes([wasm.subarray(0, data.start), [11, ...leb(payloadLength)], ...chunks, wasm.subarray(data.end)]);
}

/**
 * The module exporting only the named exports (those it has): V8 builds a JS function object for every exported
 * function at each instantiation, and a call only reaches its entry point, `allocate`, `deallocate` and `memory`.
 * Exports are invisible to the module's own code. undefined when the export section cannot be read.
 */
export function keepExports(wasm: Uint8Array, keep: ReadonlySet<string>): Uint8Array | undefined {
  const exports = listSections(wasm)?.find((sec) => sec.id === 7);
  if (exports === undefined) return undefined;
  const kept: Uint8Array[] = [];
  try {
    let [count, p] = readLeb(wasm, exports.payloadStart);
    for (; count > 0; count--) {
      const entryStart = p;
      let length: number;
      [length, p] = readLeb(wasm, p);
      const name = Buffer.from(wasm.subarray(p, p + length)).toString("utf8");
      p += length + 1; // name, kind
      [, p] = readLeb(wasm, p); // index
      if (keep.has(name)) kept.push(wasm.subarray(entryStart, p));
    }
    if (p !== exports.end) return undefined;
  } catch {
    return undefined;
  }
  const payload = leb(kept.length);
  const head = [7, ...leb(kept.reduce((n, k) => n + k.length, payload.length))];
  return concatBytes([wasm.subarray(0, exports.start), head, payload, ...kept, wasm.subarray(exports.end)]);
}

/** The name `exportGlobals` gives global `index`: outside anything a contract can export (upload checks names). */
export const globalExportName = (index: number): string => `akash-econ-sim:global:${index}`;

/**
 * The module with an extra export for each of the given globals (named by `globalExportName`), so that the host can
 * read and reset them. Exports are invisible to the module's own code. undefined when the export section cannot be
 * read (a module without one gets one).
 */
export function exportGlobals(wasm: Uint8Array, indices: readonly number[]): Uint8Array | undefined {
  const sections = listSections(wasm);
  if (sections === undefined) return undefined;
  const count = indices.length;
  const added: number[] = [];
  for (const i of indices) added.push(...utf8Name(globalExportName(i)), 0x03, ...leb(i));
  const exports = sections.find((sec) => sec.id === 7);
  if (exports === undefined) {
    // Goes before the first section that must follow the export section (start, element, datacount, code, data).
    const insertAt = sections.find(
      (sec) => sec.id === 8 || sec.id === 9 || sec.id === 12 || sec.id === 10 || sec.id === 11,
    );
    const at = insertAt?.start ?? wasm.length;
    const payload = [...leb(count), ...added];
    return concatBytes([wasm.subarray(0, at), [7, ...leb(payload.length)], payload, wasm.subarray(at)]);
  }
  let existing: number;
  let p: number;
  try {
    [existing, p] = readLeb(wasm, exports.payloadStart);
  } catch {
    return undefined;
  }
  const payloadHead = leb(existing + count);
  const payloadLength = payloadHead.length + (exports.end - p) + added.length;
  return concatBytes([
    wasm.subarray(0, exports.start),
    [7, ...leb(payloadLength)],
    payloadHead,
    wasm.subarray(p, exports.end),
    added,
    wasm.subarray(exports.end),
  ]);
}
