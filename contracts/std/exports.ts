import { allocateRegion } from "./region";

// Marker export checked at upload: exactly one interface_version_* and it must be 8.
export function interface_version_8(): void {}

export function allocate(size: u32): u32 {
  return allocateRegion(size);
}

// A no-op: the stub runtime only grows, and each call runs in a fresh instance whose memory is dropped afterwards.
// (heap.free is not safe here: result regions point into managed objects that heap.alloc did not hand out.)
export function deallocate(region: u32): void {}

/**
 * Capability marker (wasmvm reads `requires_*` exports at upload): the contract sends a CosmWasm 2.0 message
 * (`CosmosMsg::Any`), so a chain older than that refuses the upload instead of the message.
 */
export function requires_cosmwasm_2_0(): void {}
