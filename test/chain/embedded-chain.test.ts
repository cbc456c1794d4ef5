import { describe, expect, it } from "vitest";
import { EmbeddedChain, TxError, classicContractAddress, type EmbeddedChainOptions } from "../../sim/index.js";
import { WasmCheckError, checkWasm } from "../../sim/wasm/upload-check.js";
import { cryptoImports } from "../../sim/chain/host-api.js";
import { VmError } from "../../sim/chain/errors.js";
import { Layer } from "../../sim/chain/store.js";
import { MsgFundCommunityPool } from "cosmjs-types/cosmos/protocolpool/v1/tx";
import { ed25519 } from "@noble/curves/ed25519.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { sha256 } from "@noble/hashes/sha2";
import { lowMemoryContract, okResult, programB64, quote, run, scriptContract } from "../helpers/wat.js";

const enc = new TextEncoder();
const dec = new TextDecoder();
const b64 = (s: string): string => Buffer.from(s).toString("base64");

async function setup(options: EmbeddedChainOptions = {}) {
  const chain = new EmbeddedChain(options);
  const client = chain.client();
  const alice = chain.addressFor("alice");
  const bob = chain.addressFor("bob");
  chain.fund(alice, [{ denom: "uakt", amount: "1000000" }]);
  const { codeId } = await client.upload(alice, await scriptContract(), "auto");
  const instantiate = async (program = okResult({}), funds: { denom: string; amount: string }[] = []) =>
    (await client.instantiate(alice, codeId, run(program), "probe", "auto", { admin: alice, funds })).contractAddress;
  const raw = async (contract: string, key: string): Promise<string | null> => {
    const v = await client.queryContractRaw(contract, enc.encode(key));
    return v === null ? null : dec.decode(v);
  };
  return { chain, client, alice, bob, codeId, instantiate, raw };
}

/** The failed tx's raw log, after checking the thrown message has CosmJS's broadcast-error shape. */
async function rawLogOf(chain: EmbeddedChain, p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TxError);
  const record = chain.events.at(-1)!;
  expect((err as Error).message).toBe(
    `Error when broadcasting tx ${record.hash} at height ${record.height}. Code: ${record.code}; Raw log: ${record.rawLog}`,
  );
  return record.rawLog;
}

const execMsg = (contract: string, program: string, funds: { denom: string; amount: string }[] = []) => ({
  wasm: { execute: { contract_addr: contract, msg: programB64(program), funds } },
});

const attr = (key: string, value: string) => ({ key, value });
const events = (list: readonly { type: string; attributes: readonly { key: string; value: string }[] }[]) =>
  list.map((e) => ({ type: e.type, attributes: e.attributes.filter((a) => a.key !== "msg_index") }));

const COUNTING =
  "o{'ok':{'messages':[],'attributes':[{'key':'calls','value':';" + "g" + "o'}],'events':[],'data':null}};";

describe("instances", () => {
  it("gives every call a fresh instance: a global counter is 1 on every execute, submessage and reply", async () => {
    const { chain, client, alice, instantiate } = await setup();
    const a = await instantiate();
    for (let i = 0; i < 3; i++) {
      const res = await client.execute(alice, a, run(COUNTING), "auto");
      expect(events(res.events).find((e) => e.type === "wasm")?.attributes).toEqual([
        attr("_contract_address", a),
        attr("calls", "1"),
      ]);
    }
    const program =
      `WR=${COUNTING}~` +
      okResult({ messages: [{ id: 1, msg: execMsg(a, COUNTING), gas_limit: null, reply_on: "always" }] });
    const res = await client.execute(alice, a, run(program), "auto");
    const calls = events(res.events)
      .filter((e) => e.type === "wasm")
      .map((e) => e.attributes.find((x) => x.key === "calls")?.value);
    expect(calls).toEqual(["1", "1"]);
    expect(chain.events.every((r) => r.code === 0)).toBe(true);
  });

  it("restores a recycled instance's memory wherever the contract or the host wrote in the last call", async () => {
    // The contract keeps below LOW_MEMORY (32 KiB), so the chain restores only that part unless a store went past it
    // (the poke) or the host wrote a Region past it (the large message); each check reads the rest of memory.
    const chain = new EmbeddedChain();
    const client = chain.client();
    const alice = chain.addressFor("alice");
    const { codeId } = await client.upload(alice, await lowMemoryContract(), "auto");
    const { contractAddress } = await client.instantiate(alice, codeId, {}, "low", "auto");
    const clean = async (): Promise<string | undefined> => {
      const res = await client.execute(alice, contractAddress, { check: {} }, "auto");
      return events(res.events)
        .find((e) => e.type === "wasm")
        ?.attributes.find((a) => a.key === "clean")?.value;
    };
    expect(await clean()).toBe("yes");
    await client.execute(alice, contractAddress, { poke: {} }, "auto");
    expect(await clean()).toBe("yes");
    await client.execute(alice, contractAddress, { big: "x".repeat(40_000) }, "auto");
    expect(await clean()).toBe("yes");
    expect(await clean()).toBe("yes");
  });

  it("caps memory at 32 MiB: growing past 512 pages is refused (memory.grow returns -1)", async () => {
    const { client, alice, instantiate } = await setup();
    const a = await instantiate();
    const res = await client.execute(
      alice,
      a,
      run("o{'ok':{'messages':[],'attributes':[{'key':'grow','value':';" + "G" + "o'}],'events':[],'data':null}};"),
      "auto",
    );
    expect(events(res.events)[2]).toEqual({
      type: "wasm",
      attributes: [attr("_contract_address", a), attr("grow", "F")],
    });
  });
});

