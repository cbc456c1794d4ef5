// Checks of the instantiate/update_config fields and of a program definition. Each returns the first error (naming
// the field) or null; nothing is saved before they pass.

import { Decimal, Response, Uint128, addrValidate, err, intStr } from "../std";
import * as E from "./error";
import { ConfigResponse, ProgramDef, UpdateConfigMsg } from "./msg";
import { Exec } from "./exec";
import { CONFIG } from "./state";

export const MAX_ATTESTORS = 5;
export const MAX_POOLS = 4;
export const MAX_MODELS = 20;
export const MAX_NAMED_PROVIDERS = 100;
export const MAX_PROVIDERS_CEILING: u32 = 100;
export const MAX_EPOCHS: u64 = 1000;
/** Year 5138: keeps `end + grace` and every epoch time far from u64 overflow. */
const MAX_TIME: u64 = 100_000_000_000;
const MAX_DURATION: u64 = 10_000_000_000;

export function checkAddr(field: string, a: string): string | null {
  const e = addrValidate(a);
  return e === null ? null : E.bad(field, e);
}

function checkName(field: string, s: string, max: i32, space: bool = false): string | null {
  if (s.length == 0 || s.length > max) return E.bad(field, "1 to " + intStr(max) + " characters");
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Names appear in keys of events and in error texts: printable ASCII without separators.
    if ((c < 33 && !(space && c == 32)) || c > 126 || c == 44 || c == 59 || c == 96)
      return E.bad(field, "printable ASCII without , ; `");
  }
  return null;
}

export function checkFeedId(id: string): string | null {
  if (id.length != 64) return E.bad("feed_id", "64 hex digits");
  for (let i = 0; i < 64; i++) {
    const c = id.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return E.bad("feed_id", "64 lower-case hex digits");
  }
  return null;
}

function atMost(field: string, v: u64, max: u64): string | null {
  return v > max ? E.bad(field, "at most " + intStr(max)) : null;
}

function positive(field: string, d: Decimal, max: u64): string | null {
  if (d.isZero() || d.gt(Decimal.fromU64(max))) return E.bad(field, "greater than 0 and at most " + intStr(max));
  return null;
}

function checkModels(f: string, names: Array<string>): string | null {
  if (names.length == 0 || names.length > MAX_MODELS) return E.bad(f, "1 to 20 models");
  for (let i = 0; i < names.length; i++) {
    const e = checkName(f + "[" + intStr(i) + "].model", names[i], 32);
    if (e !== null) return e;
    for (let j = 0; j < i; j++) if (names[j] == names[i]) return E.bad(f, "model `" + names[i] + "` listed twice");
  }
  return null;
}

