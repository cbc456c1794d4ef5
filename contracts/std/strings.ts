// String building for a stub-runtime contract, where memory is never freed.

/**
 * Concatenates `parts` with one allocation. `Array<string>#join("")` must not be used: compiled with
 * `--shrinkLevel 2` it allocates for every piece, so joining a few thousand pieces (a large response or record)
 * exhausts the 32 MiB instance memory. test/std/probe.test.ts pins this with a large `emit`.
 */
export function concatAll(parts: Array<string>): string {
  let units: usize = 0;
  for (let i = 0, n = parts.length; i < n; i++) units += <usize>parts[i].length;
  if (units == 0) return "";
  const out = __new(units << 1, idof<String>());
  let offset: usize = 0;
  for (let i = 0, n = parts.length; i < n; i++) {
    const part = parts[i];
    const bytes = (<usize>part.length) << 1;
    memory.copy(out + offset, changetype<usize>(part), bytes);
    offset += bytes;
  }
  return changetype<string>(out);
}

/** `parts` separated by `separator`, with one allocation (see `concatAll`). */
export function joinWith(parts: Array<string>, separator: string): string {
  const pieces = new Array<string>();
  for (let i = 0, n = parts.length; i < n; i++) {
    if (i > 0) pieces.push(separator);
    pieces.push(parts[i]);
  }
  return concatAll(pieces);
}

/**
 * The decimal text of an integer, as its `toString()` writes it. One small formatter for every width instead of
 * ~lib's four (itoa32/utoa32/itoa64/utoa64 with their digit-count tables): a few hundred bytes less per contract.
 */
export function intStr<T>(n: T): string {
  if (!isInteger<T>() || isBoolean<T>()) ERROR("intStr takes an integer");
  if (isSigned<T>()) {
    const v = <i64>n;
    return formatDecimal(v < 0 ? 0 - <u64>v : <u64>v, v < 0);
  }
  return formatDecimal(<u64>n, false);
}

function formatDecimal(n: u64, negative: bool): string {
  // Exact size, like ~lib's formatters: a call that writes many numbers must not use more memory than before.
  let digits: usize = 1;
  for (let t = n; t >= 10; t /= 10) digits++;
  const len = digits + <usize>negative;
  const out = __new(len << 1, idof<String>());
  let at = out + (len << 1);
  do {
    at -= 2;
    store<u16>(at, <u16>(48 + <u32>(n % 10)));
    n /= 10;
  } while (n != 0);
  if (negative) store<u16>(out, 45);
  return changetype<string>(out);
}
