// Generated from contracts/incentives/msg.ts by scripts/codegen (run by `npm run build`). Do not edit: change msg.ts,
// then rebuild. docs/contracts.md describes the conventions.

import {
  Coin,
  Decimal,
  JsonObject,
  JsonValue,
  JsonWriter,
  Parser,
  Some,
  Uint128,
  Uint256,
  optionalField,
  optionalInt,
  readOneOf,
  readU16,
  requiredField,
} from "../../std";
import {
  BudgetQuery,
  BudgetResponse,
  ClaimMsg,
  CloseEpochMsg,
  CommittedPool,
  ConfigQuery,
  ConfigResponse,
  CreateProgramMsg,
  DepositRevenueMsg,
  DiscretionaryPool,
  EpochPool,
  EpochQuery,
  EpochResponse,
  FundProgramMsg,
  GrantMsg,
  InstantiateMsg,
  LiquidityMiningPool,
  MigrateMsg,
  ModelPrice,
  ModelWeight,
  PoolMsg,
  PoolState,
  PoolsQuery,
  PoolsResponse,
  ProgramDef,
  ProgramQuery,
  ProgramResponse,
  ProviderQuery,
  ProviderResponse,
  ReportMsg,
  ReportRow,
  RevenueShare,
  RowResponse,
  SweepMsg,
  Treasury,
  UpdateConfigMsg,
} from "../msg";

export function parseInstantiateMsg(o: JsonObject, p: Parser): InstantiateMsg {
  const m = new InstantiateMsg();
  p.denyUnknown(o, FIELDS_InstantiateMsg);
  m.admin = o.str("admin", p);
  m.oracle = o.str("oracle", p);
  m.feed_id = o.str("feed_id", p);
  if (o.has("max_price_age")) m.max_price_age = o.u64("max_price_age", p);
  if (o.has("denom")) m.denom = o.str("denom", p);
  return m;
}

export function parseMigrateMsg(o: JsonObject, p: Parser): MigrateMsg {
  const m = new MigrateMsg();
  p.denyUnknown(o, FIELDS_MigrateMsg);
  return m;
}

export function parseCreateProgramMsg(o: JsonObject, p: Parser): CreateProgramMsg {
  const m = new CreateProgramMsg();
  p.denyUnknown(o, FIELDS_CreateProgramMsg);
  let v: JsonValue | null = null;
  v = requiredField(o, "program", p);
  if (v !== null) m.program = parseProgramDef(p.obj(v), p);
  m.from_balance = o.optUint128("from_balance", p);
  return m;
}

export function parseProgramDef(o: JsonObject, p: Parser): ProgramDef {
  const m = new ProgramDef();
  p.denyUnknown(o, FIELDS_ProgramDef);
  let v: JsonValue | null = null;
  m.name = o.str("name", p);
  m.start = o.u64("start", p);
  m.epoch_seconds = o.u64("epoch_seconds", p);
  m.end = o.u64("end", p);
  m.grace = o.u64("grace", p);
  m.report_window = o.u64("report_window", p);
  v = requiredField(o, "attestors", p);
  if (v !== null) m.attestors = readArrayOfString(v, p);
  v = requiredField(o, "treasury", p);
  if (v !== null) m.treasury = parseTreasury(p.obj(v), p);
  m.volatility_buffer_bps = o.u32("volatility_buffer_bps", p);
  m.max_providers = o.u32("max_providers", p);
  v = requiredField(o, "pools", p);
  if (v !== null) m.pools = readArrayOfPoolMsg(v, p);
  v = optionalField(o, "revenue");
  if (v !== null) m.revenue = parseRevenueShare(p.obj(v), p);
  return m;
}

export function parseTreasury(o: JsonObject, p: Parser): Treasury {
  const m = new Treasury();
  p.denyUnknown(o, FIELDS_Treasury);
  let v: JsonValue | null = null;
  v = requiredField(o, "mode", p);
  if (v !== null) m.mode = readOneOf(v, ["community_pool", "address"], p);
  m.address = o.optStr("address", p);
  return m;
}

