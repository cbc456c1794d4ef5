// A loopback Hermes: the v2 REST endpoints the relayer uses, serving generator-signed updates, with the Bearer-key
// check of post-2026 Hermes and injectable failures. For tests, demos and offline development (no API key needed).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { buildPriceUpdate, toHermesParsed, toPriceMessage, type PriceInput, type UpdateOptions } from "./generator.js";
import type { PriceMessage } from "./messages.js";

export interface MockFeed extends PriceInput {
  /** Shown in /v2/price_feeds attributes; default "Crypto.<id prefix>/USD". */
  symbol?: string;
}

export interface MockHermesOptions {
  /** When set, every request must carry `Authorization: Bearer <apiKey>` (401 otherwise), as Hermes does since 2026. */
  apiKey?: string;
  feeds?: readonly MockFeed[];
  /** Generator options for the signed updates (mode, signers, tampering…). */
  updateOptions?: UpdateOptions;
  /** Default 0 = a random free port. */
  port?: number;
}

export interface MockHermesRequest {
  method: string;
  path: string;
  ids: string[];
  authorization: string | undefined;
  status: number;
}

export interface MockHermes {
  /** Base URL to give HermesClient, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly requests: MockHermesRequest[];
  /** Adds or replaces a feed's current price. */
  setPrice(feed: MockFeed): void;
  /** The next `count` requests fail with `status` (after the auth check). */
  failNext(status: number, count?: number): void;
  setUpdateOptions(o: UpdateOptions): void;
  close(): Promise<void>;
}

const normId = (id: string): string => id.toLowerCase().replace(/^0x/, "");

export async function startMockHermes(o: MockHermesOptions = {}): Promise<MockHermes> {
  const feeds = new Map<string, MockFeed>();
  for (const f of o.feeds ?? []) feeds.set(normId(f.feedId), f);
  let updateOptions: UpdateOptions = o.updateOptions ?? {};
  const failures: number[] = [];
  const requests: MockHermesRequest[] = [];

  const send = (res: ServerResponse, status: number, body: unknown): number => {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    res.writeHead(status, { "content-type": typeof body === "string" ? "text/plain" : "application/json" });
    res.end(text);
    return status;
  };

  const latest = (url: URL, res: ServerResponse, ids: string[]): number => {
    if (ids.length === 0) return send(res, 400, "Missing ids[] query parameter");
    const missing = ids.filter((id) => !feeds.has(id));
    const ignoreInvalid = url.searchParams.get("ignore_invalid_price_ids") === "true";
    if (missing.length > 0 && !ignoreInvalid) return send(res, 404, `Price ids not found: ${missing.join(", ")}`);
    const found = ids.filter((id) => feeds.has(id)).map((id) => feeds.get(id)!);
    if (found.length === 0) return send(res, 404, "Price ids not found");
    const encoding = url.searchParams.get("encoding") ?? "hex";
    if (encoding !== "hex" && encoding !== "base64") return send(res, 400, `Invalid encoding ${encoding}`);
    const update = buildPriceUpdate(found, updateOptions);
    const body: Record<string, unknown> = {
      binary: { encoding, data: [encoding === "hex" ? update.hex : update.base64] },
    };
    if (url.searchParams.get("parsed") === "true") {
      body.parsed = update.prices.map((p: PriceMessage) => toHermesParsed(p, update.slot));
    }
    return send(res, 200, body);
  };

  const priceFeeds = (url: URL, res: ServerResponse): number => {
    const query = url.searchParams.get("query")?.toLowerCase();
    const assetType = url.searchParams.get("asset_type")?.toLowerCase();
    const list = [...feeds.entries()]
      .map(([id, f]) => {
        const symbol = f.symbol ?? `Crypto.${id.slice(0, 8).toUpperCase()}/USD`;
        const [kind = "Crypto", pair = symbol] = symbol.split(".");
        const [base = pair, quote = "USD"] = pair.split("/");
        return {
          id,
          attributes: {
            asset_type: kind,
            base,
            quote_currency: quote,
            symbol,
            display_symbol: `${base}/${quote}`,
            description: `${base.toUpperCase()} / ${quote.toUpperCase()}`,
          },
        };
      })
      .filter((f) => query === undefined || f.attributes.symbol.toLowerCase().includes(query))
      .filter((f) => assetType === undefined || f.attributes.asset_type.toLowerCase() === assetType);
    return send(res, 200, list);
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const ids = url.searchParams.getAll("ids[]").map(normId);
    const record: MockHermesRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      ids,
      authorization: req.headers.authorization,
      status: 0,
    };
    requests.push(record);
    if (o.apiKey !== undefined && req.headers.authorization !== `Bearer ${o.apiKey}`) {
      record.status = send(res, 401, "Unauthorized: missing or invalid API key");
      return;
    }
    const failure = failures.shift();
    if (failure !== undefined) {
      record.status = send(res, failure, `injected failure ${failure}`);
      return;
    }
    if (req.method !== "GET") {
      record.status = send(res, 405, "Method not allowed");
      return;
    }
    if (url.pathname === "/v2/updates/price/latest") record.status = latest(url, res, ids);
    else if (url.pathname === "/v2/price_feeds") record.status = priceFeeds(url, res);
    else record.status = send(res, 404, "Not found");
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      // A generator error (e.g. a bad tamper option) is a test bug: surface it as a 500 with the message.
      send(res, 500, e instanceof Error ? e.message : String(e));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port ?? 0, "127.0.0.1", () => {
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setPrice(feed) {
      toPriceMessage(feed); // validate now, not on the next request
      feeds.set(normId(feed.feedId), feed);
    },
    failNext(status, count = 1) {
      for (let i = 0; i < count; i++) failures.push(status);
    },
    setUpdateOptions(opts) {
      updateOptions = opts;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => {
          if (err) reject(err);
          else resolve();
        });
      }),
  };
}
