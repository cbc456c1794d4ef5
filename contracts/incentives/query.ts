// QueryMsg handlers, one per variant; each returns its response class (the generated writers make the JSON).

import { Answer, Context, Key, Order, Uint128, answer, clampLimit, refuse } from "../std";
import * as E from "./error";
import {
  BudgetQuery,
  BudgetResponse,
  ConfigQuery,
  ConfigResponse,
  EpochQuery,
  EpochResponse,
  PoolsQuery,
  PoolsResponse,
  ProgramQuery,
  ProgramResponse,
  ProviderQuery,
  ProviderResponse,
} from "./msg";
import { CONFIG, EARNINGS, ROWS, earnKey, numEpochs, rowPrefix } from "./state";
import { loadProgram, poolIndex } from "./program";
import { loadEpoch } from "./report";
import { excessAkt, fetchPrice, reservedAkt, usdRemaining } from "./close";
import { Exec } from "./exec";

export function queryConfig(_ctx: Context, _m: ConfigQuery): Answer<ConfigResponse> {
  return answer(CONFIG().mustLoad());
}

export function queryProgram(_ctx: Context, m: ProgramQuery): Answer<ProgramResponse> {
  const l = loadProgram(m.program_id, false);
  if (l.error !== null) return refuse<ProgramResponse>(changetype<string>(l.error));
  const r = new ProgramResponse();
  r.id = m.program_id;
  r.program = l.def;
  r.num_epochs = numEpochs(l.def);
  r.next_epoch = l.st.nextEpoch;
  r.swept = l.st.swept;
  return answer(r);
}

export function queryPools(_ctx: Context, m: PoolsQuery): Answer<PoolsResponse> {
  const l = loadProgram(m.program_id, false);
  if (l.error !== null) return refuse<PoolsResponse>(changetype<string>(l.error));
  const r = new PoolsResponse();
  r.pools = l.st.pools;
  return answer(r);
}

export function queryEpoch(_ctx: Context, m: EpochQuery): Answer<EpochResponse> {
  const l = loadProgram(m.program_id, false);
  if (l.error !== null) return refuse<EpochResponse>(changetype<string>(l.error));
  const n = numEpochs(l.def);
  if (m.epoch >= n) return refuse<EpochResponse>(E.epochNotFound(m.epoch, n));
  const pi = poolIndex(l.def, m.pool);
  if (pi < 0) return refuse<EpochResponse>(E.poolNotFound(m.pool));
  const e = loadEpoch(m.program_id, l.def, m.epoch);
  const after = m.start_after;
  const rows = ROWS().range(
    rowPrefix(m.program_id, m.epoch, pi),
    after !== null ? Key.str(after) : null,
    clampLimit(<i32>m.limit, true),
    Order.Ascending,
  );
  for (let i = 0; i < rows.length; i++) e.rows.push(rows[i].value);
  return answer(e);
}

export function queryProvider(_ctx: Context, m: ProviderQuery): Answer<ProviderResponse> {
  const l = loadProgram(m.program_id, false);
  if (l.error !== null) return refuse<ProviderResponse>(changetype<string>(l.error));
  const found = EARNINGS().load(earnKey(m.program_id, m.provider));
  const e = found !== null ? found : new ProviderResponse();
  e.provider = m.provider;
  e.claimable = l.st.swept ? Uint128.zero() : e.earned.sub(e.claimed);
  return answer(e);
}

export function queryBudget(ctx: Context, m: BudgetQuery): Answer<BudgetResponse> {
  const l = loadProgram(m.program_id, false);
  if (l.error !== null) return refuse<BudgetResponse>(changetype<string>(l.error));
  const st = l.st;
  const r = new BudgetResponse();
  r.funded = st.funded;
  r.paid = st.paid;
  r.claimed = st.claimed;
  r.unclaimed = st.unclaimed();
  r.returned_unallocated = st.retUnallocated;
  r.returned_program_end = st.retProgramEnd;
  r.returned_excess_buffer = st.retExcess;
  r.balance = st.balance();
  r.available = st.swept ? Uint128.zero() : st.available();
  r.reserved = st.swept ? Uint128.zero() : reservedAkt(l.def, st, st.nextEpoch);
  r.usd_remaining = usdRemaining(st);
  r.revenue = st.revenue;
  if (!st.swept) {
    const pr = fetchPrice(new Exec(ctx, CONFIG().mustLoad()));
    if (pr.error === null) {
      r.price = pr.value;
      r.excess = excessAkt(l.def, st, st.nextEpoch, pr.value);
    }
  }
  return answer(r);
}
