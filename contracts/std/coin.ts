// A bank coin. Its own module so the JSON readers and writers can use it without depending on the envelopes.

import { Uint128 } from "./math/uint128";

export class Coin {
  constructor(
    public denom: string,
    public amount: Uint128,
  ) {}
}

export function coin(amount: u64, denom: string): Coin {
  return new Coin(denom, Uint128.fromU64(amount));
}