describe("tx log", () => {
  it("keeps the latest txLogLimit records; 0 keeps none; results are unchanged", async () => {
    const { chain, client, alice, bob } = await setup({ txLogLimit: 3 });
    const hashes: string[] = [];
    for (let i = 0; i < 9; i++) {
      hashes.push((await client.sendTokens(alice, bob, [{ denom: "uakt", amount: "1" }], "auto")).transactionHash);
    }
    // setup's upload plus 9 sends: trimmed to the latest 3 once 6 are held, never more than 2 × 3.
    expect(chain.events.length).toBeLessThan(6);
    expect(chain.events.length).toBeGreaterThanOrEqual(3);
    expect(chain.events.at(-1)!.hash).toBe(hashes[8]);
    expect(chain.events.map((r) => r.hash)).toEqual(hashes.slice(9 - chain.events.length));
    expect(chain.balances(bob)).toEqual([{ denom: "uakt", amount: "9" }]);
    const none = await setup({ txLogLimit: 0 });
    const res = await none.client.sendTokens(none.alice, none.bob, [{ denom: "uakt", amount: "1" }], "auto");
    expect(res.code).toBe(0);
    expect(res.events.length).toBeGreaterThan(0);
    expect(none.chain.events).toEqual([]);
    expect(() => new EmbeddedChain({ txLogLimit: -1 })).toThrow("txLogLimit must be a non-negative integer");
  });
});

describe("iterators", () => {
  it("scans storage through db_scan/db_next in both orders, seeing the tx's own writes", async () => {
    const { client, alice, instantiate } = await setup();
    const a = await instantiate("wk1=a;wk2=b;wk3=c;wj=z;" + okResult({}));
    const scan = (cmd: string) =>
      "wx=d;dk1;o{'ok':{'messages':[],'attributes':[{'key':'scan','value':';" +
      cmd +
      ";o'}],'events':[],'data':null}};";
    const value = async (cmd: string) =>
      events((await client.execute(alice, a, run(scan(cmd)), "auto")).events)
        .find((e) => e.type === "wasm")
        ?.attributes.find((x) => x.key === "scan")?.value;
    expect(await value("Sk")).toBe("k2=b,k3=c,x=d,");
    expect(await value("sk")).toBe("x=d,k3=c,k2=b,");
    expect(await value("S")).toBe("j=z,k2=b,k3=c,x=d,");
  });
});

describe("rollback", () => {
  it("discards the writes of an execute that returns an error", async () => {
    const { chain, client, alice, instantiate, raw } = await setup();
    const a = await instantiate("wcount=1;" + okResult({}));
    const log = await rawLogOf(
      chain,
      client.execute(alice, a, run("wcount=2;o{'error':'intentional failure'};"), "auto"),
    );
    expect(log).toBe("failed to execute message; message index: 0: intentional failure: execute wasm contract failed");
    expect(chain.events.at(-1)?.code).toBe(5);
    expect(chain.events.at(-1)?.error).toBe("intentional failure: execute wasm contract failed");
    expect(await raw(a, "count")).toBe("1");
    await client.execute(alice, a, run("wcount=2;" + okResult({})), "auto");
    expect(await raw(a, "count")).toBe("2");
  });

  it("discards the writes of an execute that aborts or traps", async () => {
    const { chain, client, alice, instantiate, raw } = await setup();
    const a = await instantiate("wcount=1;" + okResult({}));
    expect(await rawLogOf(chain, client.execute(alice, a, run("wcount=2;aboom requested;"), "auto"))).toBe(
      "failed to execute message; message index: 0: Error calling the VM: Error executing Wasm: Wasmer runtime error: " +
        "RuntimeError: Aborted: boom requested: wasmvm error",
    );
    expect(await rawLogOf(chain, client.execute(alice, a, run("wcount=3;u"), "auto"))).toBe(
      "failed to execute message; message index: 0: Error calling the VM: Error executing Wasm: Wasmer runtime error: " +
        "RuntimeError: unreachable: wasmvm error",
    );
    expect(chain.events.at(-1)?.code).toBe(29);
    expect(await raw(a, "count")).toBe("1");
  });

  it("discards bank transfers of a failed tx", async () => {
    const { chain, client, alice, bob, instantiate } = await setup();
    const a = await instantiate();
    await rawLogOf(
      chain,
      client.execute(alice, a, run("o{'error':'no'};"), "auto", "", [{ denom: "uakt", amount: "100" }]),
    );
    expect(chain.balance(alice)).toBe(1_000_000n);
    expect(chain.balance(a)).toBe(0n);
    expect(
      await rawLogOf(chain, client.execute(bob, a, run(okResult({})), "auto", "", [{ denom: "uakt", amount: "100" }])),
    ).toBe(
      "failed to execute message; message index: 0: spendable balance 0uakt is smaller than 100uakt: insufficient funds",
    );
  });
});

