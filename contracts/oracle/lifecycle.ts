// instantiate and migrate.
import { Context, JsonValue, Key, Parser, Response, err } from "../std";
import { INSTANTIATE_FIELDS, readConfigFields, readFeedId, readSymbol, withParams } from "./msg";
import { replaceSignerSets } from "./admin";
import {
  CONFIG,
  CONTRACT_INFO,
  CONTRACT_NAME,
  CONTRACT_VERSION,
  Config,
  ContractVersion,
  DataSource,
  FEEDS,
  Feed,
} from "./state";
import * as E from "./error";

/** Wormhole Core governance: chain 1, address 0x00…04. */
function defaultGovernanceSource(): DataSource {
  const emitter = new Uint8Array(32);
  emitter[31] = 4;
  return new DataSource(1, emitter);
}

export function instantiate(ctx: Context, msg: JsonValue): Response {
  const p = new Parser("InstantiateMsg");
  const o = p.obj(msg);
  if (p.failed()) return err(p.message());
  p.denyUnknown(o, withParams(INSTANTIATE_FIELDS));
  const required: Array<string> = ["admin", "data_sources", "signer_sets", "fee_recipient"];
  for (let i = 0; i < required.length && !p.failed(); i++) {
    if (!o.has(required[i])) p.fail("missing field `" + required[i] + "`");
  }
  if (p.failed()) return err(p.message());
  const c = new Config();
  c.governanceSource = defaultGovernanceSource();
  const sets = readConfigFields(c, o, p);
  const feeds = new Array<Feed>();
  const list = o.optArr("feeds", p);
  if (list !== null) {
    for (let i = 0; i < list.length && !p.failed(); i++) {
      const f = p.obj(list[i]);
      if (p.failed()) break;
      p.denyUnknown(f, ["id", "symbol"]);
      const id = readFeedId(f, "id", p);
      const symbol = readSymbol(f, p);
      if (!p.failed()) feeds.push(new Feed(id, symbol));
    }
  }
  if (p.failed()) return err(p.message());
  if (ctx.info!.funds.length > 0) return err(E.NO_FUNDS_ACCEPTED);

  CONFIG().save(c);
  replaceSignerSets(sets!);
  for (let i = 0; i < feeds.length; i++) FEEDS().save(Key.bytes(feeds[i].id), feeds[i]);
  CONTRACT_INFO().save(new ContractVersion(CONTRACT_NAME, CONTRACT_VERSION));
  return new Response()
    .addAttribute("action", "instantiate")
    .addAttribute("admin", c.admin)
    .addAttribute("current_signer_set", c.currentSignerSet.toString())
    .addAttribute("num_feeds", feeds.length.toString());
}

export function migrate(ctx: Context, msg: JsonValue): Response {
  const p = new Parser("MigrateMsg");
  const o = p.obj(msg);
  if (!p.failed()) p.denyUnknown(o, []);
  if (p.failed()) return err(p.message());
  const info = CONTRACT_INFO().load();
  if (info === null || info.contract != CONTRACT_NAME)
    return err(E.wrongContract(info === null ? "(none)" : info.contract));
  const from = info.version;
  CONTRACT_INFO().save(new ContractVersion(CONTRACT_NAME, CONTRACT_VERSION));
  return new Response()
    .addAttribute("action", "migrate")
    .addAttribute("from_version", from)
    .addAttribute("to_version", CONTRACT_VERSION);
}
