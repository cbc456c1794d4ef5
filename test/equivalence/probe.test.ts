/**
 * Embedded chain ≡ wasmd. The same governance deployment and the same scripted calls run on a fresh wasmd localnet
 * and on a fresh EmbeddedChain; every observation (events in order, error texts, query results, balances) must be
 * equal. The allowed differences are listed and removed in helpers/equivalence.ts, nothing else.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EmbeddedChain } from "../../sim/index.js";
import { EmbeddedGovernance } from "../../sim/chain/governance.js";
import { NodeGovernance } from "../../scripts/localnode/governance.js";
import { repoRoot } from "../../scripts/lib/repo-root.js";
import { realChainAvailable, realChainTitle, withLocalnode } from "../helpers/backends.js";
import {
  runScriptDetailed,
  type GasRecord,
  type Observation,
  type RunOptions,
  type Step,
} from "../helpers/equivalence.js";
import { embeddedGasUsed, expectSameObservations, wasmdGasUsed } from "../helpers/equivalence-run.js";
import { compareGas } from "../helpers/gas-compare.js";
import type { Governance } from "../../sim/interface/governance.js";
import type { ChainClient, Coin } from "../../sim/interface/client.js";

const probeWasm = (): Uint8Array => readFileSync(join(repoRoot(), "build", "test", "probe.wasm"));
const uakt = (n: number): Coin[] => [{ denom: "uakt", amount: String(n) }];

/** A recipient that never signs (bech32 of sha256("equivalence recipient")[..20]), so fees never touch its balance. */
const RECIPIENT = "akash1jkg6l8c4uvj85f3fvdge2saz436d7rc524g9j3";

function probeScript(sender: string): Step[] {
  return [
    { kind: "execute", name: "increment", sender, msg: { increment: {} } },
    { kind: "execute", name: "increment again (fresh instance)", sender, msg: { increment: {} } },
    { kind: "execute", name: "put non-ASCII", sender, msg: { put: { key: "grüße", value: '日本語 ✓ "quoted"' } } },
    { kind: "execute", name: "put second", sender, msg: { put: { key: "alpha", value: "1" } } },
    { kind: "execute", name: "write then contract error", sender, msg: { write_then_fail: {} } },
    { kind: "execute", name: "write then abort", sender, msg: { write_then_abort: {} } },
    { kind: "query", name: "count after rollbacks", msg: { count: {} } },
    { kind: "query", name: "list", msg: { list: {} } },
    {
      kind: "execute",
      name: "bank send submessage with reply",
      sender,
      msg: { send: { to: RECIPIENT, amount: uakt(250), reply_on: "always", id: 7 } },
      funds: uakt(1000),
    },
    { kind: "query", name: "last reply", msg: { last_reply: {} } },
    {
      kind: "execute",
      name: "failing send caught by reply_on error",
      sender,
      msg: { send: { to: RECIPIENT, amount: uakt(1_000_000), reply_on: "error", id: 8 } },
    },
    { kind: "query", name: "last reply after failure", msg: { last_reply: {} } },
    {
      kind: "execute",
      name: "failing send with reply_on never",
      sender,
      msg: { send: { to: RECIPIENT, amount: uakt(1_000_000), reply_on: "never", id: 9 } },
    },
    {
      kind: "execute",
      name: "custom events",
      sender,
      msg: {
        emit: {
          attrs: [{ key: "k", value: "v" }],
          events: [
            {
              type: "probe_event",
              attributes: [
                { key: "a", value: "1" },
                { key: "b", value: "ü" },
              ],
            },
          ],
        },
      },
    },
    {
      kind: "execute",
      name: "reserved attribute key",
      sender,
      msg: { emit: { attrs: [{ key: "_bad", value: "v" }], events: [] } },
    },
    { kind: "execute", name: "contract error text", sender, msg: { fail: { message: "nope: 42" } } },
    { kind: "execute", name: "unknown variant", sender, msg: { frobnicate: {} } },
    { kind: "execute", name: "missing field", sender, msg: { set: {} } },
    { kind: "execute", name: "echo info", sender, msg: { echo_info: {} }, funds: uakt(5) },
    // The community pool (docs/embedded-chain.md#community-pool): distribution's message is refused, x/protocolpool's
    // MsgFundCommunityPool as `Any` moves the coins to its module account; a foreign depositor and no coins fail.
    {
      kind: "execute",
      name: "distribution fund_community_pool refused",
      sender,
      msg: { fund_pool: { amount: uakt(7) } },
    },
    {
      kind: "execute",
      name: "protocolpool fund_community_pool",
      sender,
      msg: { fund_protocol_pool: { amount: uakt(7) } },
      funds: uakt(7),
    },
    {
      kind: "execute",
      name: "protocolpool fund with another depositor",
      sender,
      msg: { fund_protocol_pool: { amount: uakt(1), depositor: sender } },
    },
    { kind: "execute", name: "protocolpool fund without coins", sender, msg: { fund_protocol_pool: { amount: [] } } },
    { kind: "query", name: "unknown query variant", msg: { nope: {} } },
    { kind: "query", name: "bank query through the contract", msg: { balance: { address: RECIPIENT, denom: "uakt" } } },
    { kind: "query", name: "u128 math", msg: { u128: { op: "mul", a: "18446744073709551616", b: "3" } } },
    {
      kind: "query",
      name: "u128 overflow",
      msg: { u128: { op: "add", a: "340282366920938463463374607431768211455", b: "1" } },
    },
    { kind: "query", name: "keccak", msg: { keccak: { data_hex: "616263" } } },
    { kind: "balance", name: "recipient balance", address: RECIPIENT, denom: "uakt" },
  ];
}

async function deployProbe(governance: Governance): Promise<string> {
  const { codeId } = await governance.storeCode(probeWasm());
  const { address } = await governance.instantiate(codeId, { count: 0 }, "equivalence-probe", {});
  return address;
}

async function observe(
  client: ChainClient,
  governance: Governance,
  sender: string,
  opts: RunOptions,
): Promise<{ address: string; obs: Observation[]; gas: GasRecord[] }> {
  const address = await deployProbe(governance);
  const { obs, gas } = await runScriptDetailed(client, address, probeScript(sender), opts);
  return { address, obs, gas };
}

describe.skipIf(!(await realChainAvailable()))(await realChainTitle("embedded chain ≡ wasmd: probe contract"), () => {
  const fixture = withLocalnode();

  it("gives the same events, errors, query results and balances on both backends", async () => {
    const { node, client } = fixture;
    const sender = node.accounts[1]!.address;
    const real = await observe(
      client,
      new NodeGovernance(client, { proposer: node.accounts[0]!.address, prefix: node.prefix }),
      sender,
      { txGasUsed: wasmdGasUsed(client) },
    );

    // A client that awaits each tx gets one tx per block on wasmd; autoAdvance gives the same packing (tx index 0).
    const chain = new EmbeddedChain({
      prefix: node.prefix,
      denom: node.denom,
      chainId: node.chainId,
      autoAdvance: true,
    });
    chain.fund(sender, uakt(100_000_000_000)); // the localnet's genesis balance
    const embedded = await observe(chain.client(), new EmbeddedGovernance(chain), sender, {
      txGasUsed: embeddedGasUsed(chain),
    });

    // Same code id and instance sequence on two fresh chains: the classic address derivation must agree.
    expect(embedded.address).toBe(real.address);
    expectSameObservations(embedded.obs, real.obs);
    compareGas("probe", real.gas, embedded.gas);
  });
});
