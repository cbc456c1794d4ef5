// The configuration: the checks shared by instantiate and update_config (`apply`), and governance's messages.

import { Response, err, fromHex, toHex } from "../std";
import * as E from "./error";
import { Exec } from "./exec";
import { ConfigResponse, Params, UpdateConfigMsg } from "./msg";
import { AKT, CONFIG, MAX_ALLOWED } from "./state";
import { checkAddr } from "./validate";

function checkParams(m: Params): string | null {
  if (m.circuit_breaker_warn_threshold > 10000)
    return E.invalidParam("circuit_breaker_warn_threshold", "at most 10000");
  if (m.circuit_breaker_halt_threshold >= m.circuit_breaker_warn_threshold)
    return E.invalidParam("circuit_breaker_halt_threshold", "must be below circuit_breaker_warn_threshold");
  if (m.min_epoch_blocks == 0 || m.min_epoch_blocks > 14400) return E.invalidParam("min_epoch_blocks", "1 to 14400");
  if (m.epoch_blocks_backoff_percent > 100) return E.invalidParam("epoch_blocks_backoff_percent", "at most 100");
  if (m.mint_spread_bps > 1000) return E.invalidParam("mint_spread_bps", "at most 1000");
  if (m.settle_spread_bps > 1000) return E.invalidParam("settle_spread_bps", "at most 1000");
  if (m.max_endblocker_records == 0 || m.max_endblocker_records > 100)
    return E.invalidParam("max_endblocker_records", "1 to 100");
  if (m.max_pending_attempts == 0 || m.max_pending_attempts > 100)
    return E.invalidParam("max_pending_attempts", "1 to 100");
  return null;
}

/** Applies the given fields to `c`; returns the first error, or null. Nothing is saved here. */
export function apply(
  c: ConfigResponse,
  admin: string | null,
  oracle: string | null,
  feed: string | null,
  burnMode: string | null,
  allowed: Array<string> | null,
  params: Params | null,
): string | null {
  if (admin !== null) {
    const e = checkAddr("admin", admin);
    if (e !== null) return e;
    c.admin = admin;
  }
  if (oracle !== null) {
    const e = checkAddr("oracle", oracle);
    if (e !== null) return e;
    c.oracle = oracle;
  }
  if (feed !== null) {
    const b = fromHex(feed);
    if (b === null || b.length != 32) return E.invalidFeed();
    c.akt_feed = toHex(b);
  }
  if (burnMode !== null) c.burn_mode = burnMode;
  if (allowed !== null) {
    if (allowed.length > MAX_ALLOWED) return E.tooManyAllowed(MAX_ALLOWED);
    for (let i = 0; i < allowed.length; i++) {
      const e = checkAddr("allowed", allowed[i]);
      if (e !== null) return e;
    }
    c.allowed = allowed;
  }
  if (params !== null) {
    const e = checkParams(params);
    if (e !== null) return e;
    c.params = params;
  }
  return null;
}

export function describe(c: ConfigResponse, res: Response): void {
  const o = c.oracle;
  res.addAttribute("admin", c.admin).addAttribute("oracle", o !== null ? o : "");
  res.addAttribute("burn_mode", c.burn_mode).addAttribute("allowed", c.allowed.join(","));
}

export function updateConfig(x: Exec, m: UpdateConfigMsg): Response {
  if (x.sender != x.cfg.admin) return err(E.UNAUTHORIZED_ADMIN);
  const e = apply(x.cfg, m.admin, m.oracle, m.akt_feed, m.burn_mode, m.allowed, m.params);
  if (e !== null) return err(e);
  CONFIG().save(x.cfg);
  x.res.addAttribute("action", "update_config");
  describe(x.cfg, x.res);
  return x.res;
}

export function setPaused(x: Exec, paused: bool): Response {
  if (x.sender != x.cfg.admin) return err(E.UNAUTHORIZED_ADMIN);
  x.cfg.paused = paused;
  CONFIG().save(x.cfg);
  return x.res.addAttribute("action", paused ? "pause" : "unpause");
}

/** Governance adds free AKT to the vault (x/bme MsgFundVault): no remint credits. */
export function fundVault(x: Exec): Response {
  if (x.sender != x.cfg.admin) return err(E.UNAUTHORIZED_ADMIN);
  const e = x.akt();
  if (e !== null) return err(e);
  const st = x.state();
  st.vault = st.vault.add(x.amount);
  x.saveState();
  x.event("bme_vault_funded")
    .add("amount", x.amount.toString() + AKT)
    .add("source", x.sender)
    .add("new_vault_balance", st.vault.toString() + AKT);
  return x.res.addAttribute("action", "fund_vault");
}
