// Differential fuzz of the std's message reader (contracts/std/json, strict UTF-8 first) against a strict
// reference: `TextDecoder("utf-8", { fatal: true, ignoreBOM: true })` + `JSON.parse`, plus the std's documented
// serde_json-like differences (contracts/std/README.md, "Strictness"):
//   1. a key repeated in one object is rejected (JSON.parse keeps the last);
//   2. a string holding an unpaired surrogate (only possible through a `\u` escape) is rejected;
//   3. more than 128 nested arrays/objects are rejected (serde_json's recursion limit).
// For every input both must accept or both reject, and on acceptance the std must read the same tree (numbers are
// kept as raw text by the std: that text must denote the number JSON.parse read). Every std output, errors
// included, must itself be valid UTF-8.
// Runs JSON_FC_RUNS cases (default 100,000 locally, 20,000 under CI) with seed JSON_FC_SEED (fixed under CI).

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { breather } from "../helpers/breather.js";
import { AsmPanic, compileAsm, instantiateAsm } from "../helpers/asm.js";

const inCI = process.env.CI === "true" || process.env.CI === "1";
const CI_SEED = 914_208_377;
const SEED = Number(process.env.JSON_FC_SEED ?? (inCI ? CI_SEED : Date.now() % 2 ** 31));
const RUNS = Number(process.env.JSON_FC_RUNS ?? (inCI ? 20_000 : 100_000));
const MAX_DEPTH = 128;

type Tagged = null | boolean | string | Tagged[];

interface Reader {
  /** The std's outcome: the tagged tree, or the error text. */
  read(bytes: Uint8Array): { ok: true; tree: Tagged } | { ok: false; error: string };
  /** Reads and discards the tree; true on success. */
  parseOnly(bytes: Uint8Array): boolean;
}

const fatalDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

async function loadReader(): Promise<Reader> {
  const { exports, memory } = await instantiateAsm(await compileAsm("test/asm/json-harness.ts"));
  const alloc = exports.alloc as (len: number) => number;
  const reset = exports.reset as () => void;
  const parse = exports.parse as (ptr: number, len: number) => number;
  const parseOnly = exports.parseOnly as (ptr: number, len: number) => number;
  const put = (bytes: Uint8Array): number => {
    reset();
    const p = alloc(Math.max(bytes.length, 1));
    new Uint8Array(memory.buffer, p, bytes.length).set(bytes);
    return p;
  };
  return {
    read(bytes) {
      const p = put(bytes);
      let r: number;
      try {
        r = parse(p, bytes.length);
      } catch (e) {
        if (e instanceof AsmPanic) throw new Error(`reader panicked on ${hex(bytes)}: ${e.panicMessage}`);
        throw e;
      }
      const len = new DataView(memory.buffer).getUint32(r, true);
      // Throws on invalid UTF-8: the std's own output must always be valid.
      const text = fatalDecoder.decode(new Uint8Array(memory.buffer, r + 4, len));
      if (text.startsWith("E")) return { ok: false, error: text.slice(1) };
      return { ok: true, tree: JSON.parse(text.slice(1)) as Tagged };
    },
    parseOnly(bytes) {
      return parseOnly(put(bytes), bytes.length) === 1;
    },
  };
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

// ---------------------------------------------------------------------------------------------------------------
// The reference

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Difference 1: scans JSON text that JSON.parse accepted, for a key repeated within one object. */
function hasDuplicateKey(text: string): boolean {
  const stack: (Set<string> | null)[] = []; // a Set per open object, null per open array
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.has(key)) return true;
        top.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === "{") {
      stack.push(new Set());
      expectKey = true;
    } else if (c === "[") {
      stack.push(null);
    } else if (c === "}" || c === "]") {
      stack.pop();
    } else if (c === ",") {
      expectKey = stack[stack.length - 1] !== null && stack.length > 0;
    }
  }
  return false;
}

/** Difference 2 and 3: unpaired surrogates anywhere, nesting deeper than serde_json's limit. */
function breaksTreeRules(value: unknown): boolean {
  const todo: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  for (let t = todo.pop(); t !== undefined; t = todo.pop()) {
    const { v, depth } = t;
    if (typeof v === "string") {
      if (UNPAIRED_SURROGATE.test(v)) return true;
    } else if (Array.isArray(v)) {
      if (depth + 1 > MAX_DEPTH) return true;
      for (const x of v) todo.push({ v: x, depth: depth + 1 });
    } else if (v !== null && typeof v === "object") {
      if (depth + 1 > MAX_DEPTH) return true;
      for (const [k, x] of Object.entries(v)) {
        if (UNPAIRED_SURROGATE.test(k)) return true;
        todo.push({ v: x, depth: depth + 1 });
      }
    }
  }
  return false;
}

