// x/bank's keeper operations with the events it emits (cosmos-sdk x/bank/keeper/send.go, keeper.go).

import { coinsText } from "./coins.js";
import type { Amount } from "../interface/coin.js";
import { Err } from "./errors.js";
import type { World } from "./world.js";

export interface Attribute {
  key: string;
  value: string;
}

export interface SdkEvent {
  type: string;
  attributes: Attribute[];
}

export const event = (type: string, ...pairs: [string, string][]): SdkEvent => ({
  type,
  attributes: pairs.map(([key, value]) => ({ key, value })),
});

/** `subUnlockedCoins`: fails on the first coin the balance does not cover, with the SDK's text. */
function subtract(w: World, address: string, coins: readonly Amount[]): void {
  for (const c of coins) {
    const have = w.balance(address, c.denom);
    if (have < c.amount) {
      throw Err.insufficientFunds.wrap(`spendable balance ${have}${c.denom} is smaller than ${c.amount}${c.denom}`);
    }
  }
  for (const c of coins) w.setBalance(address, c.denom, w.balance(address, c.denom) - c.amount);
}

function add(w: World, address: string, coins: readonly Amount[]): void {
  for (const c of coins) w.setBalance(address, c.denom, w.balance(address, c.denom) + c.amount);
}

/** `SendCoins`: coin_spent, coin_received, transfer. */
export function sendCoins(w: World, from: string, to: string, coins: readonly Amount[]): SdkEvent[] {
  subtract(w, from, coins);
  add(w, to, coins);
  const amount = coinsText(coins);
  return [
    event("coin_spent", ["spender", from], ["amount", amount]),
    event("coin_received", ["receiver", to], ["amount", amount]),
    event("transfer", ["recipient", to], ["sender", from], ["amount", amount]),
  ];
}

/** `BurnCoins` from a module account: coin_spent, burn; supply shrinks. */
export function burnCoins(w: World, module: string, coins: readonly Amount[]): SdkEvent[] {
  subtract(w, module, coins);
  for (const c of coins) w.supply.set(c.denom, (w.supply.get(c.denom) ?? 0n) - c.amount);
  const amount = coinsText(coins);
  return [
    event("coin_spent", ["spender", module], ["amount", amount]),
    event("burn", ["burner", module], ["amount", amount]),
  ];
}

/** Test funding: minted straight into the account, supply grows (no events: not part of any tx). */
export function mintCoins(w: World, to: string, coins: readonly Amount[]): void {
  add(w, to, coins);
  for (const c of coins) w.supply.set(c.denom, (w.supply.get(c.denom) ?? 0n) + c.amount);
}
