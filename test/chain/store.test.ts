// The store against a plain reference model: random writes and deletes in a root and nested child layers, random
// scans (bounds, direction), commits and drops. Contract keys are raw bytes and must come back in byte order, as IAVL
// iterates them, including 0x00, 0xff and non-ASCII UTF-8.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Layer } from "../../sim/chain/store.js";
import { World } from "../../sim/chain/world.js";

type Model = Map<string, number>;

const sortedEntries = (m: Model, from: string, to: string | undefined, reverse: boolean): [string, number][] => {
  const out = [...m.entries()]
    .filter(([k]) => k >= from && (to === undefined || k < to))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return reverse ? out.reverse() : out;
};

// A small alphabet so that random keys collide, share prefixes and land on scan bounds.
const key = fc.string({ unit: fc.constantFrom("a", "b", "/", "0", "z"), maxLength: 4 });
// Writes and point reads, checked the same way in both properties below.
const keyOps = [
  fc.record({ kind: fc.constant("set" as const), key, value: fc.integer() }),
  fc.record({ kind: fc.constant("delete" as const), key }),
  fc.record({ kind: fc.constant("get" as const), key }),
] as const;
type KeyOp = { kind: "set"; key: string; value: number } | { kind: "delete" | "get"; key: string };

function applyKeyOp(layer: Layer<number>, model: Model, o: KeyOp): void {
  if (o.kind === "set") {
    layer.set(o.key, o.value);
    model.set(o.key, o.value);
  } else if (o.kind === "delete") {
    layer.delete(o.key);
    model.delete(o.key);
  } else expect(layer.get(o.key)).toBe(model.get(o.key));
}

const op = fc.oneof(
  ...keyOps,
  fc.record({
    kind: fc.constant("scan" as const),
    from: key,
    to: fc.option(key, { nil: undefined }),
    reverse: fc.boolean(),
  }),
  fc.constant({ kind: "push" as const }),
  fc.constant({ kind: "commit" as const }),
  fc.constant({ kind: "drop" as const }),
);

