// What every execute handler works with: the block, the sender, the attached funds, the config and the response.

import { Coin, Context, Event, Response, Uint128 } from "../std";
import * as E from "./error";
import { ConfigResponse } from "./msg";
import { AKT, CONFIG, STATE, State } from "./state";

export class Exec {
  res: Response = new Response();
  height: u64;
  sender: string;
  self: string;
  funds: Array<Coin>;
  cfg: ConfigResponse;
  /** The attached uakt, once `akt()` accepted it. */
  amount: Uint128 = Uint128.zero();

  constructor(public ctx: Context) {
    this.height = ctx.env.block.height;
    this.self = ctx.env.contract.address;
    const info = ctx.info;
    this.sender = info !== null ? info.sender : "";
    this.funds = info !== null ? info.funds : new Array<Coin>();
    this.cfg = CONFIG().mustLoad();
  }

  private st: State | null = null;

  /** The counters, loaded once per call. */
  state(): State {
    let s = this.st;
    if (s === null) {
      s = STATE().mustLoad();
      this.st = s;
    }
    return s;
  }

  saveState(): void {
    STATE().save(this.state());
  }

  event(type: string): Event {
    const e = new Event(type);
    this.res.addEvent(e);
    return e;
  }

  /** Accepts exactly one non-zero uakt coin as `amount`; returns the error otherwise. */
  akt(): string | null {
    if (this.funds.length != 1) return E.ONE_COIN;
    const c = this.funds[0];
    if (c.denom != AKT) return E.wrongDenom(c.denom);
    if (c.amount.isZero()) return E.AMOUNT_ZERO;
    this.amount = c.amount;
    return null;
  }
}
