// Memory protocol shared by the test-only harnesses: JS writes operands into `alloc`ed memory and reads results
// as [u32 length][UTF-8 text] from the pointer `out` returns. Each harness re-exports `alloc` and `reset`.

export function alloc(len: usize): usize {
  return heap.alloc(len);
}

/** Drops everything allocated so far (stub runtime); call between cases so long runs do not grow memory. */
export function reset(): void {
  heap.reset();
}

export function out(s: string): usize {
  const b = String.UTF8.encode(s);
  const n = <usize>b.byteLength;
  const p = heap.alloc(4 + n);
  store<u32>(p, <u32>n);
  memory.copy(p + 4, changetype<usize>(b), n);
  return p;
}
