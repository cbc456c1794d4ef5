// wasmd gives every instance at most 32 MiB of memory (contractMemoryLimit). cosmwasm-vm enforces it with wasmer
// tunables that set the memory's maximum, so `memory.grow` past the limit returns -1 instead of trapping. Here the
// module's memory section is rewritten before compiling to declare that maximum, which gives V8 the same behaviour.

export const MEMORY_LIMIT_PAGES = 512;

function readLeb(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    if (b === undefined) throw new Error("truncated LEB128");
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) return [value, at];
  }
}

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** The module with its single defined memory capped at `maxPages`; unchanged when it defines no memory. */
export function capMemory(wasm: Uint8Array, maxPages = MEMORY_LIMIT_PAGES): Uint8Array {
  let at = 8;
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at++];
    const [size, payloadStart] = readLeb(wasm, at);
    const end = payloadStart + size;
    if (id === 5) {
      const [count, p] = readLeb(wasm, payloadStart);
      if (count !== 1) return wasm;
      const flags = wasm[p];
      if (flags !== 0 && flags !== 1) return wasm; // shared or 64-bit memories are rejected at upload anyway
      const [min, afterMin] = readLeb(wasm, p + 1);
      let max = maxPages;
      if (flags === 1) max = Math.min(readLeb(wasm, afterMin)[0], maxPages);
      if (min > max) throw new Error(`initial memory of ${min} pages exceeds the limit of ${max} pages`);
      const payload = [...leb(1), 1, ...leb(min), ...leb(max)];
      const section = [5, ...leb(payload.length), ...payload];
      const out = new Uint8Array(start + section.length + (wasm.length - end));
      out.set(wasm.subarray(0, start), 0);
      out.set(section, start);
      out.set(wasm.subarray(end), start + section.length);
      return out;
    }
    at = end;
  }
  return wasm;
}
