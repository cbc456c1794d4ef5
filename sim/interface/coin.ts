// Coins as every backend and tool exchanges them, and the SDK's denom rule, written once.

/** A coin as CosmJS and the chain's JSON carry it: the amount as a decimal integer string. */
export interface Coin {
  denom: string;
  amount: string;
}

/** A coin with an exact integer amount, for arithmetic. */
export interface Amount {
  denom: string;
  amount: bigint;
}

/**
 * The Cosmos SDK's default denom rule (types/coin.go `reDnmString`): a letter, then 2 to 127 letters, digits or
 * `/:._-`. Unanchored, so parsers can embed it (`<amount><denom>`); use `isDenom` to check a whole string.
 */
export const DENOM_PATTERN = "[a-zA-Z][a-zA-Z0-9/:._-]{2,127}";

const WHOLE_DENOM = new RegExp(`^${DENOM_PATTERN}$`);

export const isDenom = (s: string): boolean => WHOLE_DENOM.test(s);
