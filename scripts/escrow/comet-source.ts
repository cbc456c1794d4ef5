/** EventSource over a node's CometBFT 0.38 RPC: `block_results` for the events, `block` for the tx hashes. */
import { sha256 } from "@cosmjs/crypto";
import { toHex } from "@cosmjs/encoding";
import { Comet38Client } from "@cosmjs/tendermint-rpc";
import type { EventSource, SourceTx } from "./watch.js";

export class CometEventSource implements EventSource {
  private constructor(private readonly client: Comet38Client) {}

  static async connect(rpc: string): Promise<CometEventSource> {
    return new CometEventSource(await Comet38Client.connect(rpc));
  }

  async latestHeight(): Promise<number> {
    return (await this.client.status()).syncInfo.latestBlockHeight;
  }

  async blockTxs(height: number): Promise<readonly SourceTx[]> {
    const [results, block] = await Promise.all([this.client.blockResults(height), this.client.block(height)]);
    const txs: SourceTx[] = [];
    results.results.forEach((r, i) => {
      if (r.code !== 0) return; // a failed tx's events were rolled back
      const raw = block.block.txs[i];
      txs.push({ hash: raw === undefined ? "" : toHex(sha256(raw)).toUpperCase(), events: r.events });
    });
    return txs;
  }

  close(): void {
    this.client.disconnect();
  }
}