export function parsePoolMsg(o: JsonObject, p: Parser): PoolMsg {
  const m = new PoolMsg();
  p.denyUnknown(o, FIELDS_PoolMsg);
  let v: JsonValue | null = null;
  m.name = o.str("name", p);
  v = optionalField(o, "committed");
  if (v !== null) m.committed = parseCommittedPool(p.obj(v), p);
  v = optionalField(o, "liquidity_mining");
  if (v !== null) m.liquidity_mining = parseLiquidityMiningPool(p.obj(v), p);
  v = optionalField(o, "discretionary");
  if (v !== null) m.discretionary = parseDiscretionaryPool(p.obj(v), p);
  return m;
}

export function parseCommittedPool(o: JsonObject, p: Parser): CommittedPool {
  const m = new CommittedPool();
  p.denyUnknown(o, FIELDS_CommittedPool);
  let v: JsonValue | null = null;
  v = requiredField(o, "prices", p);
  if (v !== null) m.prices = readArrayOfModelPrice(v, p);
  v = requiredField(o, "providers", p);
  if (v !== null) m.providers = readArrayOfString(v, p);
  m.sla_uptime_bps = o.u32("sla_uptime_bps", p);
  m.term_epochs = o.u32("term_epochs", p);
  m.usd_budget = o.decimal("usd_budget", p);
  return m;
}

export function parseModelPrice(o: JsonObject, p: Parser): ModelPrice {
  const m = new ModelPrice();
  p.denyUnknown(o, FIELDS_ModelPrice);
  m.model = o.str("model", p);
  m.usd_per_hour = o.decimal("usd_per_hour", p);
  return m;
}

export function parseLiquidityMiningPool(o: JsonObject, p: Parser): LiquidityMiningPool {
  const m = new LiquidityMiningPool();
  p.denyUnknown(o, FIELDS_LiquidityMiningPool);
  let v: JsonValue | null = null;
  m.per_epoch = o.uint128("per_epoch", p);
  m.min_vram_gb = o.u32("min_vram_gb", p);
  v = requiredField(o, "models", p);
  if (v !== null) m.models = readArrayOfModelWeight(v, p);
  return m;
}

export function parseModelWeight(o: JsonObject, p: Parser): ModelWeight {
  const m = new ModelWeight();
  p.denyUnknown(o, FIELDS_ModelWeight);
  m.model = o.str("model", p);
  m.vram_gb = o.u32("vram_gb", p);
  m.multiplier = o.decimal("multiplier", p);
  return m;
}

export function parseDiscretionaryPool(o: JsonObject, p: Parser): DiscretionaryPool {
  const m = new DiscretionaryPool();
  p.denyUnknown(o, FIELDS_DiscretionaryPool);
  m.budget = o.uint128("budget", p);
  return m;
}

export function parseRevenueShare(o: JsonObject, p: Parser): RevenueShare {
  const m = new RevenueShare();
  p.denyUnknown(o, FIELDS_RevenueShare);
  m.operator = o.str("operator", p);
  m.spot_fee_bps = o.u32("spot_fee_bps", p);
  m.reservation_fee_bps = o.u32("reservation_fee_bps", p);
  return m;
}

export function parseFundProgramMsg(o: JsonObject, p: Parser): FundProgramMsg {
  const m = new FundProgramMsg();
  p.denyUnknown(o, FIELDS_FundProgramMsg);
  m.program_id = o.u64("program_id", p);
  m.from_balance = o.optUint128("from_balance", p);
  return m;
}

export function parseReportMsg(o: JsonObject, p: Parser): ReportMsg {
  const m = new ReportMsg();
  p.denyUnknown(o, FIELDS_ReportMsg);
  let v: JsonValue | null = null;
  m.program_id = o.u64("program_id", p);
  m.pool = o.str("pool", p);
  m.epoch = o.u32("epoch", p);
  v = requiredField(o, "rows", p);
  if (v !== null) m.rows = readArrayOfReportRow(v, p);
  return m;
}

export function parseReportRow(o: JsonObject, p: Parser): ReportRow {
  const m = new ReportRow();
  p.denyUnknown(o, FIELDS_ReportRow);
  m.provider = o.str("provider", p);
  m.gpu_model = o.str("gpu_model", p);
  m.gpu_count = o.u32("gpu_count", p);
  m.uptime_bps = o.u32("uptime_bps", p);
  m.utilization_bps = o.u32("utilization_bps", p);
  return m;
}

export function parseCloseEpochMsg(o: JsonObject, p: Parser): CloseEpochMsg {
  const m = new CloseEpochMsg();
  p.denyUnknown(o, FIELDS_CloseEpochMsg);
  m.program_id = o.u64("program_id", p);
  return m;
}

