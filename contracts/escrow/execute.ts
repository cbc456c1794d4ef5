// ExecuteMsg handlers, one per variant (`execute` + the variant in PascalCase). The generated dispatch (gen/dispatch.ts)
// has already rejected funds on non-payable variants and parsed the body; each handler hands over to its verb's module.

import { Coin, Context, Response } from "../std";
import { Exec } from "./exec";
import {
  ClosePaymentMsg,
  CloseAccountMsg,
  CreateAccountMsg,
  CreatePaymentMsg,
  DepositMsg,
  GrantMsg,
  PaymentRef,
  RemoveAlertMsg,
  RevokeGrantMsg,
  SetAlertMsg,
  SettleMsg,
  UpdateConfigMsg,
  WithdrawMsg,
} from "./msg";
import { CONFIG } from "./state";
import { FundingMsg, createAccount, deposit } from "./deposit";
import { grant, revokeGrant } from "./grant";
import { closePayment, createPayment, withdraw } from "./payment";
import { closeAccount, settle } from "./account";
import { removeAlert, setAlert } from "./alerts";
import { updateConfig } from "./config";

function exec(ctx: Context): Exec {
  return new Exec(ctx, CONFIG().mustLoad());
}

function funding(
  id: string,
  amount: Coin | null,
  sources: Array<string> | null,
  sponsors: Array<string> | null,
): FundingMsg {
  const f = new FundingMsg();
  f.id = id;
  f.amount = amount;
  f.sources = sources;
  f.sponsors = sponsors;
  return f;
}

function paymentRef(id: string, paymentId: string): PaymentRef {
  const r = new PaymentRef();
  r.id = id;
  r.payment_id = paymentId;
  return r;
}

export function executeCreateAccount(ctx: Context, m: CreateAccountMsg): Response {
  return createAccount(exec(ctx), funding(m.id, m.amount, m.sources, m.sponsors));
}

export function executeDeposit(ctx: Context, m: DepositMsg): Response {
  return deposit(exec(ctx), funding(m.id, m.amount, m.sources, m.sponsors));
}

export function executeGrant(ctx: Context, m: GrantMsg): Response {
  return grant(exec(ctx), m);
}

export function executeRevokeGrant(ctx: Context, m: RevokeGrantMsg): Response {
  return revokeGrant(exec(ctx), m);
}

export function executeCreatePayment(ctx: Context, m: CreatePaymentMsg): Response {
  return createPayment(exec(ctx), m);
}

export function executeWithdraw(ctx: Context, m: WithdrawMsg): Response {
  return withdraw(exec(ctx), paymentRef(m.id, m.payment_id));
}

export function executeClosePayment(ctx: Context, m: ClosePaymentMsg): Response {
  return closePayment(exec(ctx), paymentRef(m.id, m.payment_id));
}

export function executeSettle(ctx: Context, m: SettleMsg): Response {
  return settle(exec(ctx), m.id);
}

export function executeCloseAccount(ctx: Context, m: CloseAccountMsg): Response {
  return closeAccount(exec(ctx), m.id);
}

export function executeSetAlert(ctx: Context, m: SetAlertMsg): Response {
  const b = m.below;
  const thresholds = <i32>(b.amount !== null) + <i32>(b.blocks_left !== null) + <i32>(b.percent_of_peak !== null);
  return setAlert(exec(ctx), m, thresholds);
}

export function executeRemoveAlert(ctx: Context, m: RemoveAlertMsg): Response {
  return removeAlert(exec(ctx), m);
}

export function executeUpdateConfig(ctx: Context, m: UpdateConfigMsg): Response {
  return updateConfig(exec(ctx), m);
}
