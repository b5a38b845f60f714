// In-memory state of the peer: who follows it, whom it follows, what it posted, and logs of what it received and
// sent, for the control API (control.mjs) to report. Everything is lost when the process ends, on purpose: each test
// starts a fresh peer.

const LOG_LIMIT = 2000;

function push(list, item) {
  list.push(item);
  if (list.length > LOG_LIMIT) list.splice(0, list.length - LOG_LIMIT);
}

export class PeerState {
  constructor() {
    this.seq = 0;
    /** actor id -> { id, inbox, sharedInbox, followId, state: "accepted"|"pending", since } */
    this.followers = new Map();
    /** actor id -> { id, inbox, sharedInbox, followId, state: "pending"|"accepted"|"rejected", since } */
    this.following = new Map();
    /** note id -> { id, uuid, content, to, cc, inReplyTo, mentions, published, updated, deleted, recipients } */
    this.notes = new Map();
    /** activities that reached an inbox listener (Fedify verified them) */
    this.received = [];
    /** inbox POSTs that Fedify refused (answered >= 400): unsigned, bad signature, key/actor mismatch, bad JSON */
    this.rejected = [];
    /** activities this peer sent, with the outcome of each delivery */
    this.sent = [];
    /** every HTTP exchange in (requests Starling made to the peer) and out (requests the peer made) */
    this.requests = [];
    /** waiters for long polls: functions called whenever something is recorded */
    this.waiters = new Set();
  }

  nextSeq() {
    return ++this.seq;
  }

  record(list, item) {
    push(this[list], item);
    for (const w of [...this.waiters]) w();
  }

  /** Resolves when predicate() is true or after timeoutMs; returns predicate()'s last value. */
  waitFor(predicate, timeoutMs) {
    const first = predicate();
    if (first || !(timeoutMs > 0)) return Promise.resolve(first);
    return new Promise((resolve) => {
      const done = (value) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(value);
      };
      const check = () => {
        const value = predicate();
        if (value) done(value);
      };
      const timer = setTimeout(() => done(predicate()), timeoutMs);
      this.waiters.add(check);
    });
  }

  clearLogs() {
    this.received.length = 0;
    this.rejected.length = 0;
    this.sent.length = 0;
    this.requests.length = 0;
  }
}

/** Which HTTP signature a request carries, from its headers alone (Fedify verifies it; this only names it). */
export function describeSignature(headers) {
  const get = (name) => (typeof headers.get === "function" ? headers.get(name) : headers[name]);
  const input = get("signature-input");
  const sig = get("signature");
  if (input) {
    const keyid = /keyid="([^"]*)"/i.exec(input);
    const alg = /alg="([^"]*)"/i.exec(input);
    return { scheme: "rfc9421", keyId: keyid?.[1] ?? null, algorithm: alg?.[1] ?? null };
  }
  if (sig) {
    const keyId = /keyId="([^"]*)"/.exec(sig);
    const alg = /algorithm="([^"]*)"/.exec(sig);
    const hdrs = /headers="([^"]*)"/.exec(sig);
    return {
      scheme: "draft-cavage-http-signatures-12",
      keyId: keyId?.[1] ?? null,
      algorithm: alg?.[1] ?? null,
      headers: hdrs?.[1] ?? null,
    };
  }
  return { scheme: "none", keyId: null, algorithm: null };
}

function idOf(value) {
  if (value == null) return null;
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(idOf);
  if (typeof value === "object") return value.id ?? value["@id"] ?? value.href ?? null;
  return null;
}

/** A short, JSON-friendly view of an activity's object, from the JSON as received. */
export function summarizeObject(object) {
  if (object == null) return null;
  if (typeof object === "string") return { id: object };
  if (Array.isArray(object)) return object.map(summarizeObject);
  const out = { type: object.type ?? null, id: idOf(object) };
  for (const key of ["actor", "object", "attributedTo", "inReplyTo"]) {
    if (object[key] !== undefined) out[key] = idOf(object[key]);
  }
  // compact JSON-LD (Fedify's wire form) writes a one-element array as a scalar: always arrays here
  const list = (v) => (v == null ? [] : Array.isArray(v) ? v : [v]);
  for (const key of ["to", "cc"]) {
    if (object[key] !== undefined) out[key] = list(object[key]).map(idOf);
  }
  for (const key of ["content", "summary", "name", "preferredUsername", "sensitive", "url", "published", "updated"]) {
    if (object[key] !== undefined) out[key] = object[key];
  }
  if (object.tag != null) out.tag = list(object.tag).map((t) => ({ type: t.type, href: t.href, name: t.name }));
  return out;
}

export { idOf };
