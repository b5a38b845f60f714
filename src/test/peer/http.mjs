// Plain node:http in front of Fedify's fetch-style handler (no web framework), plus a wrapper around the global
// fetch() that Fedify uses for every outbound request, to record what the peer sent and to reach WebFinger over
// plain HTTP.

import http from "node:http";
import { describeSignature } from "./state.mjs";

const MAX_BODY = 5 * 1024 * 1024;

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (c) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error("body too large"));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * Starts an HTTP server on bind:port that turns each request into a WHATWG Request for handler(request, body) and
 * writes back the Response. Resolves to the node server once it listens.
 */
export async function serve({ bind, port, publicHost, handler, onError }) {
  const server = http.createServer(async (req, res) => {
    try {
      const body = req.method === "GET" || req.method === "HEAD" ? null : await readBody(req);
      const headers = new Headers();
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
      // The Host header is what the client addressed (and what a draft-cavage signature covers); the peer's own
      // ids come from FederationOptions.origin, not from here.
      const host = req.headers.host ?? publicHost;
      const request = new Request(`http://${host}${req.url}`, { method: req.method, headers, body });
      const response = await handler(request, body);
      const outHeaders = {};
      response.headers.forEach((v, k) => {
        outHeaders[k] = v;
      });
      const buf = req.method === "HEAD" ? null : Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, outHeaders);
      res.end(buf);
    } catch (error) {
      onError?.(error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end(`peer error: ${error?.message ?? error}`);
    }
  });
  server.keepAliveTimeout = 5000;
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, bind, resolve);
  });
  return server;
}

/**
 * Replaces globalThis.fetch (which Fedify calls for WebFinger, documents, keys and deliveries) with one that
 *  - rewrites https://HOST/.well-known/webfinger to http:// when plainHttpWebFinger is set: Fedify's WebFinger client
 *    always uses https for acct: handles, and the test servers speak plain HTTP on loopback;
 *  - records each exchange (method, url, Accept, signature scheme, status) through record().
 */
export function installFetchWrapper({ plainHttpWebFinger, record }) {
  const original = globalThis.fetch;
  globalThis.fetch = async function peerFetch(input, init) {
    let request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const url = new URL(request.url);
    if (plainHttpWebFinger && url.protocol === "https:" && url.pathname.startsWith("/.well-known/")) {
      url.protocol = "http:";
      request = new Request(url, request);
    }
    const started = performance.now();
    const entry = {
      direction: "out",
      at: new Date().toISOString(),
      method: request.method,
      url: request.url,
      accept: request.headers.get("accept"),
      contentType: request.headers.get("content-type"),
      signature: describeSignature(request.headers),
      status: null,
      ms: null,
      error: null,
    };
    try {
      const response = await original(request);
      entry.status = response.status;
      return response;
    } catch (error) {
      entry.error = String(error?.cause?.code ?? error?.message ?? error);
      throw error;
    } finally {
      entry.ms = Math.round(performance.now() - started);
      record(entry);
    }
  };
}
