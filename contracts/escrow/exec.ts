// What every execute handler works with: the block, the sender, the config, the response being built and the coins
// that will leave the contract. Money leaves only through `Payouts.flush` (BankMsg::Send for bank denoms, a CW20
// `transfer` for `cw20:<token>` denoms; never a zero amount).

import { BankMsg, Coin, Context, Event, JsonWriter, Response, Uint128, WasmMsg, joinWith } from "../std";
import { Config } from "./state";

/** Denoms of CW20 tokens are `cw20:<token contract address>` (as cw-asset spells them). */
export const CW20_PREFIX = "cw20:";

export function isCw20(denom: string): bool {
  return denom.startsWith(CW20_PREFIX);
}

class Send {
  coins: Array<Coin> = new Array<Coin>();
  constructor(public to: string) {}
}

/** Merges every payment to the same recipient into one BankMsg per recipient, in first-payment order. */
export class Payouts {
  sends: Array<Send> = new Array<Send>();

  add(to: string, denom: string, amount: Uint128): void {
    if (amount.isZero()) return;
    let s: Send | null = null;
    for (let i = 0; i < this.sends.length; i++) if (this.sends[i].to == to) s = this.sends[i];
    if (s === null) {
      s = new Send(to);
      this.sends.push(s);
    }
    const cs = s.coins;
    for (let i = 0; i < cs.length; i++) {
      if (cs[i].denom == denom) {
        cs[i].amount = cs[i].amount.add(amount);
        return;
      }
    }
    cs.push(new Coin(denom, amount));
  }

  flush(res: Response): void {
    for (let i = 0; i < this.sends.length; i++) {
      const s = this.sends[i];
      const cs = new Array<Coin>();
      for (let a = 0; a < s.coins.length; a++) {
        const c = s.coins[a];
        // CW20 tokens leave by a `transfer` on their contract (never `send`: it would call into the recipient).
        if (!isCw20(c.denom)) {
          cs.push(c);
          continue;
        }
        const w = new JsonWriter().beginObject().key("transfer").beginObject().key("recipient").str(s.to);
        w.key("amount").uint128(c.amount).endObject().endObject();
        res.addMessage(WasmMsg.execute(c.denom.substring(CW20_PREFIX.length), w.toString(), []));
      }
      if (cs.length == 0) continue;
      // The bank module wants coins sorted by denom.
      for (let a = 1; a < cs.length; a++) {
        const c = cs[a];
        let b = a - 1;
        while (b >= 0 && cs[b].denom > c.denom) {
          cs[b + 1] = cs[b];
          b--;
        }
        cs[b + 1] = c;
      }
      res.addMessage(BankMsg.send(s.to, cs));
    }
  }
}

class Batch {
  items: Array<string> = new Array<string>();
  constructor(
    public event: Event,
    public key: string,
  ) {}
}

export class Exec {
  res: Response = new Response();
  payouts: Payouts = new Payouts();
  private batches: Array<Batch> = new Array<Batch>();
  height: u64;
  sender: string;
  funds: Array<Coin>;

  constructor(
    public ctx: Context,
    public cfg: Config,
  ) {
    this.height = ctx.env.block.height;
    const info = ctx.info;
    this.sender = info !== null ? info.sender : "";
    this.funds = info !== null ? info.funds : new Array<Coin>();
  }

  event(type: string): Event {
    const e = new Event(type);
    this.res.addEvent(e);
    return e;
  }

  /**
   * Adds one item to the list attribute `key` of the call's single `type` event (created on first use with its
   * `id`). Bulk paths (a close refunding 50 deposits) thus emit one event with one `;`-separated attribute instead of
   * one event per item: fewer, larger attributes keep the response small and its events easy to index.
   */
  batch(type: string, id: string, key: string, value: string): void {
    this.openBatch(type, id, key);
    for (let i = 0; i < this.batches.length; i++)
      if (this.batches[i].event.type == type) this.batches[i].items.push(value);
  }

  /** The call's `type` batch event (created with its `id` if needed), e.g. to add attributes besides the list. */
  openBatch(type: string, id: string, key: string): Event {
    for (let i = 0; i < this.batches.length; i++) if (this.batches[i].event.type == type) return this.batches[i].event;
    const b = new Batch(this.event(type).add("id", id), key);
    this.batches.push(b);
    return b.event;
  }

  /** The response, with the payouts appended as bank messages. */
  finish(): Response {
    for (let i = 0; i < this.batches.length; i++) {
      const b = this.batches[i];
      b.event.add(b.key, joinWith(b.items, ";"));
    }
    this.payouts.flush(this.res);
    return this.res;
  }
}

/** "123uakt" (cosmos coin notation), used in event attributes. */
export function coinStr(amount: Uint128, denom: string): string {
  return amount.toString() + denom;
}

/** One item of a batch list: fields joined by commas (none of them can contain a comma or a semicolon). */
export function item(fields: Array<string>): string {
  return joinWith(fields, ",");
}

export function coinsStr(cs: Array<Coin>): string {
  const parts = new Array<string>();
  for (let i = 0; i < cs.length; i++) if (!cs[i].amount.isZero()) parts.push(coinStr(cs[i].amount, cs[i].denom));
  return joinWith(parts, ",");
}
