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