export function parseClaimMsg(o: JsonObject, p: Parser): ClaimMsg {
  const m = new ClaimMsg();
  p.denyUnknown(o, FIELDS_CloseEpochMsg);
  m.program_id = o.u64("program_id", p);
  return m;
}

export function parseGrantMsg(o: JsonObject, p: Parser): GrantMsg {
  const m = new GrantMsg();
  p.denyUnknown(o, FIELDS_GrantMsg);
  m.program_id = o.u64("program_id", p);
  m.pool = o.str("pool", p);
  m.provider = o.str("provider", p);
  m.amount = o.uint128("amount", p);
  return m;
}

export function parseSweepMsg(o: JsonObject, p: Parser): SweepMsg {
  const m = new SweepMsg();
  p.denyUnknown(o, FIELDS_CloseEpochMsg);
  m.program_id = o.u64("program_id", p);
  return m;
}

export function parseDepositRevenueMsg(o: JsonObject, p: Parser): DepositRevenueMsg {
  const m = new DepositRevenueMsg();
  p.denyUnknown(o, FIELDS_DepositRevenueMsg);
  let v: JsonValue | null = null;
  m.program_id = o.u64("program_id", p);
  v = requiredField(o, "kind", p);
  if (v !== null) m.kind = readOneOf(v, ["spot", "reservation"], p);
  return m;
}

export function parseUpdateConfigMsg(o: JsonObject, p: Parser): UpdateConfigMsg {
  const m = new UpdateConfigMsg();
  p.denyUnknown(o, FIELDS_UpdateConfigMsg);
  m.admin = o.optStr("admin", p);
  m.oracle = o.optStr("oracle", p);
  m.feed_id = o.optStr("feed_id", p);
  m.max_price_age = optionalInt<u64>(o, "max_price_age", p);
  return m;
}

export function parseConfigQuery(o: JsonObject, p: Parser): ConfigQuery {
  const m = new ConfigQuery();
  p.denyUnknown(o, FIELDS_MigrateMsg);
  return m;
}

export function parseProgramQuery(o: JsonObject, p: Parser): ProgramQuery {
  const m = new ProgramQuery();
  p.denyUnknown(o, FIELDS_CloseEpochMsg);
  m.program_id = o.u64("program_id", p);
  return m;
}

export function parsePoolsQuery(o: JsonObject, p: Parser): PoolsQuery {
  const m = new PoolsQuery();
  p.denyUnknown(o, FIELDS_CloseEpochMsg);
  m.program_id = o.u64("program_id", p);
  return m;
}

export function parseEpochQuery(o: JsonObject, p: Parser): EpochQuery {
  const m = new EpochQuery();
  p.denyUnknown(o, FIELDS_EpochQuery);
  m.program_id = o.u64("program_id", p);
  m.epoch = o.u32("epoch", p);
  m.pool = o.str("pool", p);
  m.start_after = o.optStr("start_after", p);
  if (o.has("limit")) m.limit = o.u32("limit", p);
  return m;
}

export function parseProviderQuery(o: JsonObject, p: Parser): ProviderQuery {
  const m = new ProviderQuery();
  p.denyUnknown(o, FIELDS_ProviderQuery);
  m.program_id = o.u64("program_id", p);
  m.provider = o.str("provider", p);
  return m;
}

export function parseBudgetQuery(o: JsonObject, p: Parser): BudgetQuery {
  const m = new BudgetQuery();
  p.denyUnknown(o, FIELDS_CloseEpochMsg);
  m.program_id = o.u64("program_id", p);
  return m;
}

const FIELDS_InstantiateMsg: StaticArray<string> = ["admin", "oracle", "feed_id", "max_price_age", "denom"];

const FIELDS_MigrateMsg: StaticArray<string> = [];

const FIELDS_CreateProgramMsg: StaticArray<string> = ["program", "from_balance"];

const FIELDS_ProgramDef: StaticArray<string> = [
  "name",
  "start",
  "epoch_seconds",
  "end",
  "grace",
  "report_window",
  "attestors",
  "treasury",
  "volatility_buffer_bps",
  "max_providers",
  "pools",
  "revenue",
];

function readArrayOfString(v: JsonValue, p: Parser): Array<string> {
  const items = p.arr(v);
  const out = new Array<string>();
  for (let i = 0; i < items.length && !p.failed(); i++) out.push(p.str(items[i]));
  return out;
}

