// The AssemblyScript std, driven through the probe contract on the embedded chain: JSON errors, storage order,
// UTF-8, fresh instances, rollback, events, bank queries, math and keccak. Needs `npm run build` (build/test/probe.wasm).

import { existsSync, readFileSync } from "node:fs";
import { keccak_256 } from "@noble/hashes/sha3";
import { beforeAll, describe, expect, it } from "vitest";
import { EmbeddedChain } from "../../sim/index.js";

const WASM = new URL("../../build/test/probe.wasm", import.meta.url);
const DENOM = "uakt";

interface Attr {
  readonly key: string;
  readonly value: string;
}
interface Ev {
  readonly type: string;
  readonly attributes: readonly Attr[];
}

/** Attribute `key` of the first event of `type` (default: the contract's "wasm" event). */
function attr(events: readonly Ev[], key: string, type = "wasm"): string | undefined {
  for (const e of events) {
    if (e.type !== type) continue;
    const a = e.attributes.find((x) => x.key === key);
    if (a) return a.value;
  }
  return undefined;
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const U128_MAX = (1n << 128n) - 1n;

describe("std through the probe contract", () => {
  let chain: EmbeddedChain;
  let client: ReturnType<EmbeddedChain["client"]>;
  let alice: string;
  let bob: string;
  let codeId: number;
  let probe: string;
  let other: string;

  const exec = (msg: Record<string, unknown>, funds: readonly { denom: string; amount: string }[] = []) =>
    client.execute(alice, probe, msg, "auto", undefined, funds);
  const query = (msg: Record<string, unknown>) => client.queryContractSmart(probe, msg);
  const count = async (): Promise<unknown> => (await query({ count: {} })).count;

  beforeAll(async () => {
    if (!existsSync(WASM)) throw new Error("build/test/probe.wasm is missing: run `npm run build` first");
    chain = new EmbeddedChain({ prefix: "akash" });
    alice = chain.addressFor("alice");
    bob = chain.addressFor("bob");
    chain.fund(alice, [{ denom: DENOM, amount: "1000000000000" }]);
    client = chain.client();
    codeId = (await client.upload(alice, readFileSync(WASM), "auto")).codeId;
    probe = (await client.instantiate(alice, codeId, { count: 5 }, "probe", "auto", { admin: alice })).contractAddress;
    other = (await client.instantiate(alice, codeId, { count: 100, owner: bob }, "other", "auto", { admin: alice }))
      .contractAddress;
  });

  describe("JSON errors are contract errors with serde-like text", () => {
    it("unknown variant", async () => {
      await expect(exec({ nope: {} })).rejects.toThrow(
        "Error parsing into type ExecuteMsg: unknown variant `nope`, expected one of `increment`, `set`,",
      );
    });
    it("missing field", async () => {
      await expect(exec({ set: {} })).rejects.toThrow("Error parsing into type ExecuteMsg: missing field `count`");
    });
    it("wrong type, with the field path", async () => {
      await expect(exec({ set: { count: "5" } })).rejects.toThrow(
        'Error parsing into type ExecuteMsg: invalid type: string "5", expected u64 at `count`',
      );
      await expect(exec({ burn: { amount: [{ denom: DENOM, amount: 100 }] } })).rejects.toThrow(
        "invalid type: integer `100`, expected string-encoded integer at `amount[0].amount`",
      );
    });
    it("out of range and unknown fields", async () => {
      await expect(exec({ set: { count: -1 } })).rejects.toThrow(
        "invalid value: integer `-1`, expected u64 at `count`",
      );
      await expect(exec({ set: { count: 1, extra: true } })).rejects.toThrow("unknown field `extra`, expected `count`");
    });
    it("malformed JSON (sent verbatim through a nested smart query)", async () => {
      const r = await query({ smart: { contract: other, msg_text: '{"count": {' } });
      expect(r.error).toContain("Error parsing into type QueryMsg: EOF while parsing an object at line 1 column 11");
      const t = await query({ smart: { contract: other, msg_text: '{"count":{}} x' } });
      expect(t.error).toContain("Error parsing into type QueryMsg: trailing characters at line 1 column 14");
    });
    it("a failed query is an error, not a trap", async () => {
      await expect(query({ get: { key: 5 } })).rejects.toThrow(
        "Error parsing into type QueryMsg: invalid type: integer `5`, expected a string at `key`",
      );
    });
  });

  it("u64 accepts the full range without precision loss; values are stored as JSON", async () => {
    // 2^64-1 has no exact JS number, so the text goes verbatim through a nested query.
    const max = await query({
      smart: { contract: other, msg_text: '{"list_num":{"start_after":18446744073709551615}}' },
    });
    expect(max).toEqual({ entries: [] });
    const over = await query({
      smart: { contract: other, msg_text: '{"list_num":{"start_after":18446744073709551616}}' },
    });
    expect(over.error).toContain("invalid value: integer `18446744073709551616`, expected u64 at `start_after`");
    await exec({ set: { count: 7 } });
    const raw = await client.queryContractRaw(probe, new TextEncoder().encode("state"));
    expect(raw).not.toBeNull();
    expect(JSON.parse(new TextDecoder().decode(raw ?? undefined))).toEqual({ count: 7, owner: alice });
  });

  it("each call runs in a fresh instance (module globals start over)", async () => {
    const before = Number(await count());
    for (let i = 1; i <= 3; i++) {
      const r = await exec({ increment: {} });
      expect(attr(r.events, "calls_this_instance")).toBe("1");
      expect(attr(r.events, "count")).toBe(String(before + i));
    }
  });

  describe("rollback", () => {
    it("write_then_fail leaves no trace", async () => {
      const before = await count();
      await expect(exec({ write_then_fail: {} })).rejects.toThrow("intentional failure");
      expect(await count()).toBe(before);
      expect(await query({ get: { key: "written" } })).toEqual({ value: null });
    });
    it("write_then_abort leaves no trace", async () => {
      const before = await count();
      await expect(exec({ write_then_abort: {} })).rejects.toThrow("boom");
      expect(await count()).toBe(before);
      expect(await query({ get: { key: "written" } })).toEqual({ value: null });
    });
    it("a failing reply fails the parent transaction", async () => {
      await exec({ set_fail_reply: { id: 9 } });
      const before = await query({ last_reply: {} });
      await expect(
        exec({ call: { contract: other, msg: { fail: { message: "child" } }, reply_on: "error", id: 9 } }),
      ).rejects.toThrow("reply failed on purpose");
      expect(await query({ last_reply: {} })).toEqual(before);
    });
    it("a caught submessage error is delivered to reply", async () => {
      const r = await exec({
        call: { contract: other, msg: { fail: { message: "child" } }, reply_on: "error", id: 3, payload: "AQI=" },
      });
      expect(attr(r.events, "reply_id")).toBe("3");
      const last = await query({ last_reply: {} });
      expect(last).toMatchObject({ id: 3, ok: false, payload: "AQI=" });
    });
  });

  describe("storage", () => {
    const keys = ["b", "a", "é", "c", "aa", "日本", "z"];
    beforeAll(async () => {
      for (const k of keys) await exec({ put: { key: k, value: `v-${k}` } });
    });
    const sorted = [...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));

    it("iterates in byte order, with exclusive start_after and limits", async () => {
      const all = (await query({ list: {} })) as { entries: { key: string }[] };
      expect(all.entries.map((e) => e.key)).toEqual(sorted);
      const page = (await query({ list: { start_after: "a", limit: 2 } })) as { entries: { key: string }[] };
      expect(page.entries.map((e) => e.key)).toEqual(["aa", "b"]);
      const desc = (await query({ list: { start_after: "c", order: "descending" } })) as {
        entries: { key: string }[];
      };
      expect(desc.entries.map((e) => e.key)).toEqual(["b", "aa", "a"]);
      const keysOnly = (await query({ keys: { order: "descending", limit: 2 } })) as { keys: string[] };
      expect(keysOnly.keys).toEqual([...sorted].reverse().slice(0, 2));
    });

    it("u64 keys iterate numerically; composite keys by prefix", async () => {
      for (const n of [256, 1, 65536, 2]) await exec({ put_num: { n, value: `n${n}` } });
      const nums = (await query({ list_num: {} })) as { entries: { n: number }[] };
      expect(nums.entries.map((e) => e.n)).toEqual([1, 2, 256, 65536]);
      for (const [owner, n] of [
        ["bob", 2],
        ["al", 5],
        ["al", 1],
        ["alice", 3],
      ] as const) {
        await exec({ put_pair: { owner, n, value: `${owner}${n}` } });
      }
      const al = (await query({ list_pair: { owner: "al" } })) as { entries: { value: string }[] };
      expect(al.entries.map((e) => e.value)).toEqual(["al1", "al5"]);
    });

    it("removal", async () => {
      await exec({ del: { key: "z" } });
      expect(await query({ get: { key: "z" } })).toEqual({ value: null });
    });

    it("non-ASCII text round-trips through messages, storage and events", async () => {
      const value = 'é日本😀 "quoted" \\ \n\t\u0001';
      const r = await exec({ put: { key: "ünï😀", value } });
      expect(attr(r.events, "key")).toBe("ünï😀");
      expect(await query({ get: { key: "ünï😀" } })).toEqual({ value });
    });
  });

  it("custom events and attributes", async () => {
    const r = await exec({
      emit: {
        attrs: [{ key: "kind", value: "probe" }],
        events: [{ type: "thing", attributes: [{ key: "a", value: "b" }] }],
      },
    });
    expect(attr(r.events, "kind")).toBe("probe");
    expect(attr(r.events, "a", "wasm-thing")).toBe("b");
  });

  it("a large response is built in bounded memory (no per-piece allocation when joining JSON)", async () => {
    // 4,000 attributes ≈ 40,000 JSON pieces: with Array#join under --shrinkLevel 2 this exhausted the 32 MiB instance.
    const attrs = Array.from({ length: 4000 }, (_, i) => ({ key: `k${i}`, value: `v${i}` }));
    const r = await exec({ emit: { attrs, events: [] } });
    const wasm = r.events.find((e) => e.type === "wasm");
    expect(wasm?.attributes.filter((a) => a.key.startsWith("k")).length).toBe(4000);
    expect(attr(r.events, "k3999")).toBe("v3999");
  });

  it("env and info reach the contract", async () => {
    const r = await exec({ echo_info: {} }, [{ denom: DENOM, amount: "5" }]);
    expect(attr(r.events, "sender")).toBe(alice);
    expect(attr(r.events, "contract")).toBe(probe);
    expect(attr(r.events, "funds")).toBe(`[{"denom":"${DENOM}","amount":"5"}]`);
    expect(attr(r.events, "time")).toMatch(/^\d+$/);
    const env = await query({ echo_env: {} });
    expect(env.contract).toBe(probe);
    expect(typeof env.height).toBe("number");
  });

  it("bank: query_chain balance and a bank send submessage", async () => {
    chain.fund(probe, [{ denom: DENOM, amount: "1000" }]);
    const bal = await query({ balance: { address: probe, denom: DENOM } });
    expect(bal).toEqual({ denom: DENOM, amount: (await client.getBalance(probe, DENOM)).amount });
    const bobBefore = BigInt((await client.getBalance(bob, DENOM)).amount);
    await exec({ send: { to: bob, amount: [{ denom: DENOM, amount: "250" }] } });
    expect(BigInt((await client.getBalance(bob, DENOM)).amount)).toBe(bobBefore + 250n);
    const all = (await query({ all_balances: { address: bob } })) as { amount: { denom: string; amount: string }[] };
    expect(all.amount).toContainEqual({ denom: DENOM, amount: String(bobBefore + 250n) });
  });

  it("nested smart query returns the other contract's JSON", async () => {
    expect(await query({ smart: { contract: other, msg: { count: {} } } })).toEqual({ count: 100, owner: bob });
  });

  describe("math through the std", () => {
    it("Uint128", async () => {
      const q = async (op: string, a: bigint, b: bigint) =>
        (await query({ u128: { op, a: String(a), b: String(b) } })).result;
      expect(await q("add", U128_MAX - 1n, 1n)).toBe(String(U128_MAX));
      expect(await q("mul", 1n << 64n, (1n << 63n) + 5n)).toBe(String((1n << 64n) * ((1n << 63n) + 5n)));
      expect(await q("div", U128_MAX, 7n)).toBe(String(U128_MAX / 7n));
      expect(await q("checked_add", U128_MAX, 1n)).toBe("none");
      await expect(exec({ u128: { op: "add", a: String(U128_MAX), b: "1" } })).rejects.toThrow(
        `Overflow: cannot add ${U128_MAX} + 1`,
      );
    });
    it("Decimal", async () => {
      expect(await query({ dec: { op: "mul", a: "1.5", b: "2.25" } })).toEqual({ result: "3.375" });
      expect(await query({ dec: { op: "add", a: "0.000000000000000001", b: "1" } })).toEqual({
        result: "1.000000000000000001",
      });
    });
  });

  it("keccak256 matches @noble/hashes", async () => {
    expect(await query({ keccak: { data_hex: "" } })).toEqual({
      hash_hex: "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
    });
    expect(await query({ keccak: { data_hex: hex(new TextEncoder().encode("abc")) } })).toEqual({
      hash_hex: "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
    });
    for (const len of [1, 55, 56, 135, 136, 137, 271, 272, 500]) {
      const data = Uint8Array.from({ length: len }, (_, i) => (i * 31 + len) & 0xff);
      expect(await query({ keccak: { data_hex: hex(data) } })).toEqual({ hash_hex: hex(keccak_256(data)) });
    }
  });

  it("addresses go through the chain's bech32 rules", async () => {
    const r = await exec({ addr: { op: "canonicalize", value: alice } });
    const canonical = attr(r.events, "result")!;
    const back = await exec({ addr: { op: "humanize", value: canonical } });
    expect(attr(back.events, "result")).toBe(alice);
    await expect(exec({ addr: { op: "validate", value: alice.toUpperCase() } })).rejects.toThrow();
  });

  it("migrate receives MigrateInfo", async () => {
    const r = await client.migrate(alice, probe, codeId, { new_count: 42 }, "auto");
    expect(attr(r.events, "action")).toBe("migrate");
    expect(attr(r.events, "sender")).toBe(alice);
    expect(await count()).toBe(42);
  });
});
