/**
 * The parts every embedded ≡ wasmd suite shares: building script steps, the run options for each backend (wasmd:
 * queries at the tx's height, fees added back, gas read from the tx; embedded: wasmd's heights replayed, gas from the
 * tx log), and the comparison of the two runs, observation by observation so a failure names the step.
 */
import { expect } from "vitest";
import type { EmbeddedChain } from "../../sim/index.js";
import type { NodeChainClient } from "../../scripts/localnode/node-client.js";
import type { Coin, JsonObject } from "../../sim/interface/client.js";
import { FIXED_FEE, smartQueryAtHeight, type Observation, type RunOptions, type Step } from "./equivalence.js";

/** Step builders; balances are in `denom`. */
export function stepBuilders(denom = "uakt") {
  return {
    execute: (name: string, sender: string, msg: JsonObject, funds?: Coin[]): Step => ({
      kind: "execute",
      name,
      sender,
      msg,
      ...(funds === undefined ? {} : { funds }),
    }),
    query: (name: string, msg: JsonObject): Step => ({ kind: "query", name, msg }),
    balance: (name: string, address: string): Step => ({ kind: "balance", name, address, denom }),
    balanceDelta: (name: string, address: string): Step => ({ kind: "balanceDelta", name, address, denom }),
  };
}

/** Gas of a tx as wasmd reports it. */
export function wasmdGasUsed(client: NodeChainClient): RunOptions["txGasUsed"] {
  return async (hash) => (await client.signing.getTx(hash))?.gasUsed;
}

/** Gas of a tx from the embedded chain's tx log. */
export function embeddedGasUsed(chain: EmbeddedChain): RunOptions["txGasUsed"] {
  return (hash) => Promise.resolve(chain.events.find((t) => t.hash === hash)?.gasUsed);
}

/** Options for the wasmd run of a script that sends every tx with {@link FIXED_FEE}. */
export function onWasmd(client: NodeChainClient): RunOptions {
  return {
    queryAt: smartQueryAtHeight(client.comet),
    feePerTx: FIXED_FEE.amount[0]!,
    txGasUsed: wasmdGasUsed(client),
  };
}

/**
 * Options for the embedded run that replays the heights the wasmd run recorded: the chain advances to each tx's
 * height first (`atHeight` runs after, e.g. to set wasmd's block time).
 */
export function replayOnEmbedded(
  chain: EmbeddedChain,
  heights: readonly (number | undefined)[],
  atHeight?: (height: number) => void,
): RunOptions {
  return {
    replay: {
      heights,
      advanceTo: (h) => {
        if (h < chain.height) throw new Error(`cannot go back from height ${chain.height} to ${h}`);
        chain.advanceBlocks(h - chain.height);
        atHeight?.(h);
      },
    },
    txGasUsed: embeddedGasUsed(chain),
  };
}

/** Every observation equal, in order, each failure naming its step; then the same count. */
export function expectSameObservations(embedded: readonly Observation[], real: readonly Observation[]): void {
  for (let i = 0; i < real.length; i++) expect(embedded[i], real[i]!.name).toEqual(real[i]);
  expect(embedded).toHaveLength(real.length);
}
