// Attestor epoch reports: bounded batches of provider rows, upserted per provider until the epoch is closed.

import { Decimal, Response, Uint128, err, intStr } from "../std";
import * as E from "./error";
import { Exec } from "./exec";
import { checkAddr } from "./config";
import { EpochPool, EpochResponse, ProgramDef, ReportMsg, RowResponse } from "./msg";
import { EPOCHS, ROWS, epochKey, numEpochs, rowKey } from "./state";
import { loadProgram, poolIndex } from "./program";

export const MAX_BATCH = 50;
const MAX_GPUS: u32 = 100_000;

/** An epoch's record, or a fresh one with a zero entry per pool. */
export function loadEpoch(id: u64, d: ProgramDef, epoch: u32): EpochResponse {
  const e = EPOCHS().load(epochKey(id, epoch));
  if (e !== null) return e;
  const n = new EpochResponse();
  n.epoch = epoch;
  n.start = d.start + <u64>epoch * d.epoch_seconds;
  n.end = n.start + d.epoch_seconds;
  for (let i = 0; i < d.pools.length; i++) {
    const p = new EpochPool();
    p.name = d.pools[i].name;
    n.pools.push(p);
  }
  return n;
}

export function report(x: Exec, m: ReportMsg): Response {
  const l = loadProgram(m.program_id, true);
  if (l.error !== null) return err(changetype<string>(l.error));
  const d = l.def;
  if (!d.attestors.includes(x.sender)) return err(E.UNAUTHORIZED_ATTESTOR);
  const pi = poolIndex(d, m.pool);
  if (pi < 0) return err(E.poolNotFound(m.pool));
  const pool = d.pools[pi];
  if (pool.discretionary !== null) return err(E.wrongPoolKind(m.pool, "reported"));
  const n = numEpochs(d);
  if (m.epoch >= n) return err(E.epochNotFound(m.epoch, n));
  if (m.epoch < l.st.nextEpoch) return err(E.epochClosed(m.epoch));
  const start = d.start + <u64>m.epoch * d.epoch_seconds;
  if (x.now < start) return err(E.epochNotStarted(m.epoch, start));
  const c = pool.committed;
  if (c !== null && c.term_epochs != 0 && m.epoch >= c.term_epochs) return err(E.beyondTerm(m.epoch, m.pool));
  if (m.rows.length == 0 || m.rows.length > MAX_BATCH) return err(E.bad("rows", "1 to 50 per report"));
  const ep = loadEpoch(m.program_id, d, m.epoch);
  const counts = ep.pools[pi];
  for (let i = 0; i < m.rows.length; i++) {
    const r = m.rows[i];
    const f = "rows[" + intStr(i) + "]";
    const e = checkAddr(f + ".provider", r.provider);
    if (e !== null) return err(e);
    for (let j = 0; j < i; j++) if (m.rows[j].provider == r.provider) return err(E.duplicateProvider(r.provider));
    if (r.gpu_count == 0 || r.gpu_count > MAX_GPUS) return err(E.bad(f + ".gpu_count", "1 to 100000"));
    if (r.uptime_bps > 10_000) return err(E.bad(f + ".uptime_bps", "at most 10000"));
    if (r.utilization_bps > 10_000) return err(E.bad(f + ".utilization_bps", "at most 10000"));
    if (c !== null) {
      let known = false;
      for (let k = 0; k < c.prices.length; k++) if (c.prices[k].model == r.gpu_model) known = true;
      if (!known) return err(E.unknownModel(r.gpu_model, m.pool));
      if (!c.providers.includes(r.provider)) return err(E.notCommitted(r.provider, m.pool));
    }
    const lm = pool.liquidity_mining;
    if (lm !== null) {
      let vram: i64 = -1;
      for (let k = 0; k < lm.models.length; k++) if (lm.models[k].model == r.gpu_model) vram = lm.models[k].vram_gb;
      if (vram < 0) return err(E.unknownModel(r.gpu_model, m.pool));
      if (<u32>vram < lm.min_vram_gb) return err(E.notEligible(r.gpu_model, <u32>vram, lm.min_vram_gb));
    }
    const k = rowKey(m.program_id, m.epoch, pi, r.provider);
    if (!ROWS().has(k)) {
      if (counts.rows >= d.max_providers) return err(E.tooManyProviders(m.pool, d.max_providers));
      counts.rows++;
    }
    const row = new RowResponse();
    row.provider = r.provider;
    row.gpu_model = r.gpu_model;
    row.gpu_count = r.gpu_count;
    row.uptime_bps = r.uptime_bps;
    row.utilization_bps = r.utilization_bps;
    row.usd = Decimal.zero();
    row.payout = Uint128.zero();
    ROWS().save(k, row);
  }
  EPOCHS().save(epochKey(m.program_id, m.epoch), ep);
  x.res.addAttribute("action", "report").addAttribute("program_id", intStr(m.program_id));
  x.res.addAttribute("epoch", intStr(m.epoch)).addAttribute("pool", m.pool);
  x.res.addAttribute("rows", intStr(m.rows.length)).addAttribute("providers", intStr(counts.rows));
  return x.res;
}
