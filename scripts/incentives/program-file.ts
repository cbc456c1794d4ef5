/**
 * Program descriptions for operators: a readable YAML file → the contract's `ProgramDef` (clients/Incentives.types),
 * checked with the contract's own rules so a proposal never fails on chain for a field the file got wrong; every
 * error names the field. Also the governance proposal that funds and creates the program, and attestor report CSVs.
 */
import { parse as parseYaml } from "yaml";
import type { ProgramDef, ReportRow } from "../../clients/Incentives.types.js";

export class ProgramFileError extends Error {
  override name = "ProgramFileError";
}

type Obj = Record<string, unknown>;

const fail = (field: string, why: string): never => {
  throw new ProgramFileError(`${field}: ${why}`);
};

function obj(v: unknown, field: string): Obj {
  if (typeof v !== "object" || v === null || Array.isArray(v)) fail(field, "expected a mapping");
  return v as Obj;
}

function only(o: Obj, field: string, keys: readonly string[]): void {
  for (const k of Object.keys(o))
    if (!keys.includes(k))
      fail(field === "" ? k : `${field}.${k}`, `unknown field (expected one of ${keys.join(", ")})`);
}

function str(v: unknown, field: string): string {
  if (typeof v !== "string" || v === "") fail(field, "expected a non-empty string");
  return v as string;
}

function int(v: unknown, field: string, min: number, max: number): number {
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < min || v > max)
    fail(field, `expected a whole number from ${min} to ${max}`);
  return v as number;
}

/** "7d", "36h", "90m", "45s" or a number of seconds. */
export function seconds(v: unknown, field: string): number {
  if (typeof v === "number") return int(v, field, 0, 10_000_000_000);
  const m = typeof v === "string" ? /^(\d+)\s*([dhms])$/.exec(v.trim()) : null;
  if (m === null) return fail(field, "expected seconds or a duration such as 7d, 36h, 90m, 45s");
  return Number(m[1]) * { d: 86_400, h: 3600, m: 60, s: 1 }[m[2] as "d" | "h" | "m" | "s"];
}

/** An ISO 8601 time (YAML may already have parsed it as a Date) or unix seconds. */
function time(v: unknown, field: string): number {
  if (typeof v === "number") return int(v, field, 0, 100_000_000_000);
  const d = v instanceof Date ? v : typeof v === "string" ? new Date(v) : null;
  if (d === null || Number.isNaN(d.getTime())) return fail(field, "expected an ISO 8601 time or unix seconds");
  if (d.getTime() % 1000 !== 0) fail(field, "whole seconds only");
  return d.getTime() / 1000;
}

/** Exact decimal text (≤ 18 fractional digits) of a YAML number or string. */
export function decimal(v: unknown, field: string): string {
  const text = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : "";
  if (!/^\d+(\.\d{1,18})?$/.test(text)) fail(field, "expected a non-negative decimal number");
  const [i, f = ""] = text.split(".");
  const frac = f.replace(/0+$/, "");
  return `${BigInt(i!)}${frac === "" ? "" : `.${frac}`}`;
}

const atomics = (d: string): bigint => {
  const [i, f = ""] = d.split(".");
  return BigInt(i!) * 10n ** 18n + BigInt(f.padEnd(18, "0"));
};

/** "12.5%" or basis points. */
function bps(v: unknown, field: string, max: number): number {
  if (typeof v === "string" && v.trim().endsWith("%")) {
    const d = decimal(v.trim().slice(0, -1), field);
    const a = atomics(d) * 100n;
    if (a % 10n ** 18n !== 0n) fail(field, "at most two decimals in a percentage");
    return int(Number(a / 10n ** 18n), field, 0, max);
  }
  return int(v, field, 0, max);
}

/** "1500 AKT", "1500000000uakt" or a number of uakt → uakt. */
export function uakt(v: unknown, field: string): bigint {
  if (typeof v === "number") return BigInt(int(v, field, 0, Number.MAX_SAFE_INTEGER));
  const s = typeof v === "string" ? v.trim() : "";
  let m = /^(\d+(?:\.\d{1,6})?)\s*AKT$/i.exec(s);
  if (m) return atomics(m[1]!) / 10n ** 12n;
  m = /^(\d+)\s*uakt$/.exec(s);
  if (m) return BigInt(m[1]!);
  return fail(field, 'expected an amount such as "1500 AKT" or "1500000000uakt"');
}

const ADDRESS = /^[a-z][a-z0-9]*1[02-9ac-hj-np-z]{38,58}$/;

