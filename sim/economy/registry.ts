// Which mechanisms and agents a scenario can use. bme and incentives add themselves here when their contracts land:
// a Mechanism (deploy through governance, observe events, measure queries) and their Agents (minters, redeemers,
// epoch keepers, attestor, program launches), each bringing its own parameter schema.
import { bmeMechanism } from "./mechanisms/bme.js";
import { escrowMechanism } from "./mechanisms/escrow.js";
import { incentivesMechanism } from "./mechanisms/incentives.js";
import { oracleMechanism } from "./mechanisms/oracle.js";
import { tenantActAgent } from "./agents/act.js";
import { arbitrageurAgent } from "./agents/arbitrageur.js";
import { bmeKeeperAgent, bmeUsersAgent } from "./agents/bme.js";
import { governanceAgent } from "./agents/governance.js";
import {
  incentivesAttestorAgent,
  incentivesClaimsAgent,
  incentivesKeeperAgent,
  incentivesRevenueAgent,
} from "./agents/incentives.js";
import { keepersAgent } from "./agents/keepers.js";
import { providersAgent } from "./agents/providers.js";
import { relayerAgent } from "./agents/relayer.js";
import { sponsorsAgent } from "./agents/sponsors.js";
import { tenantsAgent } from "./agents/tenants.js";
import type { Agent, Mechanism, Registry } from "./types.js";

export type { Registry };

export function makeRegistry(mechanisms: readonly Mechanism[], agents: readonly Agent[]): Registry {
  const sorted = [...agents].sort((a, b) => a.substep - b.substep || (a.name < b.name ? -1 : 1));
  return { mechanisms, agents: sorted, eventKinds: sorted.flatMap((a) => a.eventKinds ?? []) };
}

export const defaultRegistry = (): Registry =>
  makeRegistry(
    [oracleMechanism, escrowMechanism, bmeMechanism, incentivesMechanism],
    [
      relayerAgent,
      governanceAgent,
      sponsorsAgent,
      tenantsAgent,
      tenantActAgent,
      bmeUsersAgent,
      providersAgent,
      keepersAgent,
      bmeKeeperAgent,
      arbitrageurAgent,
      incentivesAttestorAgent,
      incentivesKeeperAgent,
      incentivesClaimsAgent,
      incentivesRevenueAgent,
    ],
  );
