// Per-contract figures: gas of the main operations (embedded estimate beside wasmd's real gas with --localnode) and
// embedded-chain throughput of the oracle's update path (scripts/pyth/bench-oracle.ts). Each scenario is written once against `ChainBackend`, deploys
// its contract through governance, and runs unchanged on both chains.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ExecuteResult } from "@cosmjs/cosmwasm";
import type { Coin, JsonObject } from "../../sim/interface/client.js";
import { repoRoot } from "../lib/repo-root.js";
import { buildPriceUpdate, testSignerSet, type PriceInput, type SignerMode } from "../pyth/generator.js";
import { benchOracleUpdates, formatOracleBench } from "../pyth/bench-oracle.js";
import { oracleInstantiateMsg, PERMISSIVE_PARAMS } from "../pyth/oracle-deploy.js";
import { embeddedBackend, wasmdBackend } from "./backends.js";
import type { ChainBackend } from "../../sim/interface/backend.js";
import { lastCallMemoryBytes } from "../../sim/chain/vm.js";

export interface GasFigure {
  call: string;
  embeddedGas?: number;
  /** Linear memory at the end of the call on the embedded chain (its peak; the VM allows 32 MiB). */
  embeddedMemory?: number;
  wasmdGas?: number;
}

export interface BenchContext {
  localnode: boolean;
}

export interface BenchOutput {
  lines: string[];
  gas: GasFigure[];
}

type Record = (call: string, result: Pick<ExecuteResult, "gasUsed">) => void;
type Scenario = (b: ChainBackend, record: Record) => Promise<void>;

const AKT_USD = "4ea5bb4d2f5900cc2e97ba534240950740b4d3b89fe712a94a7304fd2fd92702";
const USDC_USD = "eaa020c61cc479712813461ce153894a96a6c00b21ed0cfc2798d1f9a9e9c94a";

const wasmAt = (...parts: string[]): Uint8Array => readFileSync(join(repoRoot(), ...parts));

async function deploy(b: ChainBackend, wasm: Uint8Array, msg: JsonObject, label: string): Promise<string> {
  const { codeId } = await b.governance.storeCode(wasm);
  const { address } = await b.governance.instantiate(codeId, msg, label, {});
  return address;
}

const probeScenario: Scenario = async (b, record) => {
  const [sender, other] = b.accounts as [string, string];
  const probe = await deploy(b, wasmAt("build", "test", "probe.wasm"), { count: 0 }, "bench-probe");
  record("probe increment", await b.client.execute(sender, probe, { increment: {} }, "auto"));
  record("probe put", await b.client.execute(sender, probe, { put: { key: "k", value: "v".repeat(64) } }, "auto"));
  const coins: Coin[] = [{ denom: b.denom, amount: "1000" }];
  record(
    "probe send (bank submsg)",
    await b.client.execute(sender, probe, { send: { to: other, amount: coins } }, "auto", undefined, coins),
  );
};

function prices(feeds: number, publishTime: number): PriceInput[] {
  const ids = [AKT_USD, USDC_USD].slice(0, feeds);
  return ids.map((feedId, i) => ({ feedId, price: 55_181_788n + BigInt(i), conf: 136_842n, expo: -8, publishTime }));
}

const oracleScenario: Scenario = async (b, record) => {
  const [sender] = b.accounts as [string];
  const msg = oracleInstantiateMsg({
    admin: b.governance.govAddress,
    signerSets: [testSignerSet("legacy"), testSignerSet("router")],
    feeds: [AKT_USD, USDC_USD],
    params: PERMISSIVE_PARAMS,
  });
  const oracle = await deploy(b, wasmAt("artifacts", "oracle.wasm"), msg, "bench-oracle");
  const cases: [SignerMode, number, number][] = [
    ["legacy", 13, 1],
    ["legacy", 13, 2],
    ["router", 3, 1],
    ["router", 3, 2],
  ];
  let t = (await b.now()) - 5;
  for (const [mode, sigs, feeds] of cases) {
    // Each update must be newer than the last, or the contract ignores it and the figure would not be an update.
    t += 1;
    const update = buildPriceUpdate(prices(feeds, t), { mode });
    const res = await b.client.execute(sender, oracle, { update_price_feeds: { data: [update.base64] } }, "auto");
    record(`oracle update ${sigs} sigs, ${feeds} feed${feeds > 1 ? "s" : ""}`, res);
  }
};

