// InstantiateMsg and MigrateMsg handlers (the generated dispatch has parsed the message).

import { Context, Decimal, Response, Uint128, err } from "../std";
import { DEFAULT_MIN_DEPOSIT, apply, describe } from "./config";
import { InstantiateMsg, MigrateMsg } from "./msg";
import { CONFIG, Config, DenomConfig } from "./state";

export function instantiateContract(_ctx: Context, m: InstantiateMsg): Response {
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

/** Only wasmd's contract admin (governance on Akash) can call migrate; there is no state change to make yet. */
export function migrateContract(_ctx: Context, _m: MigrateMsg): Response {
  return new Response().addAttribute("action", "migrate");
}
