// ExecuteMsg handlers, one per variant (`execute` + the variant in PascalCase). The generated dispatch (gen/dispatch.ts)
// has already rejected funds on non-payable variants and parsed the body; each handler hands over to its verb's module.
import { Context, Response } from "../std";
import {
  AddFeedMsg,
  FeedPriceMsg,
  PauseMsg,
  RemoveFeedMsg,
  SubmitSignerSetUpgradeMsg,
  UnpauseMsg,
  UpdateConfigMsg,
  UpdatePriceFeedsMsg,
} from "./msg";
import { updatePriceFeeds } from "./update";
import { submitSignerSetUpgrade } from "./rotation";
import { feedPrice } from "./feeder";
import { addFeed, removeFeed, setPaused, updateConfig } from "./admin";

export function executeUpdatePriceFeeds(ctx: Context, m: UpdatePriceFeedsMsg): Response {
  return updatePriceFeeds(ctx, m.data);
}

export function executeSubmitSignerSetUpgrade(ctx: Context, m: SubmitSignerSetUpgradeMsg): Response {
  return submitSignerSetUpgrade(ctx, m.vaa);
}

export function executeFeedPrice(ctx: Context, m: FeedPriceMsg): Response {
  return feedPrice(ctx, m);
}

export function executeUpdateConfig(ctx: Context, m: UpdateConfigMsg): Response {
  return updateConfig(ctx, m);
}

export function executeAddFeed(ctx: Context, m: AddFeedMsg): Response {
  return addFeed(ctx, m);
}

export function executeRemoveFeed(ctx: Context, m: RemoveFeedMsg): Response {
  return removeFeed(ctx, m);
}

export function executePause(ctx: Context, _m: PauseMsg): Response {
  return setPaused(ctx, true);
}

export function executeUnpause(ctx: Context, _m: UnpauseMsg): Response {
  return setPaused(ctx, false);
}