const escrowScenario: Scenario = async (b, record) => {
  const [owner, provider, ...depositors] = b.accounts as [string, string, ...string[]];
  if (depositors.length < 49) throw new Error(`escrow bench needs 51 accounts, the backend has ${b.accounts.length}`);
  const msg = { admin: b.governance.govAddress, limits: { max_deposits: 50, max_payments: 10, max_alerts: 10 } };
  const escrow = await deploy(b, wasmAt("artifacts", "escrow.wasm"), msg, "bench-escrow");
  // A new deposit entry from someone other than the owner must be at least min_deposit (500,000 by default).
  const entry: Coin[] = [{ denom: b.denom, amount: "500000" }];
  const exec = (sender: string, m: JsonObject, funds?: Coin[]): Promise<ExecuteResult> =>
    b.client.execute(sender, escrow, m, "auto", undefined, funds);
  /** Opens `id` with `deposits` entries: the owner's, then one per further depositor. */
  const open = async (id: string, deposits: number): Promise<void> => {
    await exec(owner, { create_account: { id } }, entry);
    for (const d of depositors.slice(0, deposits - 1)) await exec(d, { deposit: { id } }, entry);
  };

  await open("bench/deposit", 1);
  record("escrow deposit (new entry)", await exec(depositors[0]!, { deposit: { id: "bench/deposit" } }, entry));

  for (const deposits of [1, 10, 50]) {
    for (const payments of [1, 5]) {
      const id = `bench/settle-${deposits}-${payments}`;
      await open(id, deposits);
      for (let p = 0; p < payments; p++) {
        await exec(owner, { create_payment: { id, payment_id: `p${p}`, provider, denom: b.denom, rate: "7.5" } });
      }
      await b.advance(2);
      record(`escrow settle, ${deposits} deposits, ${payments} payments`, await exec(owner, { settle: { id } }));
    }
  }

  const id = "bench/close-10";
  await open(id, 10);
  await exec(owner, { create_payment: { id, payment_id: "lease", provider, denom: b.denom, rate: "3" } });
  await b.advance(2);
  record("escrow close_account, 10 depositors", await exec(owner, { close_account: { id } }));
};

/**
 * Every escrow entry point at its configured maxima (docs/escrow.md, "Bounds and anti-griefing"): 50 deposit entries of
 * which 30 drawn from named grants holding `max_scopes` 128-character scopes each, 10 payments, 10 alerts.
 */
const escrowWorstCaseScenario: Scenario = async (b, record) => {
  const [owner, provider, ...others] = b.accounts as [string, string, ...string[]];
  if (others.length < 49) throw new Error(`escrow bench needs 51 accounts, the backend has ${b.accounts.length}`);
  const sponsors = others.slice(0, 30);
  const depositors = others.slice(30, 49);
  const limits = { max_deposits: 50, max_payments: 10, max_alerts: 10, max_scopes: 20 };
  const escrow = await deploy(
    b,
    wasmAt("artifacts", "escrow.wasm"),
    { admin: b.governance.govAddress, limits },
    "bench-escrow-max",
  );
  const coin = (amount: number | bigint): Coin[] => [{ denom: b.denom, amount: amount.toString() }];
  const exec = (sender: string, m: JsonObject, funds?: Coin[]): Promise<ExecuteResult> =>
    b.client.execute(sender, escrow, m, "auto", undefined, funds);
  const ids = ["bench/max-close", "bench/max-overdraft"];
  // The account's id last, so every draw reads a full scope list before it matches.
  const scopes = Array.from({ length: limits.max_scopes - ids.length }, (_, i) => `bench/${i}/`.padEnd(128, "x"));
  scopes.push(...ids);
  for (const [i, s] of sponsors.entries()) {
    const res = await exec(s, { grant: { grantee: owner, scopes } }, coin(1_000_000));
    if (i === 0) record("escrow max: grant, 20 scopes of 128 chars", res);
  }
  /** Opens `id` at the maxima: owner entry, 30 grant entries, 19 depositor entries, 10 payments. */
  const fill = async (id: string, rate: string, tag: string): Promise<void> => {
    await exec(owner, { create_account: { id } }, coin(500_000));
    const amount = { denom: b.denom, amount: String(500_000 * sponsors.length) };
    const drawn = await exec(owner, { deposit: { id, amount, sources: ["grant"], sponsors } });
    record(`escrow max: deposit from 30 named grants${tag}`, drawn);
    for (const d of depositors) await exec(d, { deposit: { id } }, coin(500_000));
    for (let p = 0; p < limits.max_payments; p++) {
      const res = await exec(owner, { create_payment: { id, payment_id: `p${p}`, provider, denom: b.denom, rate } });
      if (p === limits.max_payments - 1) record(`escrow max: create_payment, 50 entries${tag}`, res);
    }
  };

  const [closing, overdrawn] = ids as [string, string];
  await fill(closing, "3", "");
  const kinds = [{ amount: "1" }, { blocks_left: 1 }, { percent_of_peak: "1" }];
  for (let a = 0; a < limits.max_alerts; a++) {
    const who = a < kinds.length ? owner : depositors[a]!;
    const res = await exec(who, { set_alert: { id: closing, denom: b.denom, below: kinds[a % kinds.length]! } });
    if (a === limits.max_alerts - 1) record("escrow max: set_alert, 10th alert", res);
  }
  await b.advance(2);
  record("escrow max: settle, 50 entries, 10 payments, 10 alerts", await exec(owner, { settle: { id: closing } }));
  record("escrow max: withdraw", await exec(provider, { withdraw: { id: closing, payment_id: "p0" } }));
  record("escrow max: close_payment", await exec(owner, { close_payment: { id: closing, payment_id: "p1" } }));
  const removeOther = { id: closing, denom: b.denom, kind: "amount", registrant: depositors[9]! };
  record("escrow max: owner removes a depositor's alert", await exec(owner, { remove_alert: removeOther }));
  record(
    "escrow max: close_account, 50 refunds (30 into grants)",
    await exec(owner, { close_account: { id: closing } }),
  );

  await fill(overdrawn, "250000", " (2nd account)");
  await b.advance(60);
  record("escrow max: settle → overdraft, 50 refunds", await exec(owner, { settle: { id: overdrawn } }));
  record(
    "escrow max: deposit into overdrawn → close",
    await exec(owner, { deposit: { id: overdrawn } }, coin(1_000_000_000)),
  );
  const revoke = await exec(sponsors[0]!, { revoke_grant: { grantee: owner } });
  record("escrow max: revoke_grant", revoke);
};

