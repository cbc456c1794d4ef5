// The default deployment: the instantiate message each contract gets when a plan does not give one. Deploy plans,
// the demo and test fixtures start from here, so a new contract's defaults are written once.

import type { JsonObject } from "../../sim/interface/client.js";
import { testSignerSet } from "../pyth/generator.js";
import { oracleInstantiateMsg, type OracleSetup } from "../pyth/oracle-deploy.js";
import type { InstantiateMsg as BmeInstantiateMsg } from "../../clients/Bme.types.js";
import type { InstantiateMsg as EscrowInstantiateMsg } from "../../clients/Escrow.types.js";

export interface DeploymentDefaults {
  /** Admin written into the contracts' own config (the gov module address, or "$GOV" in a plan). */
  admin: string;
  /** Oracle trust and fee settings; default: the generator's well-known TEST signer set (legacy format). */
  oracle?: Omit<OracleSetup, "admin">;
  /** The oracle contract bme reads; default "$CONTRACT:oracle" (the plan's oracle). */
  bmeOracle?: string;
}

/**
 * Local and test defaults; they follow schema/<name>/instantiate_msg.json (typed by the generated clients/). The oracle default trusts TEST keys
 * (scripts/pyth), so a real network needs a plan file with the Wormhole guardian set instead. `{}` for a contract
 * without defaults.
 */
export function defaultInstantiateMsg(name: string, d: DeploymentDefaults): JsonObject {
  switch (name) {
    case "bme":
      // The oracle's address is linked in at deployment (the oracle is deployed first, scripts/deploy/plan.ts).
      return { admin: d.admin, oracle: d.bmeOracle ?? "$CONTRACT:oracle" } satisfies BmeInstantiateMsg;
    case "escrow":
      return { admin: d.admin } satisfies EscrowInstantiateMsg;
    case "oracle":
      return oracleInstantiateMsg({ admin: d.admin, ...(d.oracle ?? { signerSets: [testSignerSet("legacy")] }) });
    case "probe":
      return { count: 0 };
    default:
      return {};
  }
}