function address(v: unknown, field: string): string {
  const s = str(v, field);
  if (!ADDRESS.test(s)) fail(field, `${s} is not a bech32 account address`);
  return s;
}

function addresses(v: unknown, field: string, max: number): string[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > max) fail(field, `expected a list of 1 to ${max} addresses`);
  const out = (v as unknown[]).map((a, i) => address(a, `${field}[${i}]`));
  out.forEach((a, i) => {
    if (out.indexOf(a) !== i) fail(`${field}[${i}]`, `duplicate ${a}`);
  });
  return out;
}

function name(v: unknown, field: string, max: number): string {
  const s = str(v, field);
  if (s.length > max || !/^[!-~]+$/.test(s) || /[,;`]/.test(s))
    fail(field, `1 to ${max} printable ASCII characters without spaces , ; \``);
  return s;
}

export interface ProgramFile {
  program: ProgramDef;
  /** uakt the proposal moves from the community pool to the contract and assigns to the program. */
  funding: bigint;
}

/** Parses and checks a program description (YAML text). */
export function parseProgramFile(text: string): ProgramFile {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new ProgramFileError(`not valid YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
  const o = obj(raw, "program");
  only(o, "", [
    "name",
    "start",
    "epoch",
    "epochs",
    "end",
    "grace",
    "report_window",
    "attestors",
    "treasury",
    "volatility_buffer",
    "max_providers",
    "pools",
    "revenue",
    "funding",
  ]);
  const programName = str(o.name, "name");
  if (programName.length > 64 || /[,;`]/.test(programName)) fail("name", "1 to 64 characters without , ; `");
  const start = time(o.start, "start");
  const epoch = seconds(o.epoch, "epoch");
  if (epoch < 60) fail("epoch", "at least 60 seconds");
  let end: number;
  if (o.epochs !== undefined) {
    if (o.end !== undefined) fail("end", "give either epochs or end");
    end = start + epoch * int(o.epochs, "epochs", 1, 1000);
  } else {
    end = time(o.end, "end");
    if (end <= start || (end - start) % epoch !== 0) fail("end", "start + a whole number of epochs");
    if ((end - start) / epoch > 1000) fail("end", "at most 1000 epochs after start");
  }
  const numEpochs = (end - start) / epoch;
  const grace = o.grace === undefined ? 30 * 86_400 : seconds(o.grace, "grace");
  const reportWindow = o.report_window === undefined ? 0 : seconds(o.report_window, "report_window");
  if (reportWindow > epoch) fail("report_window", "at most one epoch");
  const t = obj(o.treasury, "treasury");
  only(t, "treasury", ["community_pool", "address"]);
  let treasury: ProgramDef["treasury"];
  if (t.community_pool === true && t.address === undefined) treasury = { mode: "community_pool", address: null };
  else if (t.address !== undefined && t.community_pool === undefined)
    treasury = { mode: "address", address: address(t.address, "treasury.address") };
  else return fail("treasury", "either `address: <gov-controlled account>` or `community_pool: true` (not on Akash)");
  const buffer = o.volatility_buffer === undefined ? 0 : bps(o.volatility_buffer, "volatility_buffer", 100_000);
  const maxProviders = o.max_providers === undefined ? 50 : int(o.max_providers, "max_providers", 1, 100);
  if (!Array.isArray(o.pools) || o.pools.length === 0 || o.pools.length > 4) fail("pools", "1 to 4 pools");
  const pools: ProgramDef["pools"] = [];
  let usd = 0n;
  let akt = 0n;
  (o.pools as unknown[]).forEach((pv, i) => {
    const f = `pools[${i}]`;
    const p = obj(pv, f);
    only(p, f, ["name", "committed", "liquidity_mining", "discretionary"]);
    const poolName = name(p.name, `${f}.name`, 32);
    if (pools.some((x) => x.name === poolName)) fail(`${f}.name`, `${poolName} used twice`);
    const kinds = ["committed", "liquidity_mining", "discretionary"].filter((k) => p[k] !== undefined);
    if (kinds.length !== 1) fail(f, "exactly one of committed, liquidity_mining, discretionary");
    if (p.committed !== undefined) {
      const c = obj(p.committed, `${f}.committed`);
      only(c, `${f}.committed`, ["prices", "providers", "sla_uptime", "term_epochs", "usd_budget"]);
      const prices = Object.entries(obj(c.prices, `${f}.committed.prices`)).map(([model, price]) => {
        const pf = `${f}.committed.prices.${model}`;
        name(model, pf, 32);
        const d = decimal(price, pf);
        if (atomics(d) === 0n || atomics(d) > 1000n * 10n ** 18n) fail(pf, "USD per GPU-hour above 0 and at most 1000");
        return { model, usd_per_hour: d };
      });
      if (prices.length === 0 || prices.length > 20) fail(`${f}.committed.prices`, "1 to 20 models");
      const budget = decimal(c.usd_budget, `${f}.committed.usd_budget`);
      if (atomics(budget) === 0n) fail(`${f}.committed.usd_budget`, "greater than 0");
      usd += atomics(budget);
      pools.push({
        name: poolName,
        committed: {
          prices,
          providers: addresses(c.providers, `${f}.committed.providers`, 100),
          sla_uptime_bps: c.sla_uptime === undefined ? 9900 : bps(c.sla_uptime, `${f}.committed.sla_uptime`, 10_000),
          term_epochs: c.term_epochs === undefined ? 0 : int(c.term_epochs, `${f}.committed.term_epochs`, 0, numEpochs),
          usd_budget: budget,
        },
      });
    } else if (p.liquidity_mining !== undefined) {
      const l = obj(p.liquidity_mining, `${f}.liquidity_mining`);
      only(l, `${f}.liquidity_mining`, ["per_epoch", "min_vram_gb", "models"]);
      const perEpoch = uakt(l.per_epoch, `${f}.liquidity_mining.per_epoch`);
      if (perEpoch === 0n) fail(`${f}.liquidity_mining.per_epoch`, "greater than 0");
      akt += perEpoch * BigInt(numEpochs);
      const models = Object.entries(obj(l.models, `${f}.liquidity_mining.models`)).map(([model, mv]) => {
        const mf = `${f}.liquidity_mining.models.${model}`;
        name(model, mf, 32);
        const m = obj(mv, mf);
        only(m, mf, ["vram_gb", "multiplier"]);
        const mult = m.multiplier === undefined ? "1" : decimal(m.multiplier, `${mf}.multiplier`);
        if (atomics(mult) === 0n || atomics(mult) > 1000n * 10n ** 18n)
          fail(`${mf}.multiplier`, "above 0 and at most 1000");
        return { model, vram_gb: int(m.vram_gb, `${mf}.vram_gb`, 0, 100_000), multiplier: mult };
      });
      if (models.length === 0 || models.length > 20) fail(`${f}.liquidity_mining.models`, "1 to 20 models");
      pools.push({
        name: poolName,
        liquidity_mining: {
          per_epoch: perEpoch.toString(),
          min_vram_gb:
            l.min_vram_gb === undefined ? 24 : int(l.min_vram_gb, `${f}.liquidity_mining.min_vram_gb`, 0, 100_000),
          models,
        },
      });
    } else {
      const d = obj(p.discretionary, `${f}.discretionary`);
      only(d, `${f}.discretionary`, ["budget"]);
      const budget = uakt(d.budget, `${f}.discretionary.budget`);
      if (budget === 0n) fail(`${f}.discretionary.budget`, "greater than 0");
      akt += budget;
      pools.push({ name: poolName, discretionary: { budget: budget.toString() } });
    }
  });
  let revenue: ProgramDef["revenue"] = null;
  if (o.revenue !== undefined) {
    const r = obj(o.revenue, "revenue");
    only(r, "revenue", ["operator", "spot_fee", "reservation_fee"]);
    revenue = {
      operator: address(r.operator, "revenue.operator"),
      spot_fee_bps: bps(r.spot_fee, "revenue.spot_fee", 10_000),
      reservation_fee_bps: bps(r.reservation_fee, "revenue.reservation_fee", 10_000),
    };
  }
  // Funding: an explicit amount, or what the pools need with the USD pools sized at a given AKT price + buffer.
  let funding = 0n;
  if (o.funding !== undefined) {
    const fo = obj(o.funding, "funding");
    only(fo, "funding", ["amount", "akt_price"]);
    if ((fo.amount === undefined) === (fo.akt_price === undefined)) fail("funding", "either amount or akt_price");
    if (fo.amount !== undefined) funding = uakt(fo.amount, "funding.amount");
    else {
      const price = atomics(decimal(fo.akt_price, "funding.akt_price"));
      if (price === 0n) fail("funding.akt_price", "greater than 0");
      const base = (usd * 1_000_000n + price - 1n) / price;
      funding = akt + (base * BigInt(10_000 + buffer) + 9_999n) / 10_000n;
    }
  }
  return {
    program: {
      name: programName,
      start,
      epoch_seconds: epoch,
      end,
      grace,
      report_window: reportWindow,
      attestors: addresses(o.attestors, "attestors", 5),
      treasury,
      volatility_buffer_bps: buffer,
      max_providers: maxProviders,
      pools,
      revenue,
    },
    funding,
  };
}

