// Sponsor grants: the contract form of Akash's authz DepositAuthorization. A contract cannot pull coins from a
// wallet, so the sponsor pre-funds an allowance vault here (docs/escrow.md, differences from x/escrow); the grantee
// draws on it with the `grant` deposit source and refunds flow back into it.

import { Coin, Key, Response, err, intStr } from "../std";
import * as E from "./error";
import { Exec, coinsStr } from "./exec";
import { GrantMsg, RevokeGrantMsg } from "./msg";
import { GRANTEE_INDEX, GRANTS, GRANT_SCOPES, Grant, grantKey } from "./state";
import { checkAddr, checkId } from "./validate";

export function grant(x: Exec, m: GrantMsg): Response {
  const addrErr = checkAddr("grantee", m.grantee);
  if (addrErr !== null) return err(addrErr);
  if (m.grantee == x.sender) return err(E.SELF_GRANT);
  if (x.funds.length == 0) return err(E.GRANT_EMPTY);
  for (let i = 0; i < x.funds.length; i++) {
    const c = x.funds[i];
    if (x.cfg.denom(c.denom) === null) return err(E.invalidDenom(c.denom));
    if (c.amount.isZero()) return err(E.AMOUNT_ZERO);
  }
  const exp = m.expires_at;
  if (exp !== null && exp.at_height <= x.height) return err(E.grantExpired());
  const scopes = m.scopes;
  if (scopes !== null) {
    // Bounded so that a grant stays cheap to load for whoever draws on it (docs/escrow.md#bounds-and-anti-griefing-rules).
    if (<u32>scopes.length > x.cfg.maxScopes) return err(E.tooManyScopes(x.cfg.maxScopes));
    for (let i = 0; i < scopes.length; i++) {
      const e = checkId("scopes", scopes[i]);
      if (e !== null) return err(e);
    }
  }
  const grants = GRANTS();
  const k = grantKey(x.sender, m.grantee);
  let g = grants.load(k);
  if (g === null) {
    g = new Grant();
    g.sponsor = x.sender;
    g.grantee = m.grantee;
  }
  for (let i = 0; i < x.funds.length; i++) {
    const c = x.funds[i];
    const sum = g.balance(c.denom).checkedAdd(c.amount);
    if (sum === null) return err(E.amountOverflow());
    g.setBalance(c.denom, sum);
  }
  g.expiresAt = exp !== null ? exp.at_height : 0;
  g.scoped = scopes !== null;
  grants.save(k, g);
  if (scopes !== null) GRANT_SCOPES().save(k, scopes);
  else GRANT_SCOPES().remove(k);
  GRANTEE_INDEX().save(Key.pair(Key.str(m.grantee), Key.str(x.sender)), true);
  x.event("escrow_grant")
    .add("sponsor", x.sender)
    .add("grantee", m.grantee)
    .add("amount", coinsStr(x.funds))
    .add("balance", coinsStr(g.balances))
    .add("expires_at", intStr(g.expiresAt));
  x.res.addAttribute("action", "grant").addAttribute("sponsor", x.sender).addAttribute("grantee", m.grantee);
  return x.finish();
}

export function revokeGrant(x: Exec, m: RevokeGrantMsg): Response {
  const grants = GRANTS();
  const k = grantKey(x.sender, m.grantee);
  const g = grants.load(k);
  if (g === null) return err(E.grantNotFound(x.sender, m.grantee));
  const returned = new Array<Coin>();
  for (let i = 0; i < g.balances.length; i++) {
    const c = g.balances[i];
    if (c.amount.isZero()) continue;
    x.payouts.add(g.sponsor, c.denom, c.amount);
    returned.push(new Coin(c.denom, c.amount));
  }
  grants.remove(k);
  GRANT_SCOPES().remove(k);
  GRANTEE_INDEX().remove(Key.pair(Key.str(m.grantee), Key.str(x.sender)));
  x.event("escrow_grant_revoked").add("sponsor", x.sender).add("grantee", m.grantee).add("amount", coinsStr(returned));
  x.res.addAttribute("action", "revoke_grant").addAttribute("sponsor", x.sender).addAttribute("grantee", m.grantee);
  return x.finish();
}
