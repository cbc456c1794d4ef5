// Runs before every test file (vitest.config.ts setupFiles): smart queries on both backends validate oracle, bme and
// escrow responses against the committed schemas; a test that produced a mismatch fails even if it caught the error.
import { afterEach, expect } from "vitest";
import { NodeChainClient } from "../scripts/localnode/node-client.js";
import { EmbeddedClient } from "../sim/index.js";
import { checkResponsesOf, responseCheckLog } from "./helpers/response-schemas.js";

checkResponsesOf(EmbeddedClient.prototype);
checkResponsesOf(NodeChainClient.prototype);

afterEach(() => {
  const mismatches = responseCheckLog.mismatches.splice(0);
  expect(mismatches, "query responses that do not match their committed schema").toEqual([]);
});