function readArrayOfPoolMsg(v: JsonValue, p: Parser): Array<PoolMsg> {
  const items = p.arr(v);
  const out = new Array<PoolMsg>();
  for (let i = 0; i < items.length && !p.failed(); i++) out.push(parsePoolMsg(p.obj(items[i]), p));
  return out;
}

const FIELDS_Treasury: StaticArray<string> = ["mode", "address"];

const FIELDS_PoolMsg: StaticArray<string> = ["name", "committed", "liquidity_mining", "discretionary"];

const FIELDS_CommittedPool: StaticArray<string> = [
  "prices",
  "providers",
  "sla_uptime_bps",
  "term_epochs",
  "usd_budget",
];

function readArrayOfModelPrice(v: JsonValue, p: Parser): Array<ModelPrice> {
  const items = p.arr(v);
  const out = new Array<ModelPrice>();
  for (let i = 0; i < items.length && !p.failed(); i++) out.push(parseModelPrice(p.obj(items[i]), p));
  return out;
}

const FIELDS_ModelPrice: StaticArray<string> = ["model", "usd_per_hour"];

const FIELDS_LiquidityMiningPool: StaticArray<string> = ["per_epoch", "min_vram_gb", "models"];

function readArrayOfModelWeight(v: JsonValue, p: Parser): Array<ModelWeight> {
  const items = p.arr(v);
  const out = new Array<ModelWeight>();
  for (let i = 0; i < items.length && !p.failed(); i++) out.push(parseModelWeight(p.obj(items[i]), p));
  return out;
}

const FIELDS_ModelWeight: StaticArray<string> = ["model", "vram_gb", "multiplier"];

const FIELDS_DiscretionaryPool: StaticArray<string> = ["budget"];

const FIELDS_RevenueShare: StaticArray<string> = ["operator", "spot_fee_bps", "reservation_fee_bps"];

const FIELDS_FundProgramMsg: StaticArray<string> = ["program_id", "from_balance"];

const FIELDS_ReportMsg: StaticArray<string> = ["program_id", "pool", "epoch", "rows"];

function readArrayOfReportRow(v: JsonValue, p: Parser): Array<ReportRow> {
  const items = p.arr(v);
  const out = new Array<ReportRow>();
  for (let i = 0; i < items.length && !p.failed(); i++) out.push(parseReportRow(p.obj(items[i]), p));
  return out;
}

const FIELDS_ReportRow: StaticArray<string> = ["provider", "gpu_model", "gpu_count", "uptime_bps", "utilization_bps"];

const FIELDS_CloseEpochMsg: StaticArray<string> = ["program_id"];

const FIELDS_GrantMsg: StaticArray<string> = ["program_id", "pool", "provider", "amount"];

const FIELDS_DepositRevenueMsg: StaticArray<string> = ["program_id", "kind"];

const FIELDS_UpdateConfigMsg: StaticArray<string> = ["admin", "oracle", "feed_id", "max_price_age"];

const FIELDS_EpochQuery: StaticArray<string> = ["program_id", "epoch", "pool", "start_after", "limit"];

const FIELDS_ProviderQuery: StaticArray<string> = ["program_id", "provider"];

function writeArrayOfString(w: JsonWriter, a: Array<string>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) w.str(a[i]);
  return w.endArray();
}

function writeArrayOfPoolMsg(w: JsonWriter, a: Array<PoolMsg>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) writePoolMsg(w, a[i]);
  return w.endArray();
}

function writeArrayOfModelPrice(w: JsonWriter, a: Array<ModelPrice>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) writeModelPrice(w, a[i]);
  return w.endArray();
}

function writeArrayOfModelWeight(w: JsonWriter, a: Array<ModelWeight>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) writeModelWeight(w, a[i]);
  return w.endArray();
}

function writeArrayOfPoolState(w: JsonWriter, a: Array<PoolState>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) writePoolState(w, a[i]);
  return w.endArray();
}

function writeArrayOfEpochPool(w: JsonWriter, a: Array<EpochPool>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) writeEpochPool(w, a[i]);
  return w.endArray();
}

function writeArrayOfRowResponse(w: JsonWriter, a: Array<RowResponse>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) writeRowResponse(w, a[i]);
  return w.endArray();
}

