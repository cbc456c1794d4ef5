// Node's own WebAssembly engine, for tests that run a built module directly (no chain). The project's lib setting
// ("ES2022", no DOM) declares no `WebAssembly` value, so its one method used here is typed by hand.
export const nodeWasm = (
  globalThis as unknown as {
    WebAssembly: {
      instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
    };
  }
).WebAssembly;
