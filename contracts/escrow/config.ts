// Instantiate, governance's update_config, and migrate.

import { Context, Decimal, JsonValue, Parser, Response, Uint128, err } from "../std";
import * as E from "./error";
import { Exec, coinStr } from "./exec";
import { DenomConfigMsg, InstantiateMsg, Limits, UpdateConfigMsg, parseInstantiate } from "./msg";
import { CONFIG, Config, DenomConfig } from "./state";
import { checkAddr } from "./validate";

const DEFAULT_MIN_DEPOSIT: u64 = 500_000;

/** Applies the optional fields of instantiate/update_config; returns an error message or null. */
function apply(
  c: Config,
  admin: string | null,
  denoms: Array<DenomConfigMsg> | null,
  limits: Limits | null,
  blockTime: Decimal | null,
): string | null {
  if (admin !== null) {
    const e = checkAddr("admin", admin);
    if (e !== null) return e;
    c.admin = admin;
  }
  if (denoms !== null) {
    if (denoms.length == 0) return E.NO_DENOMS;
    const out = new Array<DenomConfig>();
    for (let i = 0; i < denoms.length; i++) {
      const d = denoms[i];
      if (d.denom.length < 3 || d.denom.length > 128) return E.invalidDenom(d.denom);
      for (let j = 0; j < i; j++) if (denoms[j].denom == d.denom) return E.duplicateDenom(d.denom);
      const min = d.min_deposit;
      out.push(new DenomConfig(d.denom, min !== null ? min : Uint128.fromU64(DEFAULT_MIN_DEPOSIT)));
    }
    c.denoms = out;
  }
  if (limits !== null) {
    if (limits.max_deposits == 0 || limits.max_payments == 0 || limits.max_alerts == 0) return E.LIMITS_ZERO;
    c.maxDeposits = limits.max_deposits;
    c.maxPayments = limits.max_payments;
    c.maxAlerts = limits.max_alerts;
  }
  if (blockTime !== null) {
    if (blockTime.isZero()) return E.BLOCK_TIME_ZERO;
    c.blockTime = blockTime;
  }
  return null;
}

function describe(c: Config, res: Response): void {
  const parts = new Array<string>();
  for (let i = 0; i < c.denoms.length; i++) parts.push(coinStr(c.denoms[i].minDeposit, c.denoms[i].denom));
  res.addAttribute("admin", c.admin).addAttribute("min_deposits", parts.join(","));
  res.addAttribute("max_deposits", c.maxDeposits.toString()).addAttribute("max_payments", c.maxPayments.toString());
  res.addAttribute("max_alerts", c.maxAlerts.toString()).addAttribute("block_time", c.blockTime.toString());
}

export function instantiate(ctx: Context, msg: JsonValue): Response {
  const p = new Parser("InstantiateMsg");
  const o = p.obj(msg);
  let m = new InstantiateMsg();
  if (!p.failed()) m = parseInstantiate(o, p);
  if (p.failed()) return err(p.message());
  const c = new Config();
  c.blockTime = Decimal.fromAtomics(Uint128.fromU64(6_500_000_000_000_000_000));
  c.denoms = [new DenomConfig("uakt", Uint128.fromU64(DEFAULT_MIN_DEPOSIT))];
  const e = apply(c, m.admin, m.denoms, m.limits, m.block_time);
  if (e !== null) return err(e);
  CONFIG().save(c);
  const res = new Response().addAttribute("action", "instantiate");
  describe(c, res);
  return res;
}

export function updateConfig(x: Exec, m: UpdateConfigMsg): Response {
  if (x.sender != x.cfg.admin) return err(E.UNAUTHORIZED_ADMIN);
  const c = x.cfg;
  const e = apply(c, m.admin, m.denoms, m.limits, m.block_time);
  if (e !== null) return err(e);
  CONFIG().save(c);
  x.res.addAttribute("action", "update_config");
  describe(c, x.res);
  x.event("escrow_config_updated").add("admin", c.admin);
  return x.finish();
}

/** Only wasmd's contract admin (governance on Akash) can call migrate; there is no state change to make yet. */
export function migrate(_ctx: Context, msg: JsonValue): Response {
  const p = new Parser("MigrateMsg");
  const o = p.obj(msg);
  if (!p.failed()) p.denyUnknown(o, []);
  if (p.failed()) return err(p.message());
  return new Response().addAttribute("action", "migrate");
}
