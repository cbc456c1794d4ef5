// InstantiateMsg and MigrateMsg handlers (the generated dispatch has parsed the message).

import { Context, Response, err } from "../std";
import { applyConfig } from "./config";
import * as E from "./error";
import { ConfigResponse, InstantiateMsg, MigrateMsg } from "./msg";
import { CONFIG } from "./state";

export function instantiateContract(_ctx: Context, m: InstantiateMsg): Response {
  const c = new ConfigResponse();
  const e = applyConfig(c, m.admin, m.oracle, m.feed_id, m.max_price_age);
  if (e !== null) return err(e);
  if (m.denom.length < 3 || m.denom.length > 128) return err(E.bad("denom", "3 to 128 characters"));
  c.denom = m.denom;
  CONFIG().save(c);
  return new Response()
    .addAttribute("action", "instantiate")
    .addAttribute("admin", c.admin)
    .addAttribute("oracle", c.oracle);
}

/** Only wasmd's contract admin (governance) can migrate; there is no state change to make yet. */
export function migrateContract(_ctx: Context, _m: MigrateMsg): Response {
  return new Response().addAttribute("action", "migrate");
}
