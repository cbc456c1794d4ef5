// The slice of the WebAssembly JS API the chain uses, typed here because the project's `lib` (ES2022, no DOM) does not
// declare it.

export interface WasmModule {
  readonly __wasmModule: unique symbol;
}

export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}

export interface WasmMemoryDescriptor {
  initial: number;
  maximum?: number;
}

export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}

interface WasmApi {
  Module: (new (bytes: Uint8Array) => WasmModule) & {
    exports(m: WasmModule): { name: string; kind: string }[];
  };
  Instance: new (m: WasmModule, imports: Record<string, Record<string, unknown>>) => WasmInstance;
  Memory: new (descriptor: WasmMemoryDescriptor) => WasmMemory;
  RuntimeError: abstract new (...args: never[]) => Error;
}

export const Wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
