// Block control over the embedded chain: blocks close when asked, so `advance` returns at once.

import type { BlockControl } from "../interface/blocks.js";

/** What block control needs from EmbeddedChain. */
export interface BlockClock {
  readonly timeNanos: bigint;
  advanceBlocks(n: number): void;
}

export class EmbeddedBlocks implements BlockControl {
  constructor(private readonly chain: BlockClock) {}

  now(): Promise<number> {
    return Promise.resolve(Number(this.chain.timeNanos / 1_000_000_000n));
  }

  advance(n: number): Promise<void> {
    this.chain.advanceBlocks(n);
    return Promise.resolve();
  }
}
