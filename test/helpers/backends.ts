/**
 * Real-chain test plumbing. Suites that need wasmd use `describe.skipIf(!(await realChainAvailable()))` and
 * `withLocalnode()`. Without Go/gcc (or WASMD_BIN, or a cached build) and without Docker they skip; with CI=true they
 * always run, so a missing toolchain or a node that does not start fails the build instead of silently skipping.
 */
import { afterAll, beforeAll } from "vitest";
import {
  ENABLE_HINT,
  selectBackend,
  startAnyLocalnode,
  type BackendSelection,
} from "../../scripts/localnode/backend.js";
import { connectNodeClient, type NodeChainClient } from "../../scripts/localnode/node-client.js";
import type { Localnode, LocalnodeOptions } from "../../scripts/localnode/types.js";

let selection: Promise<BackendSelection> | undefined;

export function backendSelection(): Promise<BackendSelection> {
  selection ??= selectBackend();
  return selection;
}

const inCI = (): boolean => process.env.CI === "true" || process.env.CI === "1";

/** Whether real-chain suites should run (always under CI, unless LOCALNODE=off). */
export async function realChainAvailable(): Promise<boolean> {
  if (process.env.LOCALNODE === "off") return false;
  if (inCI()) return true;
  return (await backendSelection()).backend !== "off";
}

/** Suite title that says how to enable the suite when it is skipped. */
export async function realChainTitle(name: string): Promise<string> {
  if (await realChainAvailable()) return `${name} (real chain)`;
  const why = process.env.LOCALNODE === "off" ? "LOCALNODE=off" : ENABLE_HINT;
  return `${name} (real chain skipped: ${why})`;
}

export interface LocalnodeFixture {
  readonly node: Localnode;
  readonly client: NodeChainClient;
}

/**
 * Starts one localnet for the enclosing describe block (beforeAll) and stops it afterwards, so that no wasmd process
 * outlives the suite. Access `node`/`client` inside tests only.
 */
export function withLocalnode(opts: LocalnodeOptions = {}): LocalnodeFixture {
  let node: Localnode | undefined;
  let client: NodeChainClient | undefined;
  beforeAll(async () => {
    node = await startAnyLocalnode(opts);
    client = await connectNodeClient(node);
  }, 900_000); // a cold wasmd build is part of the first start
  afterAll(async () => {
    client?.disconnect();
    await node?.stop();
  });
  return {
    get node(): Localnode {
      if (node === undefined) throw new Error("localnode not started (use inside tests)");
      return node;
    },
    get client(): NodeChainClient {
      if (client === undefined) throw new Error("localnode not started (use inside tests)");
      return client;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// A tiny hand-assembled CosmWasm contract for governance tests: a few hundred bytes, so store proposals are fast, and
// independent of the AssemblyScript build. instantiate/migrate return an empty Response with attribute
// version=<version>; query returns {"version":"<version>"}, so a migration is observable.

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (s: string): number[] => [...uleb(s.length), ...Buffer.from(s, "utf8")];
const u32le = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const I32 = 0x7f;

export function tinyContract(version: string): Uint8Array {
  const response = Buffer.from(
    JSON.stringify({
      ok: { messages: [], attributes: [{ key: "version", value: version }], events: [], data: null },
    }),
  );
  const query = Buffer.from(JSON.stringify({ ok: Buffer.from(JSON.stringify({ version })).toString("base64") }));
  // Memory layout: response Region at 16, query Region at 32, JSON texts from 64, bump heap after them.
  const respAt = 64;
  const queryAt = respAt + response.length;
  const heapStart = (queryAt + query.length + 7) & ~7;

  const types = vec([
    [0x60, ...vec([[I32]]), ...vec([[I32]])], // 0 allocate(size) -> region
    [0x60, ...vec([[I32]]), ...vec([])], // 1 deallocate(region)
    [0x60, ...vec([]), ...vec([])], // 2 interface_version_8()
    [0x60, ...vec([[I32], [I32], [I32]]), ...vec([[I32]])], // 3 instantiate(env, info, msg)
    [0x60, ...vec([[I32], [I32]]), ...vec([[I32]])], // 4 migrate(env, msg) / query(env, msg)
  ]);
  const funcs = vec([[0], [1], [2], [3], [4], [4]]);
  const memory = vec([[0x00, ...uleb(17)]]); // min 17 pages, no maximum (required by the VM)
  const globals = vec([[I32, 0x01, 0x41, ...sleb(heapStart), 0x0b]]);
  const exports = vec([
    [...name("memory"), 0x02, 0],
    [...name("allocate"), 0x00, 0],
    [...name("deallocate"), 0x00, 1],
    [...name("interface_version_8"), 0x00, 2],
    [...name("instantiate"), 0x00, 3],
    [...name("migrate"), 0x00, 4],
    [...name("query"), 0x00, 5],
  ]);
  const store = (offset: number): number[] => [0x36, 0x02, offset];
  const allocate = [
    ...vec([[1, I32]]), // one local: region
    ...[0x23, 0, 0x21, 1], // region = heap
    ...[0x20, 1, 0x20, 1, 0x41, 12, 0x6a, ...store(0)], // region.offset = region + 12
    ...[0x20, 1, 0x20, 0, ...store(4)], // region.capacity = size
    ...[0x20, 1, 0x41, 0, ...store(8)], // region.length = 0
    ...[0x20, 1, 0x20, 0, 0x6a, 0x41, 19, 0x6a, 0x41, ...sleb(-8), 0x71, 0x24, 0], // heap = align8(region+12+size)
    ...[0x20, 1, 0x0b],
  ];
  const constBody = (v: number): number[] => [...vec([]), 0x41, ...sleb(v), 0x0b];
  const bodies = [allocate, [...vec([]), 0x0b], [...vec([]), 0x0b], constBody(16), constBody(16), constBody(32)];
  const code = vec(bodies.map((b) => [...uleb(b.length), ...b]));
  const segment = (at: number, bytes: number[]): number[] => [
    0x00,
    0x41,
    ...sleb(at),
    0x0b,
    ...vec(bytes.map((b) => [b])),
  ];
  const data = vec([
    segment(16, [
      ...u32le(respAt),
      ...u32le(response.length),
      ...u32le(response.length),
      0,
      0,
      0,
      0,
      ...u32le(queryAt),
      ...u32le(query.length),
      ...u32le(query.length),
    ]),
    segment(respAt, [...response]),
    segment(queryAt, [...query]),
  ]);
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, types),
    ...section(3, funcs),
    ...section(5, memory),
    ...section(6, globals),
    ...section(7, exports),
    ...section(10, code),
    ...section(11, data),
  ]);
}
