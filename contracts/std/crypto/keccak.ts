// Keccak-256 as used by Ethereum (original Keccak padding 0x01, not SHA3-256's 0x06). CosmWasm has no host
// import for it, so it runs in wasm: u64 lanes, little-endian, state in static memory (no per-call allocation
// besides the 32-byte result).

const RATE: usize = 136; // 1088-bit rate for a 512-bit capacity

const ROUND_CONSTANTS = memory.data<u64>([
  0x0000000000000001, 0x0000000000008082, 0x800000000000808a, 0x8000000080008000, 0x000000000000808b,
  0x0000000080000001, 0x8000000080008081, 0x8000000000008009, 0x000000000000008a, 0x0000000000000088,
  0x0000000080008009, 0x000000008000000a, 0x000000008000808b, 0x800000000000008b, 0x8000000000008089,
  0x8000000000008003, 0x8000000000008002, 0x8000000000000080, 0x000000000000800a, 0x800000008000000a,
  0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
]);
// ρ rotation and π destination for the lane visited at each step of the combined ρπ walk starting at lane 1.
const RHO = memory.data<u8>([
  1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44,
]);
const PI = memory.data<u8>([10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1]);

const STATE: usize = memory.data(200);
const C: usize = memory.data(40);
const LAST_BLOCK: usize = memory.data(<i32>RATE);

function lane(i: i32): u64 {
  return load<u64>(STATE + ((<usize>i) << 3));
}

function setLane(i: i32, v: u64): void {
  store<u64>(STATE + ((<usize>i) << 3), v);
}

function col(x: i32): u64 {
  return load<u64>(C + ((<usize>x) << 3));
}

function keccakF1600(): void {
  for (let round = 0; round < 24; round++) {
    // θ
    for (let x = 0; x < 5; x++) {
      store<u64>(C + ((<usize>x) << 3), lane(x) ^ lane(x + 5) ^ lane(x + 10) ^ lane(x + 15) ^ lane(x + 20));
    }
    for (let x = 0; x < 5; x++) {
      const d = col((x + 4) % 5) ^ rotl<u64>(col((x + 1) % 5), 1);
      for (let y = 0; y < 25; y += 5) setLane(y + x, lane(y + x) ^ d);
    }
    // ρ and π
    let last = lane(1);
    for (let i = 0; i < 24; i++) {
      const j = <i32>load<u8>(PI + <usize>i);
      const tmp = lane(j);
      setLane(j, rotl<u64>(last, <u64>load<u8>(RHO + <usize>i)));
      last = tmp;
    }
    // χ
    for (let y = 0; y < 25; y += 5) {
      const a0 = lane(y);
      const a1 = lane(y + 1);
      const a2 = lane(y + 2);
      const a3 = lane(y + 3);
      const a4 = lane(y + 4);
      setLane(y, a0 ^ (~a1 & a2));
      setLane(y + 1, a1 ^ (~a2 & a3));
      setLane(y + 2, a2 ^ (~a3 & a4));
      setLane(y + 3, a3 ^ (~a4 & a0));
      setLane(y + 4, a4 ^ (~a0 & a1));
    }
    // ι
    setLane(0, lane(0) ^ load<u64>(ROUND_CONSTANTS + ((<usize>round) << 3)));
  }
}

function absorb(block: usize): void {
  // Unaligned u64 loads are fine in wasm; lanes are little-endian, as wasm memory is.
  for (let i = 0; i < <i32>(RATE >> 3); i++) {
    setLane(i, lane(i) ^ load<u64>(block + ((<usize>i) << 3)));
  }
  keccakF1600();
}

/** Keccak-256 of `len` bytes at `ptr`, written as 32 bytes to `out`. */
export function keccak256Raw(ptr: usize, len: usize, out: usize): void {
  for (let i = 0; i < 25; i++) setLane(i, 0);
  let off: usize = 0;
  while (len - off >= RATE) {
    absorb(ptr + off);
    off += RATE;
  }
  // The final block always exists: when len is a multiple of the rate it holds only padding.
  const rest = len - off;
  for (let i: usize = 0; i < RATE; i++) store<u8>(LAST_BLOCK + i, i < rest ? load<u8>(ptr + off + i) : 0);
  store<u8>(LAST_BLOCK + rest, load<u8>(LAST_BLOCK + rest) ^ 0x01);
  store<u8>(LAST_BLOCK + RATE - 1, load<u8>(LAST_BLOCK + RATE - 1) ^ 0x80);
  absorb(LAST_BLOCK);
  for (let i = 0; i < 4; i++) store<u64>(out + ((<usize>i) << 3), lane(i));
}

/** Keccak-256 (Ethereum flavour) of `data`: a fresh 32-byte array. */
export function keccak256(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  keccak256Raw(data.dataStart, <usize>data.length, out.dataStart);
  return out;
}
