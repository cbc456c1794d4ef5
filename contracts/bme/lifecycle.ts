// InstantiateMsg and MigrateMsg handlers (the generated dispatch has parsed the message).

import { Context, Response, err } from "../std";
import { apply, describe } from "./config";
import * as E from "./error";
import { ConfigResponse, InstantiateMsg, MigrateMsg } from "./msg";
import { AKT, AKT_FEED, CONFIG, HEALTHY, STATE, State } from "./state";

/** Attached uakt seeds the vault's free balance (Akash seeded x/bme's vault with 300,000 AKT at v2.0.0). */
export function instantiateContract(ctx: Context, m: InstantiateMsg): Response {
  const c = new ConfigResponse();
  c.akt_feed = AKT_FEED;
  c.burn_mode = "hold";
  const e = apply(c, m.admin, m.oracle, m.akt_feed, m.burn_mode, m.allowed, m.params);
  if (e !== null) return err(e);
  const st = new State();
  const funds = ctx.messageInfo().funds;
  for (let i = 0; i < funds.length; i++) {
    if (funds[i].denom != AKT) return err(E.wrongDenom(funds[i].denom));
    st.vault = st.vault.add(funds[i].amount);
  }
  // No ACT exists yet, so the status starts healthy (x/bme's genesis halt_cr only delays its first mint epoch).
  const h = ctx.env.block.height;
  const epoch = c.params.min_epoch_blocks;
  st.status = HEALTHY;
  st.epochDiff = epoch;
  st.next = [h + epoch, h + epoch];
  CONFIG().save(c);
  STATE().save(st);
  const res = new Response().addAttribute("action", "instantiate");
  describe(c, res);
  return res.addAttribute("vault", st.vault.toString() + AKT);
}

/** Only wasmd's contract admin (governance) can call migrate; there is no state change to make yet. */
export function migrateContract(_ctx: Context, _m: MigrateMsg): Response {
  return new Response().addAttribute("action", "migrate");
}
