// What every execute handler works with: the block time, the sender, the attached coins, the config and the response.
// Money leaves only through `send` and `toTreasury` (never a zero amount).

import { BankMsg, Coin, Context, Event, ProtocolPoolMsg, Response, Uint128, intStr } from "../std";
import { ConfigResponse, ProgramDef } from "./msg";

export class Exec {
  res: Response = new Response();
  now: u64;
  sender: string;
  funds: Array<Coin>;

  constructor(
    public ctx: Context,
    public cfg: ConfigResponse,
  ) {
    this.now = ctx.env.block.timeSeconds();
    const info = ctx.info;
    this.sender = info !== null ? info.sender : "";
    this.funds = info !== null ? info.funds : new Array<Coin>();
  }

  event(type: string, id: u64): Event {
    const e = new Event(type).add("program_id", intStr(id));
    this.res.addEvent(e);
    return e;
  }

  send(to: string, amount: Uint128): void {
    if (!amount.isZero()) this.res.addMessage(BankMsg.send(to, [new Coin(this.cfg.denom, amount)]));
  }

  /** A return to the program's treasury (community pool or its address), with its `incentives_return` event. */
  toTreasury(d: ProgramDef, id: u64, amount: Uint128, reason: string): void {
    if (amount.isZero()) return;
    this.event("incentives_return", id).add("amount", amount.toString()).add("reason", reason);
    this.remit(d, amount);
  }

  remit(d: ProgramDef, amount: Uint128): void {
    if (amount.isZero()) return;
    const a = d.treasury.address;
    // x/protocolpool's MsgFundCommunityPool, not DistributionMsg::FundCommunityPool: SDK 0.53 chains with the
    // external community pool (wasmd 0.61) refuse the latter (docs/incentives.md#treasury).
    if (d.treasury.mode == "community_pool" || a === null)
      this.res.addMessage(
        ProtocolPoolMsg.fundCommunityPool(this.ctx.env.contract.address, [new Coin(this.cfg.denom, amount)]),
      );
    else this.send(a, amount);
  }

  /** The attached coins in the config denom: zero when none, null when anything else was attached. */
  attached(): Uint128 | null {
    if (this.funds.length == 0) return Uint128.zero();
    if (this.funds.length != 1 || this.funds[0].denom != this.cfg.denom) return null;
    return this.funds[0].amount;
  }
}
