// ExecuteMsg dispatch: parse the variant (serde-like errors, nothing written), then hand over to the verb's module.

import { Context, JsonValue, Parser, Response, err, parseVariant } from "../std";
import * as E from "./error";
import { Exec } from "./exec";
import {
  belowCount,
  parseCreatePayment,
  parseFunding,
  parseGrant,
  parseId,
  parsePaymentRef,
  parseRemoveAlert,
  parseRevokeGrant,
  parseSetAlert,
  parseUpdateConfig,
} from "./msg";
import { CONFIG } from "./state";
import { createAccount, deposit } from "./deposit";
import { grant, revokeGrant } from "./grant";
import { closePayment, createPayment, withdraw } from "./payment";
import { closeAccount, settle } from "./account";
import { removeAlert, setAlert } from "./alerts";
import { updateConfig } from "./config";

const VARIANTS: Array<string> = [
  "create_account",
  "deposit",
  "grant",
  "revoke_grant",
  "create_payment",
  "withdraw",
  "close_payment",
  "settle",
  "close_account",
  "set_alert",
  "remove_alert",
  "update_config",
];

/** Variants that carry coins; any other variant rejects attached funds, which would otherwise be stuck. */
const PAYABLE: Array<string> = ["create_account", "deposit", "grant"];

export function execute(ctx: Context, msg: JsonValue): Response {
  const p = new Parser("ExecuteMsg");
  const v = parseVariant(msg, "ExecuteMsg", VARIANTS, p);
  if (v === null) return err(p.message());
  const o = v.body;
  const name = v.name;
  const x = new Exec(ctx, CONFIG().mustLoad());
  if (x.funds.length > 0 && !PAYABLE.includes(name)) return err(E.FUNDS_NOT_ACCEPTED);

  if (name == "create_account" || name == "deposit") {
    const m = parseFunding(o, p);
    if (p.failed()) return err(p.message());
    return name == "deposit" ? deposit(x, m) : createAccount(x, m);
  }
  if (name == "grant") {
    const m = parseGrant(o, p);
    if (p.failed()) return err(p.message());
    return grant(x, m);
  }
  if (name == "revoke_grant") {
    const m = parseRevokeGrant(o, p);
    if (p.failed()) return err(p.message());
    return revokeGrant(x, m);
  }
  if (name == "create_payment") {
    const m = parseCreatePayment(o, p);
    if (p.failed()) return err(p.message());
    return createPayment(x, m);
  }
  if (name == "withdraw" || name == "close_payment") {
    const m = parsePaymentRef(o, p);
    if (p.failed()) return err(p.message());
    return name == "withdraw" ? withdraw(x, m) : closePayment(x, m);
  }
  if (name == "settle" || name == "close_account") {
    const id = parseId(o, p);
    if (p.failed()) return err(p.message());
    return name == "settle" ? settle(x, id) : closeAccount(x, id);
  }
  if (name == "set_alert") {
    const m = parseSetAlert(o, p);
    if (p.failed()) return err(p.message());
    return setAlert(x, m, belowCount(o));
  }
  if (name == "remove_alert") {
    const m = parseRemoveAlert(o, p);
    if (p.failed()) return err(p.message());
    return removeAlert(x, m);
  }
  const m = parseUpdateConfig(o, p);
  if (p.failed()) return err(p.message());
  return updateConfig(x, m);
}