export interface ProgramProposal {
  messages: Obj[];
  metadata: string;
  deposit: string;
  title: string;
  summary: string;
  expedited: boolean;
}

/**
 * The module that holds the chain's community pool, and so the spend message a proposal must use. `distribution`:
 * x/distribution's own pool. `protocolpool`: Cosmos SDK 0.53's x/protocolpool as distribution's external pool (wasmd
 * 0.61's app), which refuses the distribution spend ("external community pool is enabled").
 */
export type CommunityPoolModule = "distribution" | "protocolpool";

export const COMMUNITY_POOL_SPEND: Record<CommunityPoolModule, string> = {
  distribution: "/cosmos.distribution.v1beta1.MsgCommunityPoolSpend",
  protocolpool: "/cosmos.protocolpool.v1.MsgCommunityPoolSpend",
};

/**
 * The x/gov v1 proposal (`akash tx gov submit-proposal <file>`): a community-pool spend to the contract and, in the
 * same proposal, `create_program` assigning that amount to the program. Both run or neither does.
 */
export function programProposal(
  f: ProgramFile,
  o: {
    contract: string;
    govAddress: string;
    deposit: string;
    title?: string;
    denom?: string;
    communityPool?: CommunityPoolModule;
  },
): ProgramProposal {
  const denom = o.denom ?? "uakt";
  const messages: Obj[] = [];
  if (f.funding > 0n)
    messages.push({
      "@type": COMMUNITY_POOL_SPEND[o.communityPool ?? "distribution"],
      authority: o.govAddress,
      recipient: o.contract,
      amount: [{ denom, amount: f.funding.toString() }],
    });
  messages.push({
    "@type": "/cosmwasm.wasm.v1.MsgExecuteContract",
    sender: o.govAddress,
    contract: o.contract,
    msg: { create_program: { program: f.program, ...(f.funding > 0n ? { from_balance: f.funding.toString() } : {}) } },
    funds: [],
  });
  const p = f.program;
  const epochs = (p.end - p.start) / p.epoch_seconds;
  return {
    messages,
    metadata: "",
    deposit: o.deposit,
    title: o.title ?? `Incentive program: ${p.name}`,
    summary:
      `Create the incentive program "${p.name}" on ${o.contract}: ${epochs} epochs of ${p.epoch_seconds} s from ` +
      `${new Date(p.start * 1000).toISOString()}, pools ${p.pools.map((x) => x.name).join(", ")}, funded with ` +
      `${f.funding}${denom} from the community pool. Unused funds return to ` +
      `${p.treasury.mode === "address" ? p.treasury.address! : "the community pool"} (docs/incentives.md).`,
    expedited: false,
  };
}

