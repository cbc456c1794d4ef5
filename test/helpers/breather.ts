/**
 * Long property loops run synchronous wasm and parsing back to back; vitest's worker reports progress over the event
 * loop, so a loop that never yields fails the run with `Timeout calling "onTaskUpdate"`. Await the returned function
 * once per iteration: it yields to the event loop when `intervalMs` have passed since the last yield.
 */
export function breather(intervalMs = 100): () => Promise<void> {
  let last = Date.now();
  return async () => {
    if (Date.now() - last < intervalMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = Date.now();
  };
}
