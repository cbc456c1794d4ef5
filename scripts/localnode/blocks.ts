// Block control over a running node: blocks come at the node's pace, so `advance` waits for them.

import type { BlockControl } from "../../sim/interface/blocks.js";
import type { NodeChainClient } from "./node-client.js";

const POLL_MS = 200;

export class NodeBlocks implements BlockControl {
  constructor(private readonly client: Pick<NodeChainClient, "comet" | "getHeight">) {}

  async now(): Promise<number> {
    const block = await this.client.comet.block();
    return Math.floor(block.block.header.time.getTime() / 1000);
  }

  async advance(n: number): Promise<void> {
    const target = (await this.client.getHeight()) + n;
    while ((await this.client.getHeight()) < target) await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