/** The reference's reading, or undefined when it rejects the bytes. */
function reference(bytes: Uint8Array): { value: unknown } | undefined {
  let text: string;
  let value: unknown;
  try {
    text = fatalDecoder.decode(bytes);
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (hasDuplicateKey(text) || breaksTreeRules(value)) return undefined;
  return { value };
}

/** Where the std's tree differs from the reference value, or null when they agree. */
function difference(tree: Tagged, value: unknown, path = "$"): string | null {
  if (tree === null || typeof tree === "boolean" || typeof tree === "string") {
    return Object.is(tree, value) ? null : `${path}: std ${JSON.stringify(tree)}, reference ${JSON.stringify(value)}`;
  }
  const [tag, ...rest] = tree;
  if (tag === "n") {
    const raw = rest[0] as string;
    return typeof value === "number" && Object.is(Number(raw), value)
      ? null
      : `${path}: std number ${raw}, reference ${String(value)}`;
  }
  if (tag === "a") {
    if (!Array.isArray(value) || value.length !== rest.length) return `${path}: array shape differs`;
    for (let i = 0; i < rest.length; i++) {
      const d = difference(rest[i] ?? null, value[i], `${path}[${String(i)}]`);
      if (d !== null) return d;
    }
    return null;
  }
  // Keys are unique in both (duplicates are rejected), so compare as maps; JSON.parse reorders integer-like keys.
  if (value === null || typeof value !== "object" || Array.isArray(value)) return `${path}: std object, reference not`;
  const ref = value as Record<string, unknown>;
  if (Object.keys(ref).length * 2 !== rest.length) return `${path}: key count differs`;
  for (let i = 0; i < rest.length; i += 2) {
    const key = rest[i] as string;
    if (!Object.hasOwn(ref, key)) return `${path}: std key ${JSON.stringify(key)} absent from reference`;
    const d = difference(rest[i + 1] ?? null, ref[key], `${path}.${key}`);
    if (d !== null) return d;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs

/** Byte sequences that strict UTF-8 rejects (or accepts at the edges), and JSON text that is easy to get wrong. */
const SPECIAL_BYTES: readonly number[][] = [
  [0xc0, 0xa2], // overlong '"'
  [0xc0, 0xae], // overlong '.'
  [0xc1, 0xbf],
  [0xe0, 0x80, 0xa2], // overlong 3-byte
  [0xe0, 0x9f, 0xbf],
  [0xf0, 0x80, 0x80, 0xa2], // overlong 4-byte
  [0xf0, 0x8f, 0xbf, 0xbf],
  [0xed, 0xa0, 0x80], // surrogate U+D800
  [0xed, 0xbf, 0xbf], // surrogate U+DFFF
  [0xed, 0x9f, 0xbf], // U+D7FF, valid
  [0xf4, 0x90, 0x80, 0x80], // U+110000
  [0xf4, 0x8f, 0xbf, 0xbf], // U+10FFFF, valid
  [0xf5, 0x80, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xff],
  [0xfe],
  [0x80], // stray continuation
  [0xbf, 0x80],
  [0xe2, 0x82], // truncated '€'
  [0xe2, 0x82, 0xac], // '€', valid
  [0xf0, 0x9f, 0x98], // truncated emoji
  [0xf0, 0x9f, 0x98, 0x80], // emoji, valid
  [0xc3, 0xa9], // 'é', valid
  [0xc2], // truncated
  [0xef, 0xbb, 0xbf], // BOM
  [0x22], // '"'
  [0x5c], // '\'
  [0x00],
  [0x1f],
  [0x7f],
  ...[
    "\\u0000",
    "\\ud800",
    "\\udc00",
    "\\ud83d\\ude00",
    "\\ud83d\\u0041",
    "\\uDBFF\\uDFFF",
    "\\u00e9",
    "\\u12",
    "\\x",
    "\\/",
    '\\"',
    "1e400",
    "-0",
    "18446744073709551616",
    "340282366920938463463374607431768211456",
    "0.0000000000000000000000001",
    "1E+2",
    "01",
    "1.",
    ".5",
    "-",
    "true",
    "nul",
    ",",
    ":",
    "{",
    "}",
    "[",
    "]",
    " ",
    "\t",
    "\n",
    "\r",
    "\f",
  ].map((s) => [...utf8(s)]),
];

/** Messages shaped like the contracts' (externally tagged enums, ids, amounts, coin lists). */
const MESSAGES = [
  '{"deposit":{"id":"acc-1","amount":"1000"}}',
  '{"create_account":{"id":"a/b:c","denoms":["uakt"],"sources":[{"grant":{"sponsor":"akash1x"}}]}}',
  '{"withdraw":{"id":"a","payment_id":"p9"}}',
  '"pause"',
  '{"update_price_feeds":{"data":["UE5BVQEAAAADuAEAAAAEDQ=="]}}',
  '{"config":{}}',
  '[1,-2,3.5e-7,0,{"a":null,"b":true,"c":false}]',
  '{"a":{"a":{"a":[[],{}]}},"é":"\\u00e9","€":"x"}',
];

const jsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...MESSAGES),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  // Full-range strings: astral characters, and lone surrogates that JSON.stringify writes as `\u` escapes.
  fc
    .dictionary(fc.string({ unit: "binary", maxLength: 6 }), fc.string({ unit: "binary", maxLength: 6 }), {
      maxKeys: 4,
    })
    .map((v) => JSON.stringify(v)),
  // Nesting around the limit.
  fc
    .tuple(fc.integer({ min: MAX_DEPTH - 3, max: MAX_DEPTH + 3 }), fc.boolean())
    .map(([n, obj]) => (obj ? '{"a":'.repeat(n - 1) + "{}" + "}".repeat(n - 1) : "[".repeat(n) + "]".repeat(n))),
  // Duplicate keys, possibly written differently (escapes), in small and large objects.
  fc
    .tuple(fc.constantFrom("id", "a", "é", ""), fc.constantFrom("", "\\u0069", "\\u0061"), fc.nat({ max: 20 }))
    .map(([key, alias, filler]) => {
      const others = Array.from({ length: filler }, (_, i) => `"k${String(i)}":${String(i)}`);
      const second = alias === "" ? JSON.stringify(key) : `"${alias}${key.slice(1)}"`;
      return `{${[JSON.stringify(key) + ":1", ...others, second + ":2"].join(",")}}`;
    }),
  // Big and odd numbers.
  fc
    .tuple(fc.bigInt({ min: -(2n ** 140n), max: 2n ** 140n }), fc.constantFrom("", ".5", "e10", "E-3", ".0e+1"))
    .map(([n, tail]) => `{"amount":${n.toString()}${tail}}`),
);

type Mutation =
  | { kind: "flip"; at: number; byte: number }
  | { kind: "insert"; at: number; bytes: number[] }
  | { kind: "delete"; at: number; count: number }
  | { kind: "truncate"; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    bytes: fc.oneof(fc.constantFrom(...SPECIAL_BYTES), fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 4 })),
  }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
);

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const b = [...bytes];
  const at = b.length === 0 ? 0 : m.at % (b.length + 1);
  if (m.kind === "flip" && at < b.length) b[at] = m.byte;
  else if (m.kind === "insert") b.splice(at, 0, ...m.bytes);
  else if (m.kind === "delete") b.splice(at, m.count);
  else if (m.kind === "truncate") b.length = at;
  return Uint8Array.from(b);
}