export function writeConfigResponse(w: JsonWriter, m: ConfigResponse): JsonWriter {
  return w
    .beginObject()
    .key("admin")
    .str(m.admin)
    .key("oracle")
    .str(m.oracle)
    .key("feed_id")
    .str(m.feed_id)
    .key("max_price_age")
    .u64(<u64>m.max_price_age)
    .key("denom")
    .str(m.denom)
    .key("next_program_id")
    .u64(<u64>m.next_program_id)
    .key("held")
    .uint128(m.held)
    .endObject();
}

export function writeProgramResponse(w: JsonWriter, m: ProgramResponse): JsonWriter {
  return writeProgramDef(
    w
      .beginObject()
      .key("id")
      .u64(<u64>m.id)
      .key("program"),
    m.program,
  )
    .key("num_epochs")
    .u64(<u64>m.num_epochs)
    .key("next_epoch")
    .u64(<u64>m.next_epoch)
    .key("swept")
    .bool(m.swept)
    .endObject();
}

export function writeProgramDef(w: JsonWriter, m: ProgramDef): JsonWriter {
  writeArrayOfPoolMsg(
    writeTreasury(
      writeArrayOfString(
        w
          .beginObject()
          .key("name")
          .str(m.name)
          .key("start")
          .u64(<u64>m.start)
          .key("epoch_seconds")
          .u64(<u64>m.epoch_seconds)
          .key("end")
          .u64(<u64>m.end)
          .key("grace")
          .u64(<u64>m.grace)
          .key("report_window")
          .u64(<u64>m.report_window)
          .key("attestors"),
        m.attestors,
      ).key("treasury"),
      m.treasury,
    )
      .key("volatility_buffer_bps")
      .u64(<u64>m.volatility_buffer_bps)
      .key("max_providers")
      .u64(<u64>m.max_providers)
      .key("pools"),
    m.pools,
  ).key("revenue");
  const revenue = m.revenue;
  if (revenue === null) w.nul();
  else writeRevenueShare(w, revenue);
  return w.endObject();
}

export function writeTreasury(w: JsonWriter, m: Treasury): JsonWriter {
  w.beginObject().key("mode").str(m.mode).key("address");
  const address = m.address;
  if (address === null) w.nul();
  else w.str(address);
  return w.endObject();
}

export function writePoolMsg(w: JsonWriter, m: PoolMsg): JsonWriter {
  w.beginObject().key("name").str(m.name).key("committed");
  const committed = m.committed;
  if (committed === null) w.nul();
  else writeCommittedPool(w, committed);
  w.key("liquidity_mining");
  const liquidity_mining = m.liquidity_mining;
  if (liquidity_mining === null) w.nul();
  else writeLiquidityMiningPool(w, liquidity_mining);
  w.key("discretionary");
  const discretionary = m.discretionary;
  if (discretionary === null) w.nul();
  else writeDiscretionaryPool(w, discretionary);
  return w.endObject();
}

export function writeCommittedPool(w: JsonWriter, m: CommittedPool): JsonWriter {
  return writeArrayOfString(
    writeArrayOfModelPrice(w.beginObject().key("prices"), m.prices).key("providers"),
    m.providers,
  )
    .key("sla_uptime_bps")
    .u64(<u64>m.sla_uptime_bps)
    .key("term_epochs")
    .u64(<u64>m.term_epochs)
    .key("usd_budget")
    .decimal(m.usd_budget)
    .endObject();
}

export function writeModelPrice(w: JsonWriter, m: ModelPrice): JsonWriter {
  return w.beginObject().key("model").str(m.model).key("usd_per_hour").decimal(m.usd_per_hour).endObject();
}

export function writeLiquidityMiningPool(w: JsonWriter, m: LiquidityMiningPool): JsonWriter {
  return writeArrayOfModelWeight(
    w
      .beginObject()
      .key("per_epoch")
      .uint128(m.per_epoch)
      .key("min_vram_gb")
      .u64(<u64>m.min_vram_gb)
      .key("models"),
    m.models,
  ).endObject();
}

export function writeModelWeight(w: JsonWriter, m: ModelWeight): JsonWriter {
  return w
    .beginObject()
    .key("model")
    .str(m.model)
    .key("vram_gb")
    .u64(<u64>m.vram_gb)
    .key("multiplier")
    .decimal(m.multiplier)
    .endObject();
}

