// Exact conversions between Pyth's (integer, exponent) prices and fixed-point decimals. BigInt only: Number loses
// precision above 2^53 and pyth-sdk-js' *AsNumberUnchecked helpers are float math (docs/oracle.md#write-time-rules).

export const DECIMAL18_PLACES = 18;

/**
 * value × 10^(from − to): re-expresses an integer mantissa at another exponent. Moving to a larger exponent divides,
 * truncating toward zero (BigInt division), which is how 18-decimal atomics drop digits beyond 10^-18.
 */
export function rescale(value: bigint, fromExpo: number, toExpo: number): bigint {
  checkExpo(fromExpo);
  checkExpo(toExpo);
  if (toExpo >= fromExpo) return value / 10n ** BigInt(toExpo - fromExpo);
  return value * 10n ** BigInt(fromExpo - toExpo);
}

/** 18-decimal atomics (cosmwasm Decimal / Cosmos LegacyDec) of price × 10^expo, truncated toward zero. */
export function toAtomics18(price: bigint, expo: number): bigint {
  return rescale(price, expo, -DECIMAL18_PLACES);
}

/**
 * Formats atomics with `places` decimals the way cosmwasm `Decimal`'s Display does: no trailing fractional zeros and
 * no "." for whole numbers ("1", "1.5", "0.000000000000000001"); a leading "-" for negatives (`SignedDecimal`).
 */
export function formatFixed(atomics: bigint, places: number): string {
  if (!Number.isInteger(places) || places < 0) throw new RangeError(`invalid decimal places ${places}`);
  const neg = atomics < 0n;
  const digits = (neg ? -atomics : atomics).toString().padStart(places + 1, "0");
  const whole = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places).replace(/0+$/, "");
  return (neg ? "-" : "") + whole + (frac === "" ? "" : "." + frac);
}

/** price × 10^expo as an 18-decimal fixed-point string, exactly as cosmwasm `Decimal` prints it (truncated to 18). */
export function toDecimal18(price: bigint, expo: number): string {
  return formatFixed(toAtomics18(price, expo), DECIMAL18_PLACES);
}

/** price × 10^expo written out exactly, with no precision limit (e.g. the fixtures' `*_decimal` fields). */
export function toExactDecimal(price: bigint, expo: number): string {
  checkExpo(expo);
  if (expo >= 0) return (price * 10n ** BigInt(expo)).toString();
  return formatFixed(price, -expo);
}

/** Parses a decimal string ("12.5", "-0.001", "7") into atomics with `places` decimals; rejects excess precision. */
export function parseFixed(s: string, places: number): bigint {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (m === null) throw new SyntaxError(`not a decimal number: ${JSON.stringify(s)}`);
  const frac = m[3] ?? "";
  if (frac.length > places) throw new RangeError(`${s} has more than ${places} decimal places`);
  const v = BigInt(m[2]! + frac.padEnd(places, "0"));
  return m[1] === "-" ? -v : v;
}

export function parseDecimal18(s: string): bigint {
  return parseFixed(s, DECIMAL18_PLACES);
}

function checkExpo(expo: number): void {
  // i32 on the wire; a bound keeps 10n ** BigInt(...) from being used as a memory bomb on hostile input.
  if (!Number.isInteger(expo) || expo < -1000 || expo > 1000) throw new RangeError(`unsupported exponent ${expo}`);
}
