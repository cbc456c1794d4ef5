// Governance: deploys every mechanism through proposals when the chain is warmed (engine.ts), and applies the
// scenario's scheduled parameter changes as gov-authority executions (x/gov proposals on a real node).
import { closed } from "../schema.js";
import type { Agent } from "../types.js";
import { grantFromProgram, launchProgram, type ProgramGrant, type ProgramLaunch } from "./incentives.js";

export const governanceAgent: Agent = {
  name: "governance",
  substep: 1,
  needs: [],
  behaviourSchema: closed({}, { default: {} }),
  // Program sizing knobs a sweep can vary (events are not sweepable): scale the budget, override the buffer.
  policySchema: {
    program_budget_factor: { type: "number", minimum: 0, default: 1, description: "multiplies program_launch budgets" },
    program_buffer_bps: {
      type: "integer",
      minimum: -1,
      maximum: 100000,
      default: -1,
      description: "volatility buffer of launched programs, bps (-1: as the event says)",
    },
  },
  eventKinds: [
    {
      kind: "gov_param",
      properties: {
        contract: { type: "string", description: "mechanism name (escrow, oracle, …)" },
        msg: { type: "object", description: "the admin message, e.g. {update_config: {…}}" },
      },
      required: ["contract", "msg"],
    },
    {
      kind: "program_launch",
      needs: "incentives",
      properties: { program: { type: "object", description: "the incentives program to fund and start" } },
      required: ["program"],
    },
    {
      kind: "program_grant",
      needs: "incentives",
      properties: {
        program: { type: "string", description: "name of a launched program" },
        pool: { type: "string", description: "one of its discretionary pools" },
        provider: { type: "integer", minimum: 0, description: "simulated provider index (providers.count)" },
        amount: { type: "string", pattern: "^[1-9][0-9]*$", description: "uakt credited to the provider" },
      },
      required: ["program", "pool", "provider", "amount"],
    },
  ],
  async act(ctx) {
    for (const e of ctx.events) {
      if (e.kind === "program_launch") await launchProgram(ctx, e.program as ProgramLaunch);
      if (e.kind === "program_grant") await grantFromProgram(ctx, e as unknown as ProgramGrant);
      if (e.kind !== "gov_param") continue;
      const name = e.contract as string;
      const address = ctx.contracts[name];
      if (address === undefined) throw new Error(`gov_param at step ${e.at}: no '${name}' contract deployed`);
      const ok = await ctx.tx(
        `gov.${name}`,
        async () => {
          await ctx.chain.backend.governance.execute(address, e.msg as Record<string, unknown>, {
            title: `Scenario parameter change at step ${e.at}`,
          });
          return { logs: [], height: 0, transactionHash: "", events: [], gasWanted: 0n, gasUsed: 0n };
        },
        false,
      );
      if (ok !== undefined) ctx.kpi.add("gov.proposals", 1);
    }
  },
};
