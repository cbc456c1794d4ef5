// ExecuteMsg handlers, one per variant (`execute` + the variant in PascalCase). The generated dispatch has rejected
// funds on non-payable variants and parsed the body; each handler hands over to its verb's module.

import { Context, Response } from "../std";
import { Exec } from "./exec";
import {
  ClaimMsg,
  CloseEpochMsg,
  CreateProgramMsg,
  DepositRevenueMsg,
  FundProgramMsg,
  GrantMsg,
  ReportMsg,
  SweepMsg,
  UpdateConfigMsg,
} from "./msg";
import { CONFIG } from "./state";
import { claim, createProgram, depositRevenue, fundProgram, grant, sweep } from "./program";
import { report } from "./report";
import { closeEpoch } from "./close";
import { updateConfig } from "./config";

function exec(ctx: Context): Exec {
  return new Exec(ctx, CONFIG().mustLoad());
}

export function executeCreateProgram(ctx: Context, m: CreateProgramMsg): Response {
  return createProgram(exec(ctx), m);
}

export function executeFundProgram(ctx: Context, m: FundProgramMsg): Response {
  return fundProgram(exec(ctx), m);
}

export function executeReport(ctx: Context, m: ReportMsg): Response {
  return report(exec(ctx), m);
}

export function executeCloseEpoch(ctx: Context, m: CloseEpochMsg): Response {
  return closeEpoch(exec(ctx), m);
}

export function executeClaim(ctx: Context, m: ClaimMsg): Response {
  return claim(exec(ctx), m);
}

export function executeGrant(ctx: Context, m: GrantMsg): Response {
  return grant(exec(ctx), m);
}

export function executeSweep(ctx: Context, m: SweepMsg): Response {
  return sweep(exec(ctx), m);
}

export function executeDepositRevenue(ctx: Context, m: DepositRevenueMsg): Response {
  return depositRevenue(exec(ctx), m);
}

export function executeUpdateConfig(ctx: Context, m: UpdateConfigMsg): Response {
  return updateConfig(exec(ctx), m);
}