const input: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 48 }) },
  { weight: 1, arbitrary: jsonText.map(utf8) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(jsonText, fc.array(mutation, { minLength: 1, maxLength: 3 }))
      .map(([text, ms]) => ms.reduce(mutate, utf8(text))),
  },
);

// ---------------------------------------------------------------------------------------------------------------

describe("std JSON reader", () => {
  let reader: Reader;
  beforeAll(async () => {
    reader = await loadReader();
  }, 120_000);

  /** Accepted with this tree, or rejected with this error. */
  const accepted = (bytes: Uint8Array): Tagged => {
    const r = reader.read(bytes);
    if (!r.ok) throw new Error(`rejected: ${r.error}`);
    return r.tree;
  };
  const rejected = (bytes: Uint8Array): string => {
    const r = reader.read(bytes);
    if (r.ok) throw new Error(`accepted: ${JSON.stringify(r.tree)}`);
    return r.error;
  };
  const bytesOf = (...parts: (string | number[])[]): Uint8Array =>
    Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...utf8(p)] : p)));
  const PREFIX = "Error parsing into type ExecuteMsg: ";

  it(`agrees with TextDecoder(fatal) + JSON.parse on ${String(RUNS)} inputs (seed ${String(SEED)})`, async () => {
    const breathe = breather();
    await fc.assert(
      fc.asyncProperty(input, async (bytes) => {
        await breathe();
        const ref = reference(bytes);
        const std = reader.read(bytes);
        if (ref === undefined) {
          if (std.ok) throw new Error(`std accepted what the reference rejects: ${hex(bytes)}`);
          return;
        }
        if (!std.ok) throw new Error(`std rejected what the reference accepts: ${hex(bytes)}: ${std.error}`);
        const d = difference(std.tree, ref.value);
        if (d !== null) throw new Error(`${hex(bytes)}: ${d}`);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 600_000);

  it("rejects an overlong '\"' (C0 A2), which the unchecked decoder read as a closing quote", () => {
    // Lax decoding read this as {"k":"v"}; every client sees a garbled key and a syntax error.
    expect(rejected(bytesOf('{"k', [0xc0, 0xa2], ':"v"}'))).toBe(
      PREFIX + "invalid unicode code point at line 1 column 4",
    );
    expect(rejected(bytesOf('{"deposit":{"id":"a', [0xe0, 0x80, 0xa2], "}}"))).toMatch(/invalid unicode code point/);
  });

  it("does not let an invalid lead byte swallow the bytes after it", () => {
    // F8 claimed four continuation bytes: the unchecked decoder dropped `"}` and read what followed as the value.
    expect(rejected(bytesOf('{"a":"x', [0xf8], '","b":1}'))).toBe(
      PREFIX + "invalid unicode code point at line 1 column 8",
    );
    expect(rejected(bytesOf('["', [0xe2, 0x82], '"]'))).toBe(PREFIX + "invalid unicode code point at line 1 column 3");
  });

  it("rejects surrogates, stray continuations and code points above U+10FFFF; accepts the edges", () => {
    for (const bad of [[0xed, 0xa0, 0x80], [0x80], [0xf4, 0x90, 0x80, 0x80], [0xc1, 0xbf], [0xff]]) {
      expect(rejected(bytesOf('"', bad, '"'))).toMatch(
        /^Error parsing into type ExecuteMsg: invalid unicode code point/,
      );
    }
    for (const good of [
      [0xed, 0x9f, 0xbf],
      [0xf4, 0x8f, 0xbf, 0xbf],
      [0xee, 0x80, 0x80],
      [0xc2, 0x80],
    ]) {
      expect(accepted(bytesOf('"', good, '"'))).toBe(new TextDecoder().decode(Uint8Array.from(good)));
    }
  });

  it("never echoes invalid bytes into an error (the output stays valid UTF-8)", () => {
    // An unknown-variant or invalid-type error quotes the input; invalid bytes must be rejected before that.
    const error = rejected(bytesOf('{"', [0xff, 0xfe, 0xc0], '":1}'));
    expect(error).toBe(PREFIX + "invalid unicode code point at line 1 column 3");
    expect(error).not.toContain("\uFFFD");
    // A lone surrogate escape never becomes a string a later error could quote.
    expect(rejected(bytesOf('{"\\udc00":1}'))).toMatch(/lone leading surrogate in hex escape/);
  });

  it("reads a 419 KiB object with 40,000 distinct keys and still finds a duplicate at its very end", () => {
    // Duplicate detection goes through a hash index over the object's keys (json/reader.ts), linear in the key count;
    // before, a pairwise scan made this object cost seconds. Speed is not asserted here (no timed tests).
    const keys = Array.from({ length: 40_000 }, (_, i) => `"key${String(i).padStart(6, "0")}":0`);
    const object = utf8(`{${keys.join(",")}}`);
    expect(object.length).toBeGreaterThan(400 * 1024);
    expect(reader.parseOnly(object)).toBe(true);
    // A duplicate at the very end is still found.
    expect(rejected(utf8(`{${keys.join(",")},"key000123":1}`))).toMatch(/duplicate field `key000123`/);
  });
});