/** An attestor's epoch CSV: header `provider,gpu_model,gpu_count,uptime_bps[,utilization_bps]`, one row per provider. */
export function parseReportCsv(text: string): ReportRow[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
  const header = (lines.shift() ?? "").split(",").map((h) => h.trim());
  const cols = ["provider", "gpu_model", "gpu_count", "uptime_bps", "utilization_bps"];
  if (
    header.slice(0, 4).join(",") !== cols.slice(0, 4).join(",") ||
    (header.length === 5 && header[4] !== cols[4]) ||
    header.length > 5
  )
    throw new ProgramFileError(`line 1: expected the header ${cols.join(",")} (utilization_bps optional)`);
  const seen = new Set<string>();
  return lines.map((line, i) => {
    const at = `line ${i + 2}`;
    const cells = line.split(",").map((c) => c.trim());
    if (cells.length !== header.length) throw new ProgramFileError(`${at}: expected ${header.length} columns`);
    const n = (c: number, max: number): number => {
      const v = Number(cells[c]);
      if (!/^\d+$/.test(cells[c]!) || v > max) throw new ProgramFileError(`${at}, ${header[c]}: expected 0 to ${max}`);
      return v;
    };
    const provider = cells[0]!;
    if (!ADDRESS.test(provider)) throw new ProgramFileError(`${at}, provider: ${provider} is not a bech32 address`);
    if (seen.has(provider)) throw new ProgramFileError(`${at}, provider: ${provider} listed twice`);
    seen.add(provider);
    return {
      provider,
      gpu_model: cells[1]!,
      gpu_count: n(2, 100_000),
      uptime_bps: n(3, 10_000),
      utilization_bps: header.length === 5 ? n(4, 10_000) : 0,
    };
  });
}