/**
 * bme (docs/bme.md): a request of each kind, the crank with 1 record of each kind and with 50 (one per account, as
 * pending records are capped per owner), an allow-listed CW20 transfer, and ACT into the escrow (CW20 send + hook). The oracle keeps prices for years here,
 * so wasmd's slower blocks never make the price stale mid-scenario.
 */
export const bmeScenario: Scenario = async (b, record) => {
  const [admin, user, ...many] = b.accounts as [string, string, ...string[]];
  if (many.length < 50) throw new Error(`bme bench needs 52 accounts, the backend has ${b.accounts.length}`);
  const oracleMsg = oracleInstantiateMsg({
    admin: b.governance.govAddress,
    signerSets: [testSignerSet("legacy")],
    feeds: [AKT_USD],
    params: PERMISSIVE_PARAMS,
  });
  const oracle = await deploy(b, wasmAt("artifacts", "oracle.wasm"), oracleMsg, "bench-bme-oracle");
  const params = {
    circuit_breaker_warn_threshold: 9500,
    circuit_breaker_halt_threshold: 9000,
    min_epoch_blocks: 1,
    epoch_blocks_backoff_percent: 10,
    mint_spread_bps: 25,
    settle_spread_bps: 0,
    max_endblocker_records: 50,
    min_mint: "10000000",
    max_pending_attempts: 3,
  };
  const bmeMsg = { admin, oracle, allowed: [admin], params };
  const bme = await deploy(b, wasmAt("artifacts", "bme.wasm"), bmeMsg, "bench-bme");
  const update = buildPriceUpdate([
    { feedId: AKT_USD, price: 100_000_000n, conf: 100_000n, expo: -8, publishTime: (await b.now()) - 6 },
  ]);
  await b.client.execute(admin, oracle, { update_price_feeds: { data: [update.base64] } }, "auto");
  const exec = (sender: string, m: JsonObject, funds?: Coin[]): Promise<ExecuteResult> =>
    b.client.execute(sender, bme, m, "auto", undefined, funds);
  const akt = (n: number): Coin[] => [{ denom: b.denom, amount: String(n) }];
  await exec(admin, { fund_vault: {} }, akt(1_000_000_000));
  const crank = async (): Promise<ExecuteResult> => {
    await b.advance(2);
    return exec(admin, { process_epoch: {} });
  };
  record("bme mint_act (queue)", await exec(user, { mint_act: {} }, akt(100_000_000)));
  record("bme process_epoch, 1 mint", await crank());
  record("bme transfer to allow-listed", await exec(user, { transfer: { recipient: admin, amount: "1000000" } }));
  record("bme redeem_act (queue)", await exec(user, { redeem_act: { amount: "20000000" } }));
  record("bme process_epoch, 1 redemption", await crank());
  // bme's ACT into the escrow: the CW20 send and the escrow's receive hook, one tx.
  const act = `cw20:${bme}`;
  const escrowMsg = { admin: b.governance.govAddress, denoms: [{ denom: b.denom }, { denom: act }] };
  const escrow = await deploy(b, wasmAt("artifacts", "escrow.wasm"), escrowMsg, "bench-bme-escrow");
  await exec(admin, { update_config: { allowed: [admin, escrow] } });
  const hook = (inner: JsonObject): string => Buffer.from(JSON.stringify(inner)).toString("base64");
  record(
    "escrow create_account in bme ACT (send)",
    await exec(user, {
      send: { contract: escrow, amount: "10000000", msg: hook({ create_account: { id: "act/1" } }) },
    }),
  );
  record(
    "escrow deposit in bme ACT (send, top-up)",
    await exec(user, { send: { contract: escrow, amount: "1000000", msg: hook({ deposit: { id: "act/1" } }) } }),
  );
  const fifty = many.slice(0, 50);
  for (const a of fifty) await exec(a, { mint_act: {} }, akt(20_000_000));
  record("bme process_epoch, 50 mints", await crank());
  for (const a of fifty) await exec(a, { redeem_act: { amount: "10000000" } });
  record("bme process_epoch, 50 redemptions", await crank());
};

