/**
 * The contract suites (test/contracts/<name>/suite.ts) on a real wasmd localnet: the same governance deployments and
 * checks that escrow.test.ts and oracle.test.ts run on the embedded chain. One localnet serves every suite; they sign
 * with different funded accounts.
 */
import { describe } from "vitest";
import { wasmdBackend } from "../../scripts/bench/backends.js";
import { realChainAvailable, realChainTitle } from "../helpers/backends.js";
import { withBackend } from "../helpers/suite.js";
import { escrowSuite } from "../contracts/escrow/suite.js";
import { oracleSuite } from "../contracts/oracle/suite.js";
import { bmeSuite } from "../contracts/bme/suite.js";
import { bmeLoopSuite } from "../contracts/bme/loop.js";
import { incentivesSuite } from "../contracts/incentives/suite.js";
import { incentivesProposalSuite } from "./incentives-proposal.js";

describe.skipIf(!(await realChainAvailable()))(await realChainTitle("contract suites on wasmd"), () => {
  const chain = withBackend(wasmdBackend);
  escrowSuite(() => chain.backend, 1);
  oracleSuite(() => chain.backend, 6);
  bmeSuite(() => chain.backend, 11);
  bmeLoopSuite(() => chain.backend, 16);
  incentivesSuite(() => chain.backend, 20);
  incentivesProposalSuite(() => chain.backend, 30);
});
