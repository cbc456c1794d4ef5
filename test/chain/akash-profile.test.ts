import { describe, expect, it } from "vitest";
import { EmbeddedChain, TxError } from "../../sim/index.js";
import { okResult, run, scriptContract } from "../helpers/wat.js";

const dec = new TextDecoder();

async function setup(akash: boolean) {
  const chain = new EmbeddedChain({ akash });
  const client = chain.client();
  const gov = chain.asGov();
  const alice = chain.addressFor("alice");
  const { codeId } = await gov.upload(alice, await scriptContract(), "auto");
  const { contractAddress: a } = await client.instantiate(alice, codeId, run(okResult({})), "probe", "auto");
  chain.fund(a, [
    { denom: "uact", amount: "100" },
    { denom: "uakt", amount: "100" },
  ]);
  /** Execute a contract that emits `msg` as a submessage; resolves to the raw log ("" on success). */
  const emit = async (msg: unknown, replyOn = "never", replyProgram = "") => {
    const program = replyProgram + okResult({ messages: [{ id: 1, msg, gas_limit: null, reply_on: replyOn }] });
    try {
      await client.execute(alice, a, run(program), "auto");
      return "";
    } catch (e) {
      if (!(e instanceof TxError)) throw e;
      return e.record.rawLog;
    }
  };
  return { chain, client, gov, alice, a, codeId, emit };
}

const PREFIX = "failed to execute message; message index: 0: ";

describe("Akash profile", () => {
  it("refuses bank burn with a clear error, and redacts it when delivered to reply", async () => {
    const { chain, a, emit } = await setup(true);
    const burn = { bank: { burn: { amount: [{ denom: "uakt", amount: "1" }] } } };
    expect(await emit(burn)).toBe(`${PREFIX}Akash message filter: bank burn is not allowed on Akash`);
    expect(await emit(burn, "error", "WR=Mreply;" + okResult({}) + "~")).toBe("");
    const stored = await chain.client().queryContractRaw(a, new TextEncoder().encode("reply"));
    expect(dec.decode(stored ?? new Uint8Array())).toBe(
      '{"gas_used":0,"id":1,"result":{"error":"codespace: wasm, code: 17"}}',
    );
    expect(chain.balance(a, "uakt")).toBe(100n);
  });

  it("refuses distribution, staking, gov, ibc, custom, stargate and foreign Any messages", async () => {
    const { emit } = await setup(true);
    const cases: [unknown, string][] = [
      [{ distribution: { fund_community_pool: { amount: [] } } }, "distribution fund_community_pool"],
      [{ staking: { delegate: { validator: "v", amount: { denom: "uakt", amount: "1" } } } }, "staking delegate"],
      [{ gov: { vote: { proposal_id: 1, option: "yes" } } }, "gov vote"],
      [{ ibc: { close_channel: { channel_id: "channel-0" } } }, "ibc close_channel"],
      [{ ibc2: { send_packet: {} } }, "ibc2 send_packet"],
      [{ custom: {} }, "custom"],
      [{ stargate: { type_url: "/cosmos.bank.v1beta1.MsgSend", value: "" } }, "stargate /cosmos.bank.v1beta1.MsgSend"],
      [{ any: { type_url: "/cosmos.bank.v1beta1.MsgSend", value: "" } }, "any /cosmos.bank.v1beta1.MsgSend"],
    ];
    for (const [msg, name] of cases) {
      expect(await emit(msg)).toBe(`${PREFIX}Akash message filter: ${name} is not allowed on Akash`);
    }
    // The one allowed Any passes the filter; the embedded chain has no x/oracle to route it to.
    expect(await emit({ any: { type_url: "/akash.oracle.v2.MsgAddPriceEntry", value: "" } })).toBe(
      `${PREFIX}can't route message with type URL /akash.oracle.v2.MsgAddPriceEntry: unknown request`,
    );
  });

  it("refuses sends to module accounts and of uact, allows plain bank sends", async () => {
    const { chain, a, emit, client, alice } = await setup(true);
    const send = (to: string, denom = "uakt") => ({
      bank: { send: { to_address: to, amount: [{ denom, amount: "1" }] } },
    });
    expect(await emit(send(chain.govAddress))).toBe(
      `${PREFIX}Akash message filter: bank send to blocked address ${chain.govAddress} is not allowed on Akash`,
    );
    const distribution = chain.moduleAddress("distribution");
    expect(await emit(send(distribution))).toBe(
      `${PREFIX}Akash message filter: bank send to blocked address ${distribution} is not allowed on Akash`,
    );
    expect(await emit(send(alice, "uact"))).toBe(
      `${PREFIX}uact transfers are currently disabled: send transactions are disabled`,
    );
    expect(await emit(send(alice))).toBe("");
    expect(chain.balance(a, "uakt")).toBe(99n);
    chain.fund(alice, [{ denom: "uact", amount: "5" }]);
    const res = await client.sendTokens(alice, chain.addressFor("bob"), [{ denom: "uact", amount: "1" }], "auto");
    expect(res.code).toBe(5);
    expect(chain.events.at(-1)?.rawLog).toBe(
      `${PREFIX}uact transfers are currently disabled: send transactions are disabled`,
    );
  });

  it("lets the same messages through on plain wasmd, where only module accounts but gov are blocked", async () => {
    const { chain, emit, alice } = await setup(false);
    expect(await emit({ bank: { burn: { amount: [{ denom: "uakt", amount: "1" }] } } })).toBe("");
    expect(
      await emit({ bank: { send: { to_address: chain.govAddress, amount: [{ denom: "uakt", amount: "1" }] } } }),
    ).toBe("");
    expect(await emit({ bank: { send: { to_address: alice, amount: [{ denom: "uact", amount: "1" }] } } })).toBe("");
    const distribution = chain.moduleAddress("distribution");
    expect(await emit({ bank: { send: { to_address: distribution, amount: [{ denom: "uakt", amount: "1" }] } } })).toBe(
      `${PREFIX}${distribution} is not allowed to receive funds: unauthorized`,
    );
  });

  it("stores code only through governance and offers the akash capability", async () => {
    const { chain, client, gov, alice } = await setup(true);
    const needsAkash = await scriptContract('(func (export "requires_akash"))');
    await expect(client.upload(alice, needsAkash, "auto")).rejects.toThrow(
      `${PREFIX}can not create code: unauthorized`,
    );
    const res = await gov.upload(alice, needsAkash, "auto");
    expect(res.events[1]?.attributes.filter((x) => x.key === "required_capability")).toEqual([
      { key: "required_capability", value: "akash" },
    ]);
    const plain = new EmbeddedChain();
    await expect(plain.client().upload(alice, needsAkash, "auto")).rejects.toThrow("create wasm contract failed");
    expect(plain.events[0]?.rawLog).toContain("akash");
    expect(chain.events.length).toBeGreaterThan(0);
  });
});