/**
 * Escrow funded in a CW20 token (the test fixture token, standing in for bme's ACT) through the receive hook. Each
 * figure is the whole tx: the token's `send` plus the escrow's `receive` (and the token `transfer`s it pays out by).
 */
export const escrowCw20Scenario: Scenario = async (b, record) => {
  const [owner, provider, sponsor] = b.accounts as [string, string, string];
  const init = {
    name: "Test ACT",
    symbol: "TACT",
    decimals: 6,
    initial_balances: [owner, sponsor].map((address) => ({ address, amount: "1000000000000" })),
  };
  const token = await deploy(b, wasmAt("build", "test", "cw20.wasm"), init, "bench-cw20");
  const act = `cw20:${token}`;
  const msg = {
    admin: b.governance.govAddress,
    denoms: [{ denom: b.denom }, { denom: act }],
  };
  const escrow = await deploy(b, wasmAt("artifacts", "escrow.wasm"), msg, "bench-escrow-cw20");
  const send = (sender: string, amount: number, inner: JsonObject): Promise<ExecuteResult> => {
    const hook = Buffer.from(JSON.stringify(inner)).toString("base64");
    return b.client.execute(sender, token, { send: { contract: escrow, amount: String(amount), msg: hook } }, "auto");
  };
  const id = "bench/act";
  record(
    "cw20 fixture transfer (reference)",
    await b.client.execute(
      owner,
      token,
      {
        transfer: { recipient: sponsor, amount: "1" },
      },
      "auto",
    ),
  );
  record("escrow ACT create_account via CW20 send", await send(owner, 500_000, { create_account: { id } }));
  record("escrow ACT deposit via CW20 send (new entry)", await send(sponsor, 500_000, { deposit: { id } }));
  record("escrow ACT deposit via CW20 send (top-up)", await send(sponsor, 1_000, { deposit: { id } }));
  const pay = { create_payment: { id, payment_id: "p", provider, denom: act, rate: "3" } };
  await b.client.execute(owner, escrow, pay, "auto");
  await b.advance(2);
  record(
    "escrow ACT close_account (3 CW20 transfers: provider, 2 refunds)",
    await b.client.execute(owner, escrow, { close_account: { id } }, "auto"),
  );
};

const SCENARIOS: Scenario[] = [
  probeScenario,
  oracleScenario,
  escrowScenario,
  escrowWorstCaseScenario,
  escrowCw20Scenario,
  bmeScenario,
];

async function gasOn(b: ChainBackend, memory?: Map<string, number>): Promise<Map<string, number>> {
  const gas = new Map<string, number>();
  const record: Record = (call, result) => {
    gas.set(call, Number(result.gasUsed));
    memory?.set(call, lastCallMemoryBytes());
  };
  for (const s of SCENARIOS) await s(b, record);
  return gas;
}

export async function benchContracts(ctx: BenchContext): Promise<BenchOutput> {
  const oracle = [];
  for (const [mode, feedsPerUpdate] of [
    ["router", 1],
    ["legacy", 1],
    ["legacy", 2],
  ] as const) {
    oracle.push(await benchOracleUpdates({ mode, updates: 100, feedsPerUpdate }));
  }
  const lines = formatOracleBench(oracle);
  const memory = new Map<string, number>();
  const embedded = await gasOn(embeddedBackend(), memory);
  let wasmd = new Map<string, number>();
  if (ctx.localnode) {
    const b = await wasmdBackend();
    try {
      wasmd = await gasOn(b);
    } finally {
      await b.close();
    }
  }
  const gas = [...embedded.keys()].map((call) => ({
    call,
    embeddedGas: embedded.get(call),
    embeddedMemory: memory.get(call),
    wasmdGas: wasmd.get(call),
  }));
  lines.push("");
  return { lines, gas };
}
