// A small ActivityPub server built on Fedify, for testing Starling against an implementation we did not write.
// Usage: node peer.mjs [--port N] [--host HOST:PORT] [--user NAME]   (or PEER_PORT, PEER_HOST, PEER_USER, ...)
// See scripts/peer/README.md.

import { AsyncLocalStorage } from "node:async_hooks";
import { parseArgs } from "node:util";
import { configure, getConsoleSink } from "@logtape/logtape";
import { controlApi, buildNote } from "./control.mjs";
import { buildFederation } from "./federation.mjs";
import { installFetchWrapper, serve } from "./http.mjs";
import { describeSignature, PeerState } from "./state.mjs";

const { values: args } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    user: { type: "string" },
    bind: { type: "string" },
  },
});

const env = process.env;
const flag = (v, dflt) => (v == null || v === "" ? dflt : !["0", "false", "no", "off"].includes(v.toLowerCase()));
const port = Number(args.port ?? env.PEER_PORT ?? 0);
const bind = args.bind ?? env.PEER_BIND ?? "127.0.0.1";

const config = {
  user: args.user ?? env.PEER_USER ?? "peer",
  host: args.host ?? env.PEER_HOST ?? null, // known after listen when the port is 0
  // "rfc9421" is Fedify's own default: it signs RFC 9421 first and falls back to draft-cavage on a 4xx/5xx
  // (double-knocking), remembering per origin what worked.
  firstKnock: env.PEER_FIRST_KNOCK ?? "rfc9421",
  queue: flag(env.PEER_QUEUE, false),
  autoAccept: flag(env.PEER_AUTO_ACCEPT, true),
  acceptDelayMs: Number(env.PEER_ACCEPT_DELAY_MS ?? 50),
  ed25519: flag(env.PEER_ED25519, true),
  plainHttpWebFinger: flag(env.PEER_PLAIN_HTTP_WEBFINGER, true),
};
if (!["rfc9421", "draft-cavage-http-signatures-12"].includes(config.firstKnock)) {
  console.error(`PEER_FIRST_KNOCK must be rfc9421 or draft-cavage-http-signatures-12, not ${config.firstKnock}`);
  process.exit(2);
}

const state = new PeerState();
const log = (line) => console.log(`[peer ${config.host ?? "?"}] ${line}`);

await configure({
  contextLocalStorage: new AsyncLocalStorage(),
  sinks: { console: getConsoleSink() },
  loggers: [
    { category: "fedify", lowestLevel: env.PEER_LOG_LEVEL ?? "warning", sinks: ["console"] },
    { category: ["logtape", "meta"], lowestLevel: "warning", sinks: ["console"] },
  ],
});

installFetchWrapper({
  plainHttpWebFinger: config.plainHttpWebFinger,
  record: (entry) => state.record("requests", { seq: state.nextSeq(), ...entry }),
});

// Per inbox POST: the JSON as sent and the signature it carried, for the listeners to record (see federation.mjs).
const inboxAls = new AsyncLocalStorage();
const inboxById = new Map();
const inboxInfo = (activityId) => inboxAls.getStore() ?? (activityId ? inboxById.get(activityId) : undefined);

let handleControl = null;
let federation = null;

async function handle(request, body) {
  const u = new URL(request.url);
  if (u.pathname.startsWith("/_control/")) return await handleControl(request);
  const started = performance.now();
  const entry = {
    seq: state.nextSeq(),
    direction: "in",
    at: new Date().toISOString(),
    method: request.method,
    url: request.url,
    accept: request.headers.get("accept"),
    contentType: request.headers.get("content-type"),
    userAgent: request.headers.get("user-agent"),
    signature: describeSignature(request.headers),
    status: null,
    ms: null,
  };
  let info = null;
  if (request.method === "POST" && /inbox$/.test(u.pathname)) {
    let parsed = null;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      // Fedify answers 400
    }
    info = { json: parsed, signature: entry.signature, path: u.pathname, rejectedRecorded: false };
    entry.activity = { type: parsed?.type ?? null, id: parsed?.id ?? null, actor: parsed?.actor ?? null };
    if (typeof parsed?.id === "string") {
      inboxById.set(parsed.id, info);
      if (inboxById.size > 1000) inboxById.delete(inboxById.keys().next().value);
    }
  }
  const response = await inboxAls.run(info, () =>
    federation.fetch(request, {
      contextData: undefined,
      onNotFound: () => new Response("Not found", { status: 404 }),
      onNotAcceptable: () => new Response("Not acceptable", { status: 406 }),
    }),
  );
  entry.status = response.status;
  entry.ms = Math.round(performance.now() - started);
  state.record("requests", entry);
  // A refused inbox POST that never reached onUnverifiedActivity (bad JSON, key and actor mismatch, ...)
  if (info && response.status >= 400 && !info.rejectedRecorded) {
    const text = await response.clone().text();
    const rejected = {
      seq: state.nextSeq(),
      receivedAt: entry.at,
      status: response.status,
      reason: text.slice(0, 200),
      keyId: entry.signature.keyId,
      type: info.json?.type ?? null,
      id: info.json?.id ?? null,
      actor: typeof info.json?.actor === "string" ? info.json.actor : (info.json?.actor?.id ?? null),
      signature: entry.signature,
      inbox: info.path,
      json: info.json,
    };
    state.record("rejected", rejected);
    log(`REJECT ${rejected.type} id=${rejected.id} status=${rejected.status} ${rejected.reason}`);
  }
  return response;
}

const server = await serve({
  bind,
  port,
  publicHost: config.host ?? `${bind}:${port}`,
  handler: (request, body) => {
    if (federation == null) return new Response("starting", { status: 503 });
    return handle(request, body);
  },
  onError: (e) => log(`HTTP-ERROR ${e?.stack ?? e}`),
});
const actualPort = server.address().port;
config.host ??= `127.0.0.1:${actualPort}`;
// a host without a port (PEER_HOST=localhost with port 0) gets the port the server listens on
if (!/:\d+$/.test(config.host)) config.host = `${config.host}:${actualPort}`;

const built = await buildFederation({ config, state, log, inboxInfo, noteBuilder: buildNote });
handleControl = controlApi({ config, state, federation: built.federation, tools: built, log });
federation = built.federation;

log(
  `READY http://${bind}:${actualPort} actor=http://${config.host}/users/${config.user} ` +
    `handle=@${config.user}@${config.host} firstKnock=${config.firstKnock} queue=${config.queue}`,
);

if (env.PEER_READY_FILE) {
  const ready = {
    port: actualPort,
    host: config.host,
    base: `http://${bind}:${actualPort}`,
    actor: `http://${config.host}/users/${config.user}`,
    handle: `@${config.user}@${config.host}`,
    pid: process.pid,
  };
  const { writeFileSync, renameSync } = await import("node:fs");
  writeFileSync(`${env.PEER_READY_FILE}.tmp`, JSON.stringify(ready));
  renameSync(`${env.PEER_READY_FILE}.tmp`, env.PEER_READY_FILE);
}

const stop = (signal) => {
  log(`STOP ${signal}`);
  server.close();
  server.closeAllConnections?.();
  setTimeout(() => process.exit(0), 200).unref();
};
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
