/** EventSource over the embedded chain's tx log (`chain.events`). */
import type { EmbeddedChain } from "../../sim/index.js";
import type { EventSource, SourceTx } from "./watch.js";

export class EmbeddedEventSource implements EventSource {
  constructor(private readonly chain: EmbeddedChain) {}

  /** The last closed block: txs keep landing in the current one until `advanceBlocks`. */
  latestHeight(): Promise<number> {
    return Promise.resolve(this.chain.height - 1);
  }

  blockTxs(height: number): Promise<readonly SourceTx[]> {
    return Promise.resolve(
      this.chain.events
        .filter((r) => r.height === height && r.code === 0)
        .map((r) => ({ hash: r.hash, events: r.events })),
    );
  }
}