describe("submessages and reply", () => {
  const REPLY = "Mreply;" + okResult({ attributes: [attr("replied", "yes")] });
  const INNER_OK = "wb=1;" + okResult({ attributes: [attr("inner", "yes")], data: b64("hi") });
  const INNER_FAIL = "wb=1;o{'error':'inner failure'};";

  async function scenario(replyOn: string, innerOk: boolean) {
    const s = await setup();
    const a = await s.instantiate();
    const b = await s.instantiate();
    const program =
      `WR=${REPLY}~wa=1;` +
      okResult({
        messages: [
          {
            id: 7,
            payload: b64("payload"),
            msg: execMsg(b, innerOk ? INNER_OK : INNER_FAIL),
            gas_limit: null,
            reply_on: replyOn,
          },
        ],
      });
    const result = s.client.execute(s.alice, a, run(program), "auto");
    return { ...s, a, b, result };
  }

  it("always + success: commits the submessage and replies with its events, data and msg_responses", async () => {
    const { a, b, result, raw } = await scenario("always", true);
    const res = await result;
    expect(await raw(b, "b")).toBe("1");
    expect(await raw(a, "a")).toBe("1");
    const data = Buffer.from([0x0a, 0x02, 0x68, 0x69]).toString("base64");
    expect(await raw(a, "reply")).toBe(
      `{"gas_used":0,"id":7,"result":{"ok":{"events":[{"type":"execute","attributes":[{"key":"_contract_address","value":"${b}"}]},` +
        `{"type":"wasm","attributes":[{"key":"_contract_address","value":"${b}"},{"key":"inner","value":"yes"}]}],` +
        `"data":"${data}","msg_responses":[{"type_url":"/cosmwasm.wasm.v1.MsgExecuteContractResponse","value":"${data}"}]}},` +
        `"payload":"${b64("payload")}"}`,
    );
    expect(events(res.events).map((e) => e.type)).toEqual(["message", "execute", "execute", "wasm", "reply", "wasm"]);
    expect(events(res.events)[4]).toEqual({ type: "reply", attributes: [attr("_contract_address", a)] });
  });

  it("always + failure: rolls the submessage back, replies with the error, and the tx succeeds", async () => {
    const { a, b, result, raw } = await scenario("always", false);
    const res = await result;
    expect(await raw(b, "b")).toBeNull();
    expect(await raw(a, "a")).toBe("1");
    expect(await raw(a, "reply")).toBe(
      `{"gas_used":0,"id":7,"result":{"error":"inner failure: execute wasm contract failed"},"payload":"${b64("payload")}"}`,
    );
    expect(events(res.events).map((e) => e.type)).toEqual(["message", "execute", "reply", "wasm"]);
  });

  it("success: replies on success, fails the whole tx on failure", async () => {
    const ok = await scenario("success", true);
    await ok.result;
    expect(await ok.raw(ok.a, "reply")).not.toBeNull();
    const bad = await scenario("success", false);
    expect(await rawLogOf(bad.chain, bad.result)).toBe(
      "failed to execute message; message index: 0: inner failure: execute wasm contract failed",
    );
    expect(await bad.raw(bad.a, "a")).toBeNull();
    expect(await bad.raw(bad.b, "b")).toBeNull();
  });

  it("error: no reply on success, replies on failure", async () => {
    const ok = await scenario("error", true);
    await ok.result;
    expect(await ok.raw(ok.a, "reply")).toBeNull();
    expect(await ok.raw(ok.b, "b")).toBe("1");
    const bad = await scenario("error", false);
    await bad.result;
    expect(await bad.raw(bad.a, "reply")).toContain(`"result":{"error":"inner failure: execute wasm contract failed"}`);
    expect(await bad.raw(bad.b, "b")).toBeNull();
  });

  it("never: no reply on success, fails the whole tx on failure", async () => {
    const ok = await scenario("never", true);
    await ok.result;
    expect(await ok.raw(ok.a, "reply")).toBeNull();
    expect(await ok.raw(ok.b, "b")).toBe("1");
    const bad = await scenario("never", false);
    expect(await rawLogOf(bad.chain, bad.result)).toBe(
      "failed to execute message; message index: 0: inner failure: execute wasm contract failed",
    );
  });

  it("a reply that errors fails its parent and everything rolls back", async () => {
    const { chain, client, alice, instantiate, raw } = await setup();
    const a = await instantiate();
    const b = await instantiate();
    const program =
      "WR=o{'error':'reply failed'};~wa=1;" +
      okResult({ messages: [{ id: 1, msg: execMsg(b, INNER_OK), gas_limit: null, reply_on: "success" }] });
    expect(await rawLogOf(chain, client.execute(alice, a, run(program), "auto"))).toBe(
      "failed to execute message; message index: 0: reply: reply failed: execute wasm contract failed",
    );
    expect(await raw(a, "a")).toBeNull();
    expect(await raw(b, "b")).toBeNull();
  });

  it("a failing submessage of instantiate is wrapped in dispatch", async () => {
    const { chain, client, alice, codeId, instantiate } = await setup();
    const b = await instantiate();
    const program = okResult({
      messages: [{ id: 1, msg: execMsg(b, INNER_FAIL), gas_limit: null, reply_on: "never" }],
    });
    expect(await rawLogOf(chain, client.instantiate(alice, codeId, run(program), "x", "auto"))).toBe(
      "failed to execute message; message index: 0: dispatch: inner failure: execute wasm contract failed",
    );
  });

  it("sorts the attributes of a successful wasm submessage's events by key, in the reply and in the tx events", async () => {
    const { client, alice, instantiate, raw } = await setup();
    const a = await instantiate();
    const b = await instantiate();
    const inner = okResult({ attributes: [attr("zeta", "1"), attr("Alpha", "2"), attr("beta", "3")] });
    const program =
      `WR=${REPLY}~` + okResult({ messages: [{ id: 2, msg: execMsg(b, inner), gas_limit: null, reply_on: "always" }] });
    const res = await client.execute(alice, a, run(program), "auto");
    const sorted = [attr("Alpha", "2"), attr("_contract_address", b), attr("beta", "3"), attr("zeta", "1")];
    expect(events(res.events)[3]).toEqual({ type: "wasm", attributes: sorted });
    expect(await raw(a, "reply")).toContain(`{"type":"wasm","attributes":${JSON.stringify(sorted)}}`);
  });

  it("replies to a non-wasm submessage with no events and the SDK message response", async () => {
    const { chain, client, alice, bob, instantiate, raw } = await setup();
    const a = await instantiate(okResult({}), [{ denom: "uakt", amount: "10" }]);
    const send = { bank: { send: { to_address: bob, amount: [{ denom: "uakt", amount: "4" }] } } };
    const program =
      `WR=${REPLY}~` + okResult({ messages: [{ id: 3, msg: send, gas_limit: null, reply_on: "success" }] });
    await client.execute(alice, a, run(program), "auto");
    expect(await raw(a, "reply")).toBe(
      '{"gas_used":0,"id":3,"result":{"ok":{"events":[],"msg_responses":[{"type_url":"/cosmos.bank.v1beta1.MsgSendResponse","value":""}]}}}',
    );
    expect(chain.balance(bob)).toBe(4n);
  });

  it("keeps u64 reply ids above 2^53 exact", async () => {
    const { client, alice, instantiate, raw } = await setup();
    const a = await instantiate();
    const program =
      `WR=${REPLY}~` +
      okResult({ messages: [{ id: 123456789, msg: execMsg(a, okResult({})), gas_limit: null, reply_on: "always" }] });
    await client.execute(alice, a, run(program.replace("123456789", "18446744073709551615")), "auto");
    expect(await raw(a, "reply")).toMatch(/^\{"gas_used":0,"id":18446744073709551615,"result":\{"ok":/);
  });
});

describe("bank", () => {
  it("sends and burns through submessages with x/bank's events", async () => {
    const { chain, client, alice, bob, instantiate } = await setup();
    const a = await instantiate(okResult({}), [{ denom: "uakt", amount: "1000" }]);
    expect(chain.balance(a)).toBe(1000n);
    const send = okResult({
      messages: [
        {
          id: 0,
          msg: { bank: { send: { to_address: bob, amount: [{ denom: "uakt", amount: "300" }] } } },
          gas_limit: null,
          reply_on: "never",
        },
      ],
    });
    const sent = await client.execute(alice, a, run(send), "auto");
    expect(events(sent.events).slice(1)).toEqual([
      { type: "execute", attributes: [attr("_contract_address", a)] },
      { type: "coin_spent", attributes: [attr("spender", a), attr("amount", "300uakt")] },
      { type: "coin_received", attributes: [attr("receiver", bob), attr("amount", "300uakt")] },
      { type: "transfer", attributes: [attr("recipient", bob), attr("sender", a), attr("amount", "300uakt")] },
    ]);
    expect([chain.balance(a), chain.balance(bob)]).toEqual([700n, 300n]);

    const supply = chain.supply("uakt");
    const burn = okResult({
      messages: [
        {
          id: 0,
          msg: { bank: { burn: { amount: [{ denom: "uakt", amount: "200" }] } } },
          gas_limit: null,
          reply_on: "never",
        },
      ],
    });
    const burned = await client.execute(alice, a, run(burn), "auto");
    const wasmModule = chain.moduleAddress("wasm");
    expect(events(burned.events).slice(2)).toEqual([
      { type: "coin_spent", attributes: [attr("spender", a), attr("amount", "200uakt")] },
      { type: "coin_received", attributes: [attr("receiver", wasmModule), attr("amount", "200uakt")] },
      { type: "transfer", attributes: [attr("recipient", wasmModule), attr("sender", a), attr("amount", "200uakt")] },
      { type: "coin_spent", attributes: [attr("spender", wasmModule), attr("amount", "200uakt")] },
      { type: "burn", attributes: [attr("burner", wasmModule), attr("amount", "200uakt")] },
    ]);
    expect(chain.balance(a)).toBe(500n);
    expect(chain.supply("uakt")).toBe(supply - 200n);
  });

  it("redacts a failed bank send delivered to reply (codespace and code only)", async () => {
    const { client, alice, bob, instantiate, raw } = await setup();
    const a = await instantiate();
    const program =
      "WR=Mreply;" +
      okResult({}).slice(0, -1) +
      ";~" +
      okResult({
        messages: [
          {
            id: 1,
            msg: { bank: { send: { to_address: bob, amount: [{ denom: "uakt", amount: "5" }] } } },
            gas_limit: null,
            reply_on: "always",
          },
        ],
      });
    await client.execute(alice, a, run(program), "auto");
    expect(await raw(a, "reply")).toBe('{"gas_used":0,"id":1,"result":{"error":"codespace: sdk, code: 5"}}');
  });

  // wasmd 0.61 runs x/protocolpool as distribution's external community pool (SDK 0.53): the texts below are what it
  // reports (test/equivalence/probe.test.ts compares them on a live wasmd).
  const fundPool = (amount: { denom: string; amount: string }[]) => ({
    id: 0,
    msg: { distribution: { fund_community_pool: { amount } } },
    gas_limit: null,
    reply_on: "never",
  });
  const protocolPool = (depositor: string, amount: { denom: string; amount: string }[]) => ({
    id: 0,
    msg: {
      any: {
        type_url: "/cosmos.protocolpool.v1.MsgFundCommunityPool",
        value: Buffer.from(MsgFundCommunityPool.encode({ depositor, amount }).finish()).toString("base64"),
      },
    },
    gas_limit: null,
    reply_on: "never",
  });

  it("refuses DistributionMsg::FundCommunityPool as wasmd 0.61 does, changing nothing", async () => {
    const { chain, client, alice, instantiate } = await setup();
    const a = await instantiate(okResult({}), [{ denom: "uakt", amount: "50" }]);
    const program = okResult({ messages: [fundPool([{ denom: "uakt", amount: "20" }])] });
    const state = (): string =>
      JSON.stringify([chain.state.storage.entries(""), chain.state.balances.entries("")], (_k, v: unknown) =>
        typeof v === "bigint" ? v.toString() : v,
      );
    const before = state();
    const log = await rawLogOf(chain, client.execute(alice, a, run(program), "auto"));
    expect(log).toBe(
      "failed to execute message; message index: 0: external community pool is enabled - use the FundCommunityPool " +
        "method exposed by the external community pool: invalid request",
    );
    expect(chain.events.at(-1)!.code).toBe(18);
    expect(chain.communityPool()).toEqual([]);
    expect(chain.balance(a)).toBe(50n);
    expect(state()).toBe(before); // the embedded chain charges no fee here
  });

  it("routes protocolpool's MsgFundCommunityPool (an Any) into the community pool, with bank events", async () => {
    const { chain, client, alice, instantiate } = await setup();
    const a = await instantiate(okResult({}), [{ denom: "uakt", amount: "50" }]);
    const program = okResult({ messages: [protocolPool(a, [{ denom: "uakt", amount: "20" }])] });
    const res = await client.execute(alice, a, run(program), "auto");
    expect(chain.communityPool()).toEqual([{ denom: "uakt", amount: "20" }]);
    expect(chain.balance(a)).toBe(30n);
    const pool = chain.keeper.protocolPoolAddress;
    const transfer = res.events.filter((e) => e.type === "transfer").at(-1);
    expect(Object.fromEntries(transfer.attributes.map((x) => [x.key, x.value]))).toMatchObject({
      recipient: pool,
      sender: a,
      amount: "20uakt",
    });
  });

  it("refuses protocolpool's MsgFundCommunityPool for another depositor, without coins or undecodable", async () => {
    const { chain, client, alice, instantiate } = await setup();
    const a = await instantiate(okResult({}), [{ denom: "uakt", amount: "50" }]);
    const fail = async (msg: object): Promise<string> =>
      rawLogOf(chain, client.execute(alice, a, run(okResult({ messages: [msg] })), "auto"));
    const prefix = "failed to execute message; message index: 0: ";
    expect(await fail(protocolPool(alice, [{ denom: "uakt", amount: "20" }]))).toBe(
      `${prefix}contract doesn't have permission: unauthorized`,
    );
    expect(await fail(protocolPool(a, []))).toBe(`${prefix}amount cannot be nil: invalid coins`);
    expect(await fail(protocolPool(a, [{ denom: "uakt", amount: "0" }]))).toBe(`${prefix}0uakt: invalid coins`);
    expect(await fail(protocolPool(a, [{ denom: "uakt", amount: "999" }]))).toBe(
      `${prefix}spendable balance 50uakt is smaller than 999uakt: insufficient funds`,
    );
    const garbage = {
      ...protocolPool(a, []),
      msg: { any: { type_url: "/cosmos.protocolpool.v1.MsgFundCommunityPool", value: "/w==" } },
    };
    expect(await fail(garbage)).toBe(
      `${prefix}Cannot unpack proto message with type URL: /cosmos.protocolpool.v1.MsgFundCommunityPool: ` +
        "invalid CosmosMsg from the contract",
    );
    expect(chain.communityPool()).toEqual([]);
    expect(chain.balance(a)).toBe(50n);
  });

  it("sendTokens resolves with a non-zero code on failure, as CosmJS does", async () => {
    const { chain, client, alice, bob } = await setup();
    const ok = await client.sendTokens(alice, bob, [{ denom: "uakt", amount: "10" }], "auto");
    expect(ok.code).toBe(0);
    expect(chain.balance(bob)).toBe(10n);
    const bad = await client.sendTokens(bob, alice, [{ denom: "uakt", amount: "11" }], "auto");
    expect(bad.code).toBe(5);
    expect(bad.transactionHash).toBe(chain.events.at(-1)?.hash);
    expect(chain.events.at(-1)?.rawLog).toBe(
      "failed to execute message; message index: 0: spendable balance 10uakt is smaller than 11uakt: insufficient funds",
    );
    expect((await client.getBalance(bob, "uakt")).amount).toBe("10");
  });
});

describe("queries", () => {
  it("answers query_chain with SystemResult<ContractResult<Binary>> and keeps nested queries read-only", async () => {
    const { chain, client, alice, instantiate, raw } = await setup();
    const a = await instantiate();
    const b = await instantiate();
    const smart = (program: string) => ({ wasm: { smart: { contract_addr: b, msg: programB64(program) } } });
    const missing = classicContractAddress("akash", 99, 99);
    const requests: [string, unknown][] = [
      ["ok", smart(`o{'ok':'${b64('{"x":1}')}'};`)],
      ["write", smart(`wx=1;o{'ok':'${b64("{}")}'};`)],
      ["err", smart("o{'error':'bad query'};")],
      ["missing", { wasm: { smart: { contract_addr: missing, msg: programB64("") } } }],
      ["staking", { staking: { bonded_denom: {} } }],
      ["custom", { custom: {} }],
      ["balance", { bank: { balance: { address: alice, denom: "uakt" } } }],
      ["info", { wasm: { contract_info: { contract_addr: b } } }],
      ["all", { bank: { all_balances: { address: alice } } }],
      ["supply", { bank: { supply: { denom: "uakt" } } }],
      ["raw", { wasm: { raw: { contract_addr: a, key: b64("k") } } }],
      ["code", { wasm: { code_info: { code_id: 1 } } }],
      ["nocode", { wasm: { code_info: { code_id: 9 } } }],
    ];
    const program =
      "wk=v1;" + requests.map(([key, req]) => `Q${key}|${quote(JSON.stringify(req))};`).join("") + okResult({});
    await client.execute(alice, a, run(program), "auto");
    expect(await raw(a, "ok")).toBe(`{"ok":{"ok":"${b64('{"x":1}')}"}}`);
    expect(await raw(a, "write")).toBe('{"ok":{"error":"codespace: wasm, code: 29"}}');
    expect(await raw(b, "x")).toBeNull();
    expect(await raw(a, "err")).toBe('{"ok":{"error":"bad query: query wasm contract failed"}}');
    expect(await raw(a, "missing")).toBe(`{"error":{"no_such_contract":{"addr":"${missing}"}}}`);
    expect(await raw(a, "staking")).toBe(
      '{"error":{"unsupported_request":{"kind":"staking queries are not supported by the embedded chain"}}}',
    );
    expect(await raw(a, "custom")).toBe('{"error":{"unsupported_request":{"kind":"custom"}}}');
    const balance = chain.balance(alice).toString();
    expect(await raw(a, "balance")).toBe(`{"ok":{"ok":"${b64(`{"amount":{"denom":"uakt","amount":"${balance}"}}`)}"}}`);
    expect(await raw(a, "all")).toBe(`{"ok":{"ok":"${b64(`{"amount":[{"denom":"uakt","amount":"${balance}"}]}`)}"}}`);
    expect(await raw(a, "supply")).toBe(`{"ok":{"ok":"${b64('{"amount":{"denom":"uakt","amount":"1000000"}}')}"}}`);
    expect(await raw(a, "raw")).toBe(`{"ok":{"ok":"${b64("v1")}"}}`);
    const checksum = (await client.getCodes())[0]!.checksum;
    expect(await raw(a, "code")).toBe(
      `{"ok":{"ok":"${b64(`{"code_id":1,"creator":"${alice}","checksum":"${checksum}"}`)}"}}`,
    );
    expect(await raw(a, "nocode")).toBe('{"error":{"no_such_code":{"code_id":9}}}');
    expect(await raw(a, "info")).toBe(
      `{"ok":{"ok":"${b64(`{"code_id":1,"creator":"${alice}","admin":"${alice}","pinned":false,"ibc2_port":"wasm2${b.slice(5)}"}`)}"}}`,
    );
  });

  it("rejects a storage write in a client query", async () => {
    const { client, instantiate } = await setup();
    const a = await instantiate();
    await expect(client.queryContractSmart(a, run("wx=1;o{'ok':'e30='};"))).rejects.toThrow(
      new Error(
        // baseapp maps every failed gRPC query to ErrUnknownRequest (6), as test/equivalence/probe.test.ts shows on wasmd.
        "Query failed with (6): Error calling the VM: Error executing Wasm: Wasmer runtime error: RuntimeError: " +
          "Must not call a writing storage function in this context.: wasmvm error: unknown request",
      ),
    );
    expect(await client.queryContractSmart(a, run(`o{'ok':'${b64('{"n":"é"}')}'};`))).toEqual({ n: "é" });
  });
});

describe("env, info and UTF-8", () => {
  it("passes env, info and msg as wasmd does, with non-ASCII text intact", async () => {
    const { chain, client, alice, instantiate, raw } = await setup({ chainId: "embedded-✓" });
    const a = await instantiate();
    chain.advanceBlocks(2);
    const text = "héllo ☃ 𝄞";
    const program = `Eenv;Iinfo;Mmsg;wtext=${text};` + okResult({ attributes: [attr("greeting", text)] });
    const res = await client.execute(alice, a, run(program), "auto", "", [{ denom: "uakt", amount: "5" }]);
    expect(res.height).toBe(3);
    const hash = Buffer.from(res.transactionHash, "hex").toString("base64");
    expect(await raw(a, "env")).toBe(
      `{"block":{"height":3,"time":"1767225612000000000","chain_id":"embedded-✓"},` +
        `"transaction":{"index":0,"hash":"${hash}"},"contract":{"address":"${a}"}}`,
    );
    expect(await raw(a, "info")).toBe(`{"sender":"${alice}","funds":[{"denom":"uakt","amount":"5"}]}`);
    expect(await raw(a, "msg")).toBe(JSON.stringify(run(program)));
    expect(await raw(a, "text")).toBe(text);
    expect(events(res.events).find((e) => e.type === "wasm")?.attributes).toEqual([
      attr("_contract_address", a),
      attr("greeting", text),
    ]);
  });

  it("moves height and time together; autoAdvance closes a block per tx", async () => {
    const chain = new EmbeddedChain({ blockTimeSeconds: 5, startTime: new Date("2030-01-01T00:00:00Z") });
    expect([chain.height, chain.timeNanos]).toEqual([1, 1893456000000000000n]);
    chain.advanceBlocks(3);
    expect([chain.height, chain.timeNanos]).toEqual([4, 1893456015000000000n]);
    const auto = new EmbeddedChain({ autoAdvance: true });
    await auto.client().upload(auto.addressFor("a"), await scriptContract(), "auto");
    expect(auto.height).toBe(2);
  });
});

describe("events", () => {
  it("formats contract attributes and custom events as wasmd, trimming keys and values", async () => {
    const { client, alice, instantiate } = await setup();
    const a = await instantiate();
    const program = okResult({
      attributes: [attr(" action ", " go ")],
      events: [{ type: " payout ", attributes: [attr("amount", "5")] }],
    });
    const res = await client.execute(alice, a, run(program), "auto");
    expect(events(res.events)).toEqual([
      {
        type: "message",
        attributes: [
          attr("action", "/cosmwasm.wasm.v1.MsgExecuteContract"),
          attr("sender", alice),
          attr("module", "wasm"),
        ],
      },
      { type: "execute", attributes: [attr("_contract_address", a)] },
      { type: "wasm", attributes: [attr("_contract_address", a), attr("action", "go")] },
      { type: "wasm-payout", attributes: [attr("_contract_address", a), attr("amount", "5")] },
    ]);
    expect(res.events.every((e) => e.attributes.at(-1)?.key === "msg_index")).toBe(true);
    const quiet = await client.execute(alice, a, run(okResult({})), "auto");
    expect(events(quiet.events).map((e) => e.type)).toEqual(["message", "execute"]);
  });

  it("rejects reserved or empty attribute keys and short event types", async () => {
    const { chain, client, alice, instantiate } = await setup();
    const a = await instantiate();
    const cases: [Parameters<typeof okResult>[0], string][] = [
      [{ attributes: [attr("_x", "v")] }, "Attribute key starts with reserved prefix _: '_x': invalid event"],
      [{ attributes: [attr("   ", "v")] }, "Empty attribute key. Value: v: invalid event"],
      [{ events: [{ type: " ab ", attributes: [] }] }, "Event type too short: 'ab': invalid event"],
    ];
    for (const [response, text] of cases) {
      expect(await rawLogOf(chain, client.execute(alice, a, run(okResult(response)), "auto"))).toBe(
        `failed to execute message; message index: 0: ${text}`,
      );
      expect(chain.events.at(-1)?.code).toBe(21);
    }
  });
});

describe("code, admins and governance", () => {
  it("rejects an upload the checker rejects, with the checker's message", async () => {
    const { chain, client, alice } = await setup();
    const bad = Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    const report = checkWasm(bad);
    expect(report.ok).toBe(false);
    expect(await rawLogOf(chain, client.upload(alice, bad, "auto"))).toBe(
      "failed to execute message; message index: 0: Error calling the VM: Error during static Wasm validation: " +
        `${new WasmCheckError(report).message}: create wasm contract failed`,
    );
    expect(chain.events.at(-1)?.code).toBe(2);
  });

  it("emits store_code and lists codes", async () => {
    const { client, alice } = await setup();
    const res = await client.upload(alice, await scriptContract(), "auto");
    expect(events(res.events)[1]).toEqual({
      type: "store_code",
      attributes: [attr("code_checksum", res.checksum), attr("code_id", "2"), attr("required_capability", "")],
    });
    expect((await client.getCodes()).map((c) => c.id)).toEqual([1, 2]);
  });

  it("lets only the admin migrate, and the gov authority migrate anything", async () => {
    const { chain, client, alice, bob, codeId, instantiate, raw } = await setup();
    const a = await instantiate();
    expect(await rawLogOf(chain, client.migrate(bob, a, codeId, run(okResult({})), "auto"))).toBe(
      "failed to execute message; message index: 0: can not migrate: unauthorized",
    );
    const res = await client.migrate(alice, a, codeId, run("wm=1;" + okResult({})), "auto");
    expect(events(res.events)[1]).toEqual({
      type: "migrate",
      attributes: [attr("code_id", String(codeId)), attr("_contract_address", a)],
    });
    expect(await raw(a, "m")).toBe("1");
    await client.clearAdmin(alice, a, "auto");
    expect((await client.getContract(a)).admin).toBeUndefined();
    await rawLogOf(chain, client.migrate(alice, a, codeId, run(okResult({})), "auto"));
    await chain.asGov().migrate("ignored", a, codeId, run("wm=2;" + okResult({})), "auto");
    expect(await raw(a, "m")).toBe("2");
    const sudo = await chain.asGov().sudo(a, run("ws=1;" + okResult({})));
    expect(events(sudo.events)[1]).toEqual({ type: "sudo", attributes: [attr("_contract_address", a)] });
  });

  it("stores code only through governance when upload access is Nobody", async () => {
    const chain = new EmbeddedChain({ uploadAccess: "nobody" });
    const alice = chain.addressFor("alice");
    expect(await rawLogOf(chain, chain.client().upload(alice, await scriptContract(), "auto"))).toBe(
      "failed to execute message; message index: 0: can not create code: unauthorized",
    );
    const res = await chain.asGov().upload(alice, await scriptContract(), "auto");
    expect((await chain.client().getCodes())[0]).toEqual({
      id: res.codeId,
      creator: chain.govAddress,
      checksum: res.checksum,
    });
  });
});

describe("snapshots and determinism", () => {
  it("restores the whole state and replays to identical outputs", async () => {
    const { chain, client, alice, instantiate, raw } = await setup();
    const a = await instantiate("wcount=1;" + okResult({}));
    const snap = chain.snapshot();
    const first = await client.execute(
      alice,
      a,
      run("wcount=9;" + okResult({ attributes: [attr("n", "9")] })),
      "auto",
      "",
      [{ denom: "uakt", amount: "7" }],
    );
    expect(await raw(a, "count")).toBe("9");
    chain.restore(snap);
    expect(await raw(a, "count")).toBe("1");
    expect(chain.balance(a)).toBe(0n);
    const again = await client.execute(
      alice,
      a,
      run("wcount=9;" + okResult({ attributes: [attr("n", "9")] })),
      "auto",
      "",
      [{ denom: "uakt", amount: "7" }],
    );
    expect(again).toEqual(first);
  });

  it("produces the same log from the same inputs on two chains", async () => {
    const play = async () => {
      const { chain, client, alice, instantiate } = await setup();
      const a = await instantiate();
      await client.execute(alice, a, run("wk=v;" + okResult({ attributes: [attr("k", "v")] })), "auto");
      await client.execute(alice, a, run("aboom;"), "auto").catch(() => undefined);
      return JSON.stringify(chain.events, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    };
    expect(await play()).toBe(await play());
  });
});

describe("crypto imports", () => {
  // Regions are modelled as handles into a list; the imports only read and allocate through these four functions.
  function host() {
    const regions: Uint8Array[] = [new Uint8Array()];
    const io = {
      readRegion: (ptr: number) => regions[ptr]!,
      toContract: (data: Uint8Array) => regions.push(data) - 1,
      charge: () => undefined,
      hostError: (m: string) => new VmError(m),
    };
    const put = (data: Uint8Array) => io.toContract(data);
    return { imports: cryptoImports(io), put, regions };
  }

  it("verifies and recovers secp256k1 and verifies ed25519 with cosmwasm-crypto's return codes", () => {
    const { imports, put, regions } = host();
    const key = sha256(enc.encode("key"));
    const hash = sha256(enc.encode("message"));
    const sig = secp256k1.sign(hash, key, { prehash: false });
    const compact = sig.toBytes("compact");
    const pub = secp256k1.getPublicKey(key, true);
    expect(imports.secp256k1_verify!(put(hash), put(compact), put(pub))).toBe(0);
    expect(imports.secp256k1_verify!(put(sha256(enc.encode("other"))), put(compact), put(pub))).toBe(1);
    expect(imports.secp256k1_verify!(put(hash.slice(1)), put(compact), put(pub))).toBe(3);
    const recovered = imports.secp256k1_recover_pubkey!(put(hash), put(compact), sig.recovery) as bigint;
    expect(recovered >> 32n).toBe(0n);
    expect(regions[Number(recovered)]).toEqual(secp256k1.getPublicKey(key, false));
    expect((imports.secp256k1_recover_pubkey!(put(hash), put(compact), 7) as bigint) >> 32n).toBe(6n);
    const edKey = sha256(enc.encode("ed"));
    const edSig = ed25519.sign(enc.encode("hi"), edKey);
    const edPub = ed25519.getPublicKey(edKey);
    expect(imports.ed25519_verify!(put(enc.encode("hi")), put(edSig), put(edPub))).toBe(0);
    expect(imports.ed25519_verify!(put(enc.encode("ho")), put(edSig), put(edPub))).toBe(1);
  });
});

describe("state layers", () => {
  it("scans a prefix in key order across layers, honouring deletes, and commits or drops", () => {
    const root = Layer.root<number>();
    root.set("a/1", 1);
    root.set("a/3", 3);
    root.set("b/1", 9);
    expect(root.entries("a/")).toEqual([
      ["a/1", 1],
      ["a/3", 3],
    ]);
    const tx = root.child();
    tx.set("a/2", 2);
    tx.delete("a/1");
    const dropped = tx.child();
    dropped.set("a/9", 9);
    expect(tx.entries("a/")).toEqual([
      ["a/2", 2],
      ["a/3", 3],
    ]);
    expect(root.entries("a/")).toEqual([
      ["a/1", 1],
      ["a/3", 3],
    ]);
    tx.commit();
    expect(root.entries("a/")).toEqual([
      ["a/2", 2],
      ["a/3", 3],
    ]);
    root.set("a/0", 0);
    expect(root.entries("a/").map(([k]) => k)).toEqual(["a/0", "a/2", "a/3"]);
    expect(root.get("a/9")).toBeUndefined();
  });
});
