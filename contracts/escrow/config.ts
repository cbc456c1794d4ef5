// The configuration: defaults, the checks shared by instantiate and update_config, and governance's update_config.

import { Decimal, Response, Uint128, err, intStr, joinWith } from "../std";
import * as E from "./error";
import { CW20_PREFIX, Exec, coinStr, isCw20 } from "./exec";
import { DenomConfigMsg, Limits, UpdateConfigMsg } from "./msg";
import { CONFIG, Config, DenomConfig } from "./state";
import { checkAddr } from "./validate";

export const DEFAULT_MIN_DEPOSIT: u64 = 500_000;
/** The largest accepted `max_scopes`: a grant's scopes stay a few KiB however governance sets the limit. */
export const MAX_SCOPES_CEILING: u32 = 100;
/** Accepted denoms (bank denoms and CW20 tokens together): every call loads the config and searches this list. */
export const MAX_DENOMS: i32 = 10;

/** Applies the optional fields of instantiate/update_config; returns an error message or null. */
export function apply(
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
    if (denoms.length > MAX_DENOMS) return E.tooManyDenoms(MAX_DENOMS);
    const out = new Array<DenomConfig>();
    for (let i = 0; i < denoms.length; i++) {
      const d = denoms[i];
      if (d.denom.length < 3 || d.denom.length > 128) return E.invalidDenom(d.denom);
      for (let j = 0; j < i; j++) if (denoms[j].denom == d.denom) return E.duplicateDenom(d.denom);
      // A CW20 entry names its token contract, which must be a valid address (payouts execute on it).
      if (isCw20(d.denom)) {
        const addrErr = checkAddr("denoms", d.denom.substring(CW20_PREFIX.length));
        if (addrErr !== null) return addrErr;
      }
      const min = d.min_deposit;
      out.push(new DenomConfig(d.denom, min !== null ? min : Uint128.fromU64(DEFAULT_MIN_DEPOSIT)));
    }
    c.denoms = out;
  }
  if (limits !== null) {
    const scopes = limits.max_scopes;
    const maxScopes = scopes !== null ? scopes.value : c.maxScopes;
    if (limits.max_deposits == 0 || limits.max_payments == 0 || limits.max_alerts == 0 || maxScopes == 0) {
      return E.LIMITS_ZERO;
    }
    if (maxScopes > MAX_SCOPES_CEILING) return E.maxScopesTooLarge(MAX_SCOPES_CEILING);
    c.maxDeposits = limits.max_deposits;
    c.maxPayments = limits.max_payments;
    c.maxAlerts = limits.max_alerts;
    c.maxScopes = maxScopes;
  }
  if (blockTime !== null) {
    if (blockTime.isZero()) return E.BLOCK_TIME_ZERO;
    c.blockTime = blockTime;
  }
  return null;
}

export function describe(c: Config, res: Response): void {
  const parts = new Array<string>();
  for (let i = 0; i < c.denoms.length; i++) parts.push(coinStr(c.denoms[i].minDeposit, c.denoms[i].denom));
  res.addAttribute("admin", c.admin).addAttribute("min_deposits", joinWith(parts, ","));
  res.addAttribute("max_deposits", intStr(c.maxDeposits)).addAttribute("max_payments", intStr(c.maxPayments));
  res.addAttribute("max_alerts", intStr(c.maxAlerts)).addAttribute("max_scopes", intStr(c.maxScopes));
  res.addAttribute("block_time", c.blockTime.toString());
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
