// ExecuteMsg handlers, one per variant. The generated dispatch (gen/dispatch.ts) has already rejected funds on
// non-payable variants and parsed the body; each handler hands over to its verb's module.

import { Context, Response } from "../std";
import { Exec } from "./exec";
import {
  BurnMsg,
  FundVaultMsg,
  MintActMsg,
  PauseMsg,
  ProcessEpochMsg,
  RedeemActMsg,
  SendMsg,
  TransferMsg,
  UnpauseMsg,
  UpdateConfigMsg,
} from "./msg";
import { fundVault, setPaused, updateConfig } from "./config";
import { mint, processEpoch, redeem } from "./queue";
import { burn, send, transfer } from "./token";

export function executeTransfer(ctx: Context, m: TransferMsg): Response {
  return transfer(new Exec(ctx), m.recipient, m.amount);
}

export function executeSend(ctx: Context, m: SendMsg): Response {
  return send(new Exec(ctx), m.contract, m.amount, m.msg);
}

export function executeBurn(ctx: Context, m: BurnMsg): Response {
  return burn(new Exec(ctx), m.amount);
}

export function executeMintAct(ctx: Context, _m: MintActMsg): Response {
  return mint(new Exec(ctx));
}

export function executeRedeemAct(ctx: Context, m: RedeemActMsg): Response {
  return redeem(new Exec(ctx), m.amount);
}

export function executeProcessEpoch(ctx: Context, m: ProcessEpochMsg): Response {
  return processEpoch(new Exec(ctx), m.limit);
}

export function executeFundVault(ctx: Context, _m: FundVaultMsg): Response {
  return fundVault(new Exec(ctx));
}

export function executeUpdateConfig(ctx: Context, m: UpdateConfigMsg): Response {
  return updateConfig(new Exec(ctx), m);
}

export function executePause(ctx: Context, _m: PauseMsg): Response {
  return setPaused(new Exec(ctx), true);
}

export function executeUnpause(ctx: Context, _m: UnpauseMsg): Response {
  return setPaused(new Exec(ctx), false);
}
