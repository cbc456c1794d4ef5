/** The ACT loop (oracle → bme → escrow → provider → bme) on the embedded chain; wasmd runs it from test/localnode. */
import { describe } from "vitest";
import { embeddedBackend } from "../../../scripts/bench/backends.js";
import { withBackend } from "../../helpers/suite.js";
import { bmeLoopSuite } from "./loop.js";

describe("bme loop on the embedded chain", () => {
  const chain = withBackend(() => embeddedBackend({ blockTimeSeconds: 1 }));
  bmeLoopSuite(() => chain.backend, 16);
});