export function writeDiscretionaryPool(w: JsonWriter, m: DiscretionaryPool): JsonWriter {
  return w.beginObject().key("budget").uint128(m.budget).endObject();
}

export function writeRevenueShare(w: JsonWriter, m: RevenueShare): JsonWriter {
  return w
    .beginObject()
    .key("operator")
    .str(m.operator)
    .key("spot_fee_bps")
    .u64(<u64>m.spot_fee_bps)
    .key("reservation_fee_bps")
    .u64(<u64>m.reservation_fee_bps)
    .endObject();
}

export function writePoolsResponse(w: JsonWriter, m: PoolsResponse): JsonWriter {
  return writeArrayOfPoolState(w.beginObject().key("pools"), m.pools).endObject();
}

export function writePoolState(w: JsonWriter, m: PoolState): JsonWriter {
  return w
    .beginObject()
    .key("name")
    .str(m.name)
    .key("kind")
    .str(m.kind)
    .key("paid")
    .uint128(m.paid)
    .key("carry")
    .uint128(m.carry)
    .key("usd_remaining")
    .decimal(m.usd_remaining)
    .key("granted")
    .uint128(m.granted)
    .endObject();
}

export function writeEpochResponse(w: JsonWriter, m: EpochResponse): JsonWriter {
  return writeArrayOfRowResponse(
    writeArrayOfEpochPool(
      w
        .beginObject()
        .key("epoch")
        .u64(<u64>m.epoch)
        .key("start")
        .u64(<u64>m.start)
        .key("end")
        .u64(<u64>m.end)
        .key("closed")
        .bool(m.closed)
        .key("price")
        .decimal(m.price)
        .key("excess_returned")
        .uint128(m.excess_returned)
        .key("pools"),
      m.pools,
    ).key("rows"),
    m.rows,
  ).endObject();
}

export function writeEpochPool(w: JsonWriter, m: EpochPool): JsonWriter {
  return w
    .beginObject()
    .key("name")
    .str(m.name)
    .key("rows")
    .u64(<u64>m.rows)
    .key("paid")
    .uint128(m.paid)
    .key("unallocated")
    .uint128(m.unallocated)
    .key("usd_owed")
    .decimal(m.usd_owed)
    .key("usd_paid")
    .decimal(m.usd_paid)
    .endObject();
}

export function writeRowResponse(w: JsonWriter, m: RowResponse): JsonWriter {
  return w
    .beginObject()
    .key("provider")
    .str(m.provider)
    .key("gpu_model")
    .str(m.gpu_model)
    .key("gpu_count")
    .u64(<u64>m.gpu_count)
    .key("uptime_bps")
    .u64(<u64>m.uptime_bps)
    .key("utilization_bps")
    .u64(<u64>m.utilization_bps)
    .key("usd")
    .decimal(m.usd)
    .key("payout")
    .uint128(m.payout)
    .endObject();
}

export function writeProviderResponse(w: JsonWriter, m: ProviderResponse): JsonWriter {
  return w
    .beginObject()
    .key("provider")
    .str(m.provider)
    .key("earned")
    .uint128(m.earned)
    .key("claimed")
    .uint128(m.claimed)
    .key("claimable")
    .uint128(m.claimable)
    .endObject();
}

export function writeBudgetResponse(w: JsonWriter, m: BudgetResponse): JsonWriter {
  w.beginObject()
    .key("funded")
    .uint128(m.funded)
    .key("paid")
    .uint128(m.paid)
    .key("claimed")
    .uint128(m.claimed)
    .key("unclaimed")
    .uint128(m.unclaimed)
    .key("returned_unallocated")
    .uint128(m.returned_unallocated)
    .key("returned_program_end")
    .uint128(m.returned_program_end)
    .key("returned_excess_buffer")
    .uint128(m.returned_excess_buffer)
    .key("balance")
    .uint128(m.balance)
    .key("available")
    .uint128(m.available)
    .key("reserved")
    .uint128(m.reserved)
    .key("usd_remaining")
    .decimal(m.usd_remaining)
    .key("revenue")
    .uint128(m.revenue)
    .key("price");
  const price = m.price;
  if (price === null) w.nul();
  else w.decimal(price);
  w.key("excess");
  const excess = m.excess;
  if (excess === null) w.nul();
  else w.uint128(excess);
  return w.endObject();
}
