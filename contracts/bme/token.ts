// ACT as a CW20 ledger. Akash disables `uact` bank sends, so ACT moves only to or from an allow-listed contract (the
// escrow); a CW20 send to this contract itself is a redemption.

import { Response, Uint128, WasmMsg, err, quote, toBase64 } from "../std";
import * as E from "./error";
import { Exec } from "./exec";
import { redeem } from "./queue";
import { balanceOf, move, setBalance } from "./state";
import { checkAddr } from "./validate";

/** Checks a transfer; returns the error or null. */
function checkTransfer(x: Exec, to: string, amount: Uint128): string | null {
  if (amount.isZero()) return E.AMOUNT_ZERO;
  const e = checkAddr("recipient", to);
  if (e !== null) return e;
  if (!x.cfg.allowed.includes(x.sender) && !x.cfg.allowed.includes(to)) return E.NOT_TRANSFERABLE;
  const have = balanceOf(x.sender);
  if (have.lt(amount)) return E.insufficientAct(have.toString(), amount.toString());
  return null;
}

function attrs(x: Exec, action: string, to: string, amount: Uint128): Response {
  return x.res
    .addAttribute("action", action)
    .addAttribute("from", x.sender)
    .addAttribute("to", to)
    .addAttribute("amount", amount.toString());
}

export function transfer(x: Exec, to: string, amount: Uint128): Response {
  const e = checkTransfer(x, to, amount);
  if (e !== null) return err(e);
  move(x.sender, to, amount);
  return attrs(x, "transfer", to, amount);
}

export function send(x: Exec, contract: string, amount: Uint128, msg: Uint8Array): Response {
  if (contract == x.self) return redeem(x, amount);
  const e = checkTransfer(x, contract, amount);
  if (e !== null) return err(e);
  move(x.sender, contract, amount);
  const hook =
    '{"receive":{"sender":' + quote(x.sender) + ',"amount":"' + amount.toString() + '","msg":"' + toBase64(msg) + '"}}';
  x.res.addMessage(WasmMsg.execute(contract, hook, []));
  return attrs(x, "send", contract, amount);
}

export function burn(x: Exec, amount: Uint128): Response {
  if (amount.isZero()) return err(E.AMOUNT_ZERO);
  const have = balanceOf(x.sender);
  if (have.lt(amount)) return err(E.insufficientAct(have.toString(), amount.toString()));
  setBalance(x.sender, have.sub(amount));
  const st = x.state();
  st.supply = st.supply.sub(amount);
  st.burnedAct = st.burnedAct.add(amount);
  x.saveState();
  return x.res.addAttribute("action", "burn").addAttribute("from", x.sender).addAttribute("amount", amount.toString());
}
