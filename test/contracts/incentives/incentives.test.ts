// The incentives worked examples (suite.ts) on the embedded chain; test/localnode/contracts.test.ts runs the same
// suite on wasmd.
import { describe } from "vitest";
import { embeddedBackend } from "../../../scripts/bench/backends.js";
import { withBackend } from "../../helpers/suite.js";
import { incentivesSuite } from "./suite.js";

describe("incentives on the embedded chain", () => {
  const chain = withBackend(() => embeddedBackend());
  incentivesSuite(() => chain.backend, 11);
});
