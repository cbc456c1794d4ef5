// ExecuteMsg handlers, one per variant (`execute` + the variant in PascalCase). The generated dispatch (gen/dispatch.ts)
// has already rejected funds on non-payable variants and parsed the body; each handler hands over to its verb's module.

import { Coin, Context, MessageInfo, Response, err } from "../std";
import * as E from "./error";
import { CW20_PREFIX, Exec, isCw20 } from "./exec";
import {
  ClosePaymentMsg,
  Cw20ReceiveMsg,
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
import { checkAddr } from "./validate";

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

/** True while `receive` runs its inner message: its funds are then the token's, not bank coins. */
let inHook = false;

/**
 * Attached bank coins are never taken for CW20 tokens (only `receive` credits those), even on a chain whose bank
 * had a denom spelled `cw20:…`; null when the funds are fine.
 */
function bankOnly(x: Exec): string | null {
  if (inHook) return null;
  for (let i = 0; i < x.funds.length; i++) if (isCw20(x.funds[i].denom)) return E.invalidDenom(x.funds[i].denom);
  return null;
}

export function executeCreateAccount(ctx: Context, m: CreateAccountMsg): Response {
  const x = exec(ctx);
  const e = bankOnly(x);
  if (e !== null) return err(e);
  return createAccount(x, funding(m.id, m.amount, m.sources, m.sponsors));
}

export function executeDeposit(ctx: Context, m: DepositMsg): Response {
  const x = exec(ctx);
  const e = bankOnly(x);
  if (e !== null) return err(e);
  return deposit(x, funding(m.id, m.amount, m.sources, m.sponsors));
}

export function executeGrant(ctx: Context, m: GrantMsg): Response {
  const x = exec(ctx);
  const e = bankOnly(x);
  if (e !== null) return err(e);
  return grant(x, m);
}

/**
 * The CW20 hook: the calling contract is the token, and must be an accepted `cw20:<token>` denom. The inner message
 * (create_account, deposit or grant, parsed by the generated `inner`) then runs with `sender` as its sender and the
 * tokens as its attached funds, so every funding rule applies unchanged.
 */
export function executeReceive(
  ctx: Context,
  m: Cw20ReceiveMsg,
  inner: (ctx: Context, msg: Uint8Array) => Response,
): Response {
  const denom = CW20_PREFIX + ctx.sender();
  if (CONFIG().mustLoad().denom(denom) === null) return err(E.invalidDenom(denom));
  if (m.amount.isZero()) return err(E.AMOUNT_ZERO);
  const addrErr = checkAddr("sender", m.sender);
  if (addrErr !== null) return err(addrErr);
  const info = new MessageInfo();
  info.sender = m.sender;
  info.funds = [new Coin(denom, m.amount)];
  inHook = true;
  const res = inner(new Context(ctx.env, info), m.msg);
  inHook = false;
  return res;
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