describe("layered store", () => {
  it("matches a map model under nested layers, commits, drops and scans in both directions", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const layers = [Layer.root<number>()];
        const models: Model[] = [new Map<string, number>()];
        for (const o of ops) {
          const layer = layers.at(-1);
          const model = models.at(-1);
          switch (o.kind) {
            case "set":
            case "delete":
            case "get":
              applyKeyOp(layer, model, o);
              break;
            case "scan":
              expect([...layer.scan(o)]).toEqual(sortedEntries(model, o.from, o.to, o.reverse));
              break;
            case "push":
              layers.push(layer.child());
              models.push(new Map(model));
              break;
            case "commit":
              if (layers.length > 1) {
                layers.pop()!.commit();
                models.pop();
                models[models.length - 1] = model;
              }
              break;
            case "drop":
              if (layers.length > 1) {
                layers.pop();
                models.pop();
              }
              break;
          }
        }
        for (let i = 0; i < layers.length; i++) {
          expect(layers[i]!.entries("")).toEqual(sortedEntries(models[i]!, "", undefined, false));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("scans the view at the time the scan started: later writes and deletes are not seen", () => {
    const root = Layer.root<number>();
    root.set("a", 1);
    root.set("c", 3);
    const tx = root.child();
    tx.set("b", 2);
    const scan = tx.scan({ from: "", to: undefined });
    tx.delete("c");
    tx.set("d", 4);
    const rootScan = root.scan({ from: "", to: undefined });
    tx.commit();
    expect([...scan]).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
    expect([...rootScan]).toEqual([
      ["a", 1],
      ["c", 3],
    ]);
    expect(root.entries("")).toEqual([
      ["a", 1],
      ["b", 2],
      ["d", 4],
    ]);
  });

  it("keeps a snapshot frozen while the root and chains restored from it write on", () => {
    const root = Layer.root<number>();
    for (let i = 0; i < 1000; i++) root.set(`k${String(i).padStart(4, "0")}`, i);
    const snap = root.snapshot();
    const a = Layer.root(snap);
    const b = Layer.root(snap);
    root.delete("k0000");
    a.set("k0000", -1);
    b.set("new", 7);
    expect(snap.size).toBe(1000);
    expect(snap.get("k0000")).toBe(0);
    expect(root.get("k0000")).toBeUndefined();
    expect(a.get("k0000")).toBe(-1);
    expect(b.get("k0000")).toBe(0);
    expect(a.get("new")).toBeUndefined();
    expect(Layer.root(snap).entries("").length).toBe(1000);
  });
});

describe("root index and in-place rewrites", () => {
  it("a rewrite in place never reaches a snapshot, a root restored from it, or that root's own snapshots", () => {
    const root = Layer.root<number>();
    root.set("k", 1);
    root.set("k", 2); // in place: nobody else sees the entry yet
    const s1 = root.snapshot();
    root.set("k", 3);
    root.set("k", 4);
    expect(s1.get("k")).toBe(2);
    const restored = Layer.root(s1);
    expect(restored.get("k")).toBe(2);
    restored.set("k", 5);
    restored.set("k", 6);
    const s2 = restored.snapshot();
    restored.set("k", 7);
    expect([s1.get("k"), s2.get("k"), root.get("k"), restored.get("k")]).toEqual([2, 6, 4, 7]);
    restored.delete("k");
    expect([s1.get("k"), s2.get("k"), restored.get("k"), Layer.root(s2).get("k")]).toEqual([2, 6, undefined, 6]);
  });

  it("an open scan of the root keeps its values while a tx commits rewrites and deletes into the root", () => {
    const root = Layer.root<number>();
    for (const k of ["a", "b", "c", "d"]) root.set(k, 1);
    const scan = root.scan({ from: "", to: undefined });
    expect(scan.next().value).toEqual(["a", 1]);
    const tx = root.child();
    tx.set("b", 2);
    tx.delete("c");
    tx.set("e", 2);
    tx.commit();
    root.set("d", 2);
    expect([...scan]).toEqual([
      ["b", 1],
      ["c", 1],
      ["d", 1],
    ]);
    expect(root.entries("")).toEqual([
      ["a", 1],
      ["b", 2],
      ["d", 2],
      ["e", 2],
    ]);
  });

  it("matches a map model under rewrites, deletes, snapshots, restores and scans left open", () => {
    const rootOp = fc.oneof(
      ...keyOps,
      fc.constant({ kind: "snapshot" as const }),
      fc.record({ kind: fc.constant("restore" as const), which: fc.nat() }),
      fc.record({ kind: fc.constant("open" as const), from: key }),
      fc.record({ kind: fc.constant("tx" as const), key, value: fc.integer() }),
    );
    fc.assert(
      fc.property(fc.array(rootOp, { maxLength: 60 }), (ops) => {
        let root = Layer.root<number>();
        let model: Model = new Map();
        const snaps: { snap: ReturnType<Layer<number>["snapshot"]>; model: Model }[] = [];
        // Scans read one entry now and the rest at the end: they must see the state of their start.
        const open: {
          scan: IterableIterator<[string, number]>;
          first: [string, number][];
          want: [string, number][];
        }[] = [];
        for (const o of ops) {
          switch (o.kind) {
            case "set":
            case "delete":
            case "get":
              applyKeyOp(root, model, o);
              break;
            case "snapshot":
              snaps.push({ snap: root.snapshot(), model: new Map(model) });
              break;
            case "restore": {
              const s = snaps[o.which % Math.max(snaps.length, 1)];
              if (s === undefined) break;
              root = Layer.root(s.snap);
              model = new Map(s.model);
              break;
            }
            case "open": {
              const scan = root.scan({ from: o.from, to: undefined });
              const r = scan.next();
              open.push({
                scan,
                first: r.done === true ? [] : [r.value],
                want: sortedEntries(model, o.from, undefined, false),
              });
              break;
            }
            case "tx": {
              const tx = root.child();
              tx.set(o.key, o.value);
              tx.commit();
              model.set(o.key, o.value);
              break;
            }
          }
        }
        for (const { snap, model: m } of snaps) {
          expect([...snap.keys()].map((k) => [k, snap.get(k)])).toEqual(sortedEntries(m, "", undefined, false));
        }
        for (const o of open) expect([...o.first, ...o.scan]).toEqual(o.want);
        expect(root.entries("")).toEqual(sortedEntries(model, "", undefined, false));
      }),
      { numRuns: 500 },
    );
  });
});

describe("contract storage order", () => {
  const bytes = fc.uint8Array({ maxLength: 5 }).map((b) => (b.length === 0 ? new Uint8Array([0]) : b));
  const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

  it("iterates raw keys in byte order within [start, end), both directions, and only the contract's own", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(bytes, { selector: hex, maxLength: 30 }),
        fc.option(bytes, { nil: undefined }),
        fc.option(bytes, { nil: undefined }),
        fc.boolean(),
        (keys, start, end, descending) => {
          const world = World.empty().child();
          for (const [i, k] of keys.entries()) world.write("akash1contract", k, new Uint8Array([i]));
          world.write("akash1contract0", new Uint8Array([1]), new Uint8Array([9])); // a longer address, same start
          world.write("akash1contrac", new Uint8Array([0xff]), new Uint8Array([9]));
          const expected = keys
            .filter(
              (k) =>
                (start === undefined || Buffer.compare(k, start) >= 0) &&
                (end === undefined || Buffer.compare(k, end) < 0),
            )
            .sort((a, b) => Buffer.compare(a, b));
          if (descending) expected.reverse();
          const it = world.range("akash1contract", start, end, descending);
          const got: string[] = [];
          for (let r = it.next(); r.done !== true; r = it.next()) got.push(hex(r.value[0]));
          expect(got).toEqual(expected.map(hex));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("orders 0x00, 0xff and UTF-8 bytes as unsigned bytes", () => {
    const world = World.empty();
    const keys = [
      [0xff],
      [0x00],
      [0xc3, 0xa9] /* é */,
      [0x7f],
      [0xf0, 0x9f, 0x98, 0x80] /* 😀 */,
      [0x00, 0x00],
      [0xef, 0xbf, 0xbd],
    ];
    for (const k of keys) world.write("c", new Uint8Array(k), new Uint8Array([1]));
    const it = world.range("c", undefined, undefined);
    const got: number[][] = [];
    for (let r = it.next(); r.done !== true; r = it.next()) got.push([...r.value[0]]);
    expect(got).toEqual([
      [0x00],
      [0x00, 0x00],
      [0x7f],
      [0xc3, 0xa9],
      [0xef, 0xbf, 0xbd],
      [0xf0, 0x9f, 0x98, 0x80],
      [0xff],
    ]);
  });
});
