/**
 * The escrow balance-alert watcher: follows `wasm-escrow_alert` events of one escrow contract block by block and
 * hands each alert to a sink (stdout, or a webhook that receives it as JSON).
 *
 * Blocks come from an `EventSource`: `CometEventSource` polls a node's CometBFT RPC (block_results, so failed txs are
 * skipped), `EmbeddedEventSource` reads the embedded chain's event log. Both are polled: the watcher asks for the
 * latest height and reads every block after the last one it processed, so no alert is missed between polls.
 */

export interface SourceAttribute {
  readonly key: string;
  readonly value: string;
}

export interface SourceEvent {
  readonly type: string;
  readonly attributes: readonly SourceAttribute[];
}

/** The events of one successful transaction. */
export interface SourceTx {
  readonly hash: string;
  readonly events: readonly SourceEvent[];
}

export interface EventSource {
  latestHeight(): Promise<number>;
  /** Successful transactions of one block, in block order. */
  blockTxs(height: number): Promise<readonly SourceTx[]>;
  close?(): void;
}

/** One `escrow_alert` as delivered to a sink (and POSTed to a webhook). */
export interface EscrowAlert {
  readonly contract: string;
  readonly height: number;
  readonly txHash: string;
  /** Account id. */
  readonly id: string;
  readonly registrant: string;
  readonly denom: string;
  readonly kind: string;
  readonly threshold: string;
  readonly balance: string;
  /** A number as a string, or "none" when nothing burns the denom. */
  readonly blocksLeft: string;
}

export const ALERT_EVENT = "wasm-escrow_alert";

function attr(e: SourceEvent, key: string): string | undefined {
  return e.attributes.find((a) => a.key === key)?.value;
}

/** The alerts of `contract` among a block's transactions; events of other types or contracts are ignored. */
export function filterAlerts(contract: string, height: number, txs: readonly SourceTx[]): EscrowAlert[] {
  const out: EscrowAlert[] = [];
  for (const tx of txs) {
    for (const e of tx.events) {
      if (e.type !== ALERT_EVENT || attr(e, "_contract_address") !== contract) continue;
      out.push({
        contract,
        height,
        txHash: tx.hash,
        id: attr(e, "id") ?? "",
        registrant: attr(e, "registrant") ?? "",
        denom: attr(e, "denom") ?? "",
        kind: attr(e, "kind") ?? "",
        threshold: attr(e, "threshold") ?? "",
        balance: attr(e, "balance") ?? "",
        blocksLeft: attr(e, "blocks_left") ?? "",
      });
    }
  }
  return out;
}

export type AlertSink = (alert: EscrowAlert) => Promise<void>;

export function printSink(write: (line: string) => void = (l) => void process.stdout.write(l + "\n")): AlertSink {
  return (a) => {
    write(JSON.stringify(a));
    return Promise.resolve();
  };
}

/** POSTs each alert as JSON; a non-2xx answer is an error (the watcher retries the block on the next poll). */
export function webhookSink(url: string, fetchImpl: typeof fetch = fetch): AlertSink {
  return async (a) => {
    const res = await fetchImpl(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(a),
    });
    if (!res.ok) throw new Error(`webhook ${url} answered ${res.status}`);
  };
}

export interface WatcherOptions {
  /** First height to read; default: the latest height at the first poll (only new alerts). */
  fromHeight?: number;
  /** Milliseconds between polls in `run`. Default 2000. */
  intervalMs?: number;
  /** At most this many blocks per poll, so a long backlog does not block for long. Default 100. */
  maxBlocksPerPoll?: number;
}

export class AlertWatcher {
  /** The next height to read. */
  next: number | undefined;

  constructor(
    private readonly source: EventSource,
    private readonly contract: string,
    private readonly sink: AlertSink,
    private readonly opts: WatcherOptions = {},
  ) {
    this.next = opts.fromHeight;
  }

  /**
   * Reads the blocks from `next` up to the latest; returns the alerts delivered. If the sink fails, the block is read
   * again on the next poll (at-least-once delivery: the alerts before the failure in that block are sent again).
   */
  async poll(): Promise<EscrowAlert[]> {
    const latest = await this.source.latestHeight();
    this.next ??= latest;
    const last = Math.min(latest, this.next + (this.opts.maxBlocksPerPoll ?? 100) - 1);
    const delivered: EscrowAlert[] = [];
    for (let h = this.next; h <= last; h++) {
      const alerts = filterAlerts(this.contract, h, await this.source.blockTxs(h));
      for (const a of alerts) {
        await this.sink(a);
        delivered.push(a);
      }
      this.next = h + 1;
    }
    return delivered;
  }

  /** Polls until the signal aborts; errors are reported and retried on the next poll. */
  async run(signal: AbortSignal, onError: (e: unknown) => void = () => undefined): Promise<void> {
    const interval = this.opts.intervalMs ?? 2000;
    while (!signal.aborted) {
      try {
        await this.poll();
      } catch (e) {
        onError(e);
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, interval);
        signal.addEventListener(
          "abort",
          () => {
            clearTimeout(t);
            resolve();
          },
          { once: true },
        );
      });
    }
  }
}
