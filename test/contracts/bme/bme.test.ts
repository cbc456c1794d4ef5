/**
 * The bme suite (AEP-76 numbers, circuit breaker) on the embedded chain; test/localnode/contracts.test.ts runs the
 * same suite on wasmd. The embedded chain makes 1-second blocks so oracle staleness and TWAP windows line up with
 * block counts.
 */
import { describe } from "vitest";
import { embeddedBackend } from "../../../scripts/bench/backends.js";
import { withBackend } from "../../helpers/suite.js";
import { bmeSuite } from "./suite.js";

describe("bme on the embedded chain", () => {
  const chain = withBackend(() => embeddedBackend({ blockTimeSeconds: 1 }));
  bmeSuite(() => chain.backend, 11);
});