/** Validates a program definition; `program.`-prefixed field names. */
export function checkProgram(d: ProgramDef): string | null {
  let e = checkName("program.name", d.name, 64, true);
  if (e !== null) return e;
  if (d.epoch_seconds < 60) return E.bad("program.epoch_seconds", "at least 60");
  if ((e = atMost("program.end", d.end, MAX_TIME)) !== null) return e;
  if (d.end <= d.start) return E.bad("program.end", "after start");
  const span = d.end - d.start;
  if (span % d.epoch_seconds != 0) return E.bad("program.end", "start + a whole number of epochs");
  if ((e = atMost("program.end", span / d.epoch_seconds, MAX_EPOCHS)) !== null)
    return E.bad("program.end", "at most 1000 epochs after start");
  if ((e = atMost("program.grace", d.grace, MAX_DURATION)) !== null) return e;
  if ((e = atMost("program.report_window", d.report_window, d.epoch_seconds)) !== null) return e;
  const at = d.attestors;
  if (at.length == 0 || at.length > MAX_ATTESTORS) return E.bad("program.attestors", "1 to 5 addresses");
  for (let i = 0; i < at.length; i++) {
    if ((e = checkAddr("program.attestors", at[i])) !== null) return e;
    for (let j = 0; j < i; j++) if (at[j] == at[i]) return E.bad("program.attestors", "duplicate " + at[i]);
  }
  const t = d.treasury;
  if (t.mode == "address") {
    const a = t.address;
    if (a === null) return E.bad("program.treasury.address", "required in mode `address`");
    if ((e = checkAddr("program.treasury.address", a)) !== null) return e;
  } else if (t.mode != "community_pool") return E.bad("program.treasury.mode", "community_pool or address");
  if ((e = atMost("program.volatility_buffer_bps", d.volatility_buffer_bps, 100_000)) !== null) return e;
  if (d.max_providers == 0 || d.max_providers > MAX_PROVIDERS_CEILING)
    return E.bad("program.max_providers", "1 to 100");
  const ps = d.pools;
  if (ps.length == 0 || ps.length > MAX_POOLS) return E.bad("program.pools", "1 to 4 pools");
  const n = span / d.epoch_seconds;
  for (let i = 0; i < ps.length; i++) {
    const f = "program.pools[" + intStr(i) + "]";
    const p = ps[i];
    if ((e = checkName(f + ".name", p.name, 32)) !== null) return e;
    for (let j = 0; j < i; j++) if (ps[j].name == p.name) return E.bad(f + ".name", "`" + p.name + "` used twice");
    const kinds = <i32>(p.committed !== null) + <i32>(p.liquidity_mining !== null) + <i32>(p.discretionary !== null);
    if (kinds != 1) return E.bad(f, "exactly one of committed, liquidity_mining, discretionary");
    const c = p.committed;
    if (c !== null) {
      const names = new Array<string>();
      for (let k = 0; k < c.prices.length; k++) {
        names.push(c.prices[k].model);
        const pf = f + ".committed.prices[" + intStr(k) + "].usd_per_hour";
        if ((e = positive(pf, c.prices[k].usd_per_hour, 1000)) !== null) return e;
      }
      if ((e = checkModels(f + ".committed.prices", names)) !== null) return e;
      const pv = c.providers;
      if (pv.length == 0 || pv.length > MAX_NAMED_PROVIDERS) return E.bad(f + ".committed.providers", "1 to 100");
      for (let k = 0; k < pv.length; k++) {
        if ((e = checkAddr(f + ".committed.providers", pv[k])) !== null) return e;
        for (let j = 0; j < k; j++) if (pv[j] == pv[k]) return E.bad(f + ".committed.providers", "duplicate " + pv[k]);
      }
      if ((e = atMost(f + ".committed.sla_uptime_bps", c.sla_uptime_bps, 10_000)) !== null) return e;
      if ((e = atMost(f + ".committed.term_epochs", c.term_epochs, n)) !== null) return e;
      if ((e = positive(f + ".committed.usd_budget", c.usd_budget, 1_000_000_000_000)) !== null) return e;
    }
    const l = p.liquidity_mining;
    if (l !== null) {
      if (l.per_epoch.isZero() || l.per_epoch.gt(Uint128.fromU64(1_000_000_000_000_000_000)))
        return E.bad(f + ".liquidity_mining.per_epoch", "greater than 0 and at most 10^18");
      const names = new Array<string>();
      for (let k = 0; k < l.models.length; k++) {
        names.push(l.models[k].model);
        const mf = f + ".liquidity_mining.models[" + intStr(k) + "].multiplier";
        if ((e = positive(mf, l.models[k].multiplier, 1000)) !== null) return e;
      }
      if ((e = checkModels(f + ".liquidity_mining.models", names)) !== null) return e;
    }
    const g = p.discretionary;
    if (g !== null && (g.budget.isZero() || g.budget.gt(Uint128.fromU64(1_000_000_000_000_000_000))))
      return E.bad(f + ".discretionary.budget", "greater than 0 and at most 10^18");
  }
  const r = d.revenue;
  if (r !== null) {
    if ((e = checkAddr("program.revenue.operator", r.operator)) !== null) return e;
    if ((e = atMost("program.revenue.spot_fee_bps", r.spot_fee_bps, 10_000)) !== null) return e;
    if ((e = atMost("program.revenue.reservation_fee_bps", r.reservation_fee_bps, 10_000)) !== null) return e;
  }
  return null;
}

/** Applies the config fields shared by instantiate and update_config. */
export function applyConfig(
  c: ConfigResponse,
  admin: string | null,
  oracle: string | null,
  feedId: string | null,
  maxAge: u64,
): string | null {
  let e: string | null = null;
  if (admin !== null) {
    if ((e = checkAddr("admin", admin)) !== null) return e;
    c.admin = admin;
  }
  if (oracle !== null) {
    if ((e = checkAddr("oracle", oracle)) !== null) return e;
    c.oracle = oracle;
  }
  if (feedId !== null) {
    if ((e = checkFeedId(feedId)) !== null) return e;
    c.feed_id = feedId;
  }
  if (maxAge == 0 || maxAge > 3600) return E.bad("max_price_age", "1 to 3600 seconds");
  c.max_price_age = maxAge;
  return null;
}

export function updateConfig(x: Exec, m: UpdateConfigMsg): Response {
  if (x.sender != x.cfg.admin) return err(E.UNAUTHORIZED_ADMIN);
  const a = m.max_price_age;
  const e = applyConfig(x.cfg, m.admin, m.oracle, m.feed_id, a !== null ? a.value : x.cfg.max_price_age);
  if (e !== null) return err(e);
  CONFIG().save(x.cfg);
  x.res.addAttribute("action", "update_config").addAttribute("admin", x.cfg.admin);
  return x.res;
}
