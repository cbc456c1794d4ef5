// Account-level verbs that are not funding: the permissionless settle and the owner's close.

import { Key, Response, err, intStr } from "../std";
import * as E from "./error";
import { Exec } from "./exec";
import { ACCOUNTS, STATE_CLOSED } from "./state";
import { closeAccount as closeFinal, loadLivePayments, saveAll, settle as settleAccount } from "./settle";
import { evaluateAlerts } from "./alerts";

export function settle(x: Exec, id: string): Response {
  const acc = ACCOUNTS().load(Key.str(id));
  if (acc === null) return err(E.accountNotFound(id));
  if (acc.state == STATE_CLOSED) return err(E.ACCOUNT_CLOSED);
  const ps = loadLivePayments(acc);
  settleAccount(x, acc, ps);
  evaluateAlerts(x, acc, ps);
  saveAll(acc, ps);
  x.res.addAttribute("action", "settle").addAttribute("id", id).addAttribute("state", acc.state);
  x.res.addAttribute("settled_at", intStr(acc.settledAt));
  return x.finish();
}

/**
 * Closing an overdrawn account writes its debts off (they stay recorded as `unsettled` on the payments): closed is
 * final. Akash instead keeps such an account overdrawn and treats a second close as a no-op.
 */
export function closeAccount(x: Exec, id: string): Response {
  const acc = ACCOUNTS().load(Key.str(id));
  if (acc === null) return err(E.accountNotFound(id));
  if (x.sender != acc.owner) return err(E.UNAUTHORIZED_OWNER);
  if (acc.state == STATE_CLOSED) return err(E.ACCOUNT_CLOSED);
  const ps = loadLivePayments(acc);
  settleAccount(x, acc, ps);
  closeFinal(x, acc, ps);
  saveAll(acc, ps);
  x.res.addAttribute("action", "close_account").addAttribute("id", id);
  return x.finish();
}
