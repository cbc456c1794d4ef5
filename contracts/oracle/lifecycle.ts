// InstantiateMsg and MigrateMsg handlers (the generated dispatch has parsed the message).
import { Context, Key, Response, err, intStr } from "../std";
import { InstantiateMsg, MigrateMsg } from "./msg";
import { applyConfig, asUpdate, checkFeed } from "./config";
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

export function instantiateContract(ctx: Context, m: InstantiateMsg): Response {
  const c = new Config();
  c.governanceSource = defaultGovernanceSource();
  const change = applyConfig(c, asUpdate(m));
  if (change.error !== null) return err(changetype<string>(change.error));
  const feeds = new Array<Feed>();
  const list = m.feeds;
  if (list !== null) {
    for (let i = 0; i < list.length; i++) {
      const f = checkFeed(list[i].id, list[i].symbol);
      if (f.error !== null) return err(changetype<string>(f.error));
      feeds.push(f.passed());
    }
  }
  if (ctx.messageInfo().funds.length > 0) return err(E.FUNDS_NOT_ACCEPTED);

  CONFIG().save(c);
  replaceSignerSets(change.sets!);
  for (let i = 0; i < feeds.length; i++) FEEDS().save(Key.bytes(feeds[i].id), feeds[i]);
  CONTRACT_INFO().save(new ContractVersion(CONTRACT_NAME, CONTRACT_VERSION));
  return new Response()
    .addAttribute("action", "instantiate")
    .addAttribute("admin", c.admin)
    .addAttribute("current_signer_set", intStr(c.currentSignerSet))
    .addAttribute("num_feeds", intStr(feeds.length));
}

export function migrateContract(_ctx: Context, _m: MigrateMsg): Response {
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
