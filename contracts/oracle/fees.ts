// Update fee: Pyth charges per price message inside the blobs, not per blob (docs/oracle.md#update-fee).
import { Coin, Uint128, intStr } from "../std";
import { Config } from "./state";
import * as E from "./error";

export class FeeCheck {
  error: string | null = null;
  required: Uint128 = Uint128.zero();
  paid: Uint128 = Uint128.zero();
}

export function requiredFee(c: Config, messages: i32): Uint128 | null {
  return c.updateFee.amount.checkedMul(Uint128.fromU64(<u64>messages));
}

/** Funds must be in the fee denom only (anything else would be stuck in the contract) and cover the fee. */
export function checkFee(c: Config, funds: Array<Coin>, messages: i32): FeeCheck {
  const out = new FeeCheck();
  const denom = c.updateFee.denom;
  const req = requiredFee(c, messages);
  if (req === null) {
    out.error = E.badParam("update_fee", "fee overflows for " + intStr(messages) + " messages");
    return out;
  }
  out.required = req;
  for (let i = 0; i < funds.length; i++) {
    const f = funds[i];
    if (f.denom != denom) {
      out.error = E.wrongFeeDenom(f.denom, denom);
      return out;
    }
    const sum = out.paid.checkedAdd(f.amount);
    if (sum === null) {
      out.error = E.badParam("funds", "overflow");
      return out;
    }
    out.paid = sum;
  }
  if (out.paid.lt(req)) out.error = E.insufficientFee(out.paid.toString(), req.toString(), denom);
  return out;
}
