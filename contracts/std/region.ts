// Region = {offset, capacity, length}, 12 bytes little-endian (docs/abi.md#region). Lengths are UTF-8 byte counts.
// The stub runtime's bump allocator never frees, which is fine because every call runs in a fresh instance.

import { decodeUtf8Lossy, encodeUtf8 } from "./utf8";

export function newRegion(dataPtr: usize, capacity: u32, length: u32): u32 {
  const r = heap.alloc(12);
  store<u32>(r, <u32>dataPtr);
  store<u32>(r, capacity, 4);
  store<u32>(r, length, 8);
  return <u32>r;
}

// Called by the host, also from inside host functions: it must only touch the bump allocator.
export function allocateRegion(size: u32): u32 {
  return newRegion(heap.alloc(<usize>size), size, 0);
}

export function regionOffset(region: u32): usize {
  return <usize>load<u32>(<usize>region);
}

export function regionCapacity(region: u32): u32 {
  return load<u32>(<usize>region, 4);
}

export function regionLength(region: u32): u32 {
  return load<u32>(<usize>region, 8);
}

/** Copies the bytes out so the caller owns an ordinary Uint8Array. */
export function readRegion(region: u32): Uint8Array {
  const len = regionLength(region);
  const out = new Uint8Array(<i32>len);
  memory.copy(out.dataStart, regionOffset(region), <usize>len);
  return out;
}

/** The bytes as text; ill-formed UTF-8 becomes U+FFFD (messages go through the strict reader instead). */
export function readRegionString(region: u32): string {
  return decodeUtf8Lossy(regionOffset(region), <usize>regionLength(region));
}

/** A region that points into the array's own buffer: valid as long as the array is (always, under the stub runtime). */
export function regionFromBytes(data: Uint8Array): u32 {
  const n = <u32>data.length;
  return newRegion(data.dataStart, n, n);
}

/** Always valid UTF-8: an unpaired surrogate is written as U+FFFD, so a result never fails the VM's decoding. */
export function regionFromString(s: string): u32 {
  const b = encodeUtf8(s);
  const n = <u32>b.byteLength;
  return newRegion(changetype<usize>(b), n, n);
}
