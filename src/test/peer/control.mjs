// The JSON control API under /_control/ that a Java test uses to drive the peer. Every call answers JSON; a failure is
// {"ok": false, "error": "...", ...} with status 400 (bad request), 404 (unknown thing) or 502 (the remote side failed).
// scripts/peer/README.md lists the calls.

import {
  Activity,
  Announce,
  Create,
  Delete,
  Follow,
  isActor,
  Like,
  Mention,
  Note,
  PUBLIC_COLLECTION,
  Tombstone,
  Undo,
  Update,
} from "@fedify/vocab";
import { getDocumentLoader } from "@fedify/vocab-runtime";
import { Temporal } from "@js-temporal/polyfill";

class ControlError extends Error {
  constructor(status, message, extra = {}) {
    super(message);
    this.status = status;
    this.extra = extra;
  }
}

const json = (status, body) =>
  new Response(JSON.stringify(body, null, 1), {
    status,
    headers: { "content-type": "application/json; charset=utf-8" },
  });

const url = (s) => new URL(s);

/** The Note Fedify serves and sends, from the stored record. */
export function buildNote(ctx, n) {
  return new Note({
    id: url(n.id),
    attribution: ctx.getActorUri(n.author),
    url: url(n.id),
    content: n.content,
    summary: n.summary ?? null,
    sensitive: n.sensitive ?? false,
    tos: n.to.map(url),
    ccs: n.cc.map(url),
    replyTarget: n.inReplyTo ? url(n.inReplyTo) : null,
    tags: n.mentions.map((m) => new Mention({ href: url(m.id), name: m.name })),
    published: Temporal.Instant.from(n.published),
    updated: n.updated ? Temporal.Instant.from(n.updated) : null,
  });
}

const recipientOf = (r) => ({
  id: url(r.id),
  inboxId: r.inbox ? url(r.inbox) : null,
  endpoints: r.sharedInbox ? { sharedInbox: url(r.sharedInbox) } : null,
});

const plainActor = (a) => ({
  id: a.id.href,
  inbox: a.inboxId?.href ?? null,
  sharedInbox: a.endpoints?.sharedInbox?.href ?? null,
});

export function controlApi({ config, state, federation, tools, log }) {
  const actorUri = () => ctx().getActorUri(config.user);
  const ctx = () => federation.createContext(new URL(`http://${config.host}`), undefined);

  /** The outbound requests made while fn ran: what a failed lookup or delivery actually hit. */
  async function tracing(fn) {
    const from = state.seq;
    try {
      return await fn();
    } catch (error) {
      if (error instanceof ControlError) error.extra.requests ??= outSince(from);
      throw error;
    }
  }
  const outSince = (seq) =>
    state.requests
      .filter((r) => r.seq > seq && r.direction === "out")
      .map((r) => ({ method: r.method, url: r.url, status: r.status, signature: r.signature.scheme, error: r.error }));

  // Fedify caches remote documents for 5 minutes; a signed loader and the "fresh" one bypass that cache.
  const freshLoader = getDocumentLoader({ allowPrivateAddress: true, userAgent: "StarlingTestPeer/1.0" });

  async function lookup(target, { signed = false, fresh = false } = {}) {
    if (typeof target !== "string" || target === "") throw new ControlError(400, "give a handle or a URL");
    const c = ctx();
    const options = signed
      ? { documentLoader: await c.getDocumentLoader({ identifier: config.user }) }
      : fresh
        ? { documentLoader: freshLoader }
        : {};
    let object;
    try {
      object = await c.lookupObject(target.replace(/^acct:/, ""), options);
    } catch (error) {
      throw new ControlError(502, `lookup of ${target} failed: ${error?.message ?? error}`);
    }
    if (object == null) throw new ControlError(502, `lookup of ${target} found nothing (WebFinger or fetch failed)`);
    return object;
  }

  async function lookupActor(body) {
    const target = body.actor ?? body.handle;
    const object = await lookup(target, body);
    if (!isActor(object)) throw new ControlError(400, `${target} is a ${object.constructor.name}, not an actor`);
    if (object.id == null || object.inboxId == null) throw new ControlError(502, `${target} has no id or inbox`);
    return object;
  }

  /** The author (an actor) of a remote object given by URL, or null when it is this peer's own. */
  async function authorOf(objectUrl, body) {
    const object = await lookup(objectUrl, body);
    const authorId = object.attributionId ?? object.actorId;
    if (authorId == null) throw new ControlError(502, `${objectUrl} has no attributedTo`);
    if (authorId.href === actorUri().href) return { object, author: null };
    const author = await lookupActor({ actor: authorId.href, signed: body.signed });
    return { object, author };
  }

  const deliveryReport = (entry, fromSeq) => ({
    ok: entry.ok !== false,
    id: entry.id,
    errors: entry.errors,
    deliveries: outSince(fromSeq).filter((r) => r.method === "POST"),
  });

  async function send(activity, recipients, opts) {
    const from = state.seq;
    const entry = await tools.sendRecorded(ctx(), activity, recipients.map(recipientOf), opts);
    entry.recipients = recipients;
    entry.followers = !!opts.followers;
    // a failed delivery is answered 502 with the same body (ok: false), after the rest of the handler ran
    return deliveryReport(entry, from);
  }

  const handlers = {
    "GET /health": async () => ({
      ok: true,
      actor: actorUri().href,
      handle: `@${config.user}@${config.host}`,
      inbox: ctx().getInboxUri(config.user).href,
      sharedInbox: ctx().getInboxUri().href,
      publicKeyId: (await ctx().getActorKeyPairs(config.user))[0].keyId.href,
      firstKnock: config.firstKnock,
      queue: config.queue,
      autoAccept: config.autoAccept,
    }),

    "POST /lookup": async (body) => {
      const object = await lookup(body.handle ?? body.actor ?? body.url ?? body.object, body);
      const out = {
        ok: true,
        id: object.id?.href ?? null,
        type: object.constructor.name,
      };
      if (isActor(object)) {
        Object.assign(out, {
          preferredUsername: object.preferredUsername?.toString() ?? null,
          name: object.name?.toString() ?? null,
          inbox: object.inboxId?.href ?? null,
          sharedInbox: object.endpoints?.sharedInbox?.href ?? null,
          outbox: object.outboxId?.href ?? null,
          followers: object.followersId?.href ?? null,
          following: object.followingId?.href ?? null,
          url: object.url?.href ?? null,
          publicKeyId: object.publicKeyId?.href ?? null,
          publicKeyIds: object.publicKeyIds.map((u) => u.href),
          assertionMethodIds: object.assertionMethodIds.map((u) => u.href),
          manuallyApprovesFollowers: object.manuallyApprovesFollowers,
        });
        // the key itself, to be sure it parses (Fedify needs a PEM SPKI RSA key or a Multikey)
        const key = await object.getPublicKey({ documentLoader: ctx().documentLoader }).catch(() => null);
        out.publicKeyOwner = key?.ownerId?.href ?? null;
        out.publicKeyParsed = key?.publicKey != null;
      } else {
        Object.assign(out, {
          attributedTo: object.attributionId?.href ?? null,
          content: object.content?.toString() ?? null,
          inReplyTo: object.replyTargetId?.href ?? null,
        });
      }
      out.json = await object.toJsonLd({ contextLoader: ctx().contextLoader });
      return out;
    },

    "POST /follow": async (body) => {
      const target = await lookupActor(body);
      const follow = new Follow({
        id: url(`${actorUri().href}#follows/${crypto.randomUUID()}`),
        actor: actorUri(),
        object: target.id,
      });
      state.following.set(target.id.href, {
        ...plainActor(target),
        followId: follow.id.href,
        state: "pending",
        since: new Date().toISOString(),
      });
      const report = await send(follow, [plainActor(target)], {});
      return { ...report, target: target.id.href };
    },

    "POST /unfollow": async (body) => {
      const target = body.actor && state.following.has(body.actor) ? { id: url(body.actor) } : await lookupActor(body);
      const f = state.following.get(target.id.href);
      if (f == null) throw new ControlError(404, `not following ${target.id.href}`);
      const undo = new Undo({
        id: url(`${f.followId}/undo`),
        actor: actorUri(),
        object: new Follow({ id: url(f.followId), actor: actorUri(), object: url(f.id) }),
      });
      state.following.delete(f.id);
      return await send(undo, [f], {});
    },

    "POST /accept": async (body) => respondToFollow(body, true),
    "POST /reject": async (body) => respondToFollow(body, false),

    "POST /note": async (body) => {
      if (typeof body.content !== "string") throw new ControlError(400, "content is required");
      const visibility = body.to ?? "public";
      if (!["public", "unlisted", "followers", "direct"].includes(visibility)) {
        throw new ControlError(400, "to must be public, unlisted, followers or direct");
      }
      const mentioned = [];
      const handles = body.mention == null ? [] : Array.isArray(body.mention) ? body.mention : [body.mention];
      for (const h of handles) {
        const a = await lookupActor({ actor: h, signed: body.signed });
        const name = /^https?:/.test(h)
          ? `@${a.preferredUsername}@${a.id.host}`
          : `@${h.replace(/^@/, "")}`;
        mentioned.push({ ...plainActor(a), name });
      }
      const extra = [...mentioned];
      if (body.inReplyTo) {
        const { author } = await authorOf(body.inReplyTo, body);
        if (author && !extra.some((m) => m.id === author.id.href)) extra.push(plainActor(author));
      }
      const followersUri = ctx().getFollowersUri(config.user).href;
      const extraIds = extra.map((m) => m.id);
      const PUBLIC = PUBLIC_COLLECTION.href;
      const [to, cc] = {
        public: [[PUBLIC], [followersUri, ...extraIds]],
        unlisted: [[followersUri], [PUBLIC, ...extraIds]],
        followers: [[followersUri], extraIds],
        direct: [extraIds, []],
      }[visibility];
      const uuid = crypto.randomUUID();
      const id = ctx().getObjectUri(Note, { identifier: config.user, id: uuid }).href;
      const note = {
        id,
        uuid,
        author: config.user,
        content: body.content,
        summary: body.summary ?? null,
        sensitive: !!body.sensitive,
        visibility,
        to,
        cc,
        inReplyTo: body.inReplyTo ?? null,
        mentions: mentioned.map((m) => ({ id: m.id, name: m.name })),
        published: new Date().toISOString(),
        updated: null,
        deleted: false,
        recipients: extra,
      };
      state.notes.set(id, note);
      const create = new Create({
        id: url(`${id}/activity`),
        actor: actorUri(),
        object: buildNote(ctx(), note),
        tos: to.map(url),
        ccs: cc.map(url),
        published: Temporal.Instant.from(note.published),
      });
      const report = await send(create, extra, {
        followers: visibility !== "direct",
        public: visibility === "public" || visibility === "unlisted",
      });
      return { ...report, id, activityId: create.id.href };
    },

    "POST /update": async (body) => {
      const note = state.notes.get(body.id);
      if (note == null || note.deleted) throw new ControlError(404, `no note ${body.id}`);
      if (typeof body.content === "string") note.content = body.content;
      if (body.summary !== undefined) note.summary = body.summary;
      note.updated = new Date().toISOString();
      const update = new Update({
        id: url(`${note.id}#updates/${Date.now()}`),
        actor: actorUri(),
        object: buildNote(ctx(), note),
        tos: note.to.map(url),
        ccs: note.cc.map(url),
        updated: Temporal.Instant.from(note.updated),
      });
      const report = await send(update, note.recipients, { followers: note.visibility !== "direct" });
      return { ...report, activityId: update.id.href, id: note.id };
    },

    "POST /delete": async (body) => {
      const note = state.notes.get(body.id);
      if (note == null || note.deleted) throw new ControlError(404, `no note ${body.id}`);
      note.deleted = true;
      const del = new Delete({
        id: url(`${note.id}#delete`),
        actor: actorUri(),
        object: new Tombstone({ id: url(note.id) }),
        tos: note.to.map(url),
        ccs: note.cc.map(url),
      });
      const report = await send(del, note.recipients, { followers: note.visibility !== "direct" });
      return { ...report, activityId: del.id.href, id: note.id };
    },

    "POST /like": async (body) => {
      if (!body.object) throw new ControlError(400, "object is required");
      const { author } = await authorOf(body.object, body);
      const like = new Like({
        id: url(`${actorUri().href}#likes/${crypto.randomUUID()}`),
        actor: actorUri(),
        object: url(body.object),
      });
      const report = await send(like, author ? [plainActor(author)] : [], {});
      return { ...report, activityId: like.id.href };
    },

    "POST /announce": async (body) => {
      if (!body.object) throw new ControlError(400, "object is required");
      const { author } = await authorOf(body.object, body);
      const followersUri = ctx().getFollowersUri(config.user);
      const announce = new Announce({
        id: url(`${actorUri().href}/announces/${crypto.randomUUID()}`),
        actor: actorUri(),
        object: url(body.object),
        tos: [PUBLIC_COLLECTION],
        ccs: [followersUri, ...(author ? [author.id] : [])],
        published: Temporal.Now.instant(),
      });
      const report = await send(announce, author ? [plainActor(author)] : [], { followers: true, public: true });
      return { ...report, activityId: announce.id.href };
    },

    "POST /undo": async (body) => {
      const entry = state.sent.find((s) => s.id === body.id);
      if (entry == null) throw new ControlError(404, `this peer sent no activity ${body.id}`);
      const original = await Activity.fromJsonLd(entry.json, ctx());
      const undo = new Undo({ id: url(`${entry.id}/undo`), actor: actorUri(), object: original });
      if (entry.type === "Follow") state.following.delete(entry.object?.id);
      const report = await send(undo, entry.recipients ?? [], { followers: entry.followers });
      return { ...report, activityId: undo.id.href };
    },

    // Any activity as JSON-LD (with or without @context), signed and delivered by Fedify:
    // {"activity": {...}, "to": ["handle or actor URL", ...], "followers": false}
    "POST /send": async (body) => {
      const raw = { ...(body.activity ?? {}) };
      if (raw.type == null) throw new ControlError(400, "activity.type is required");
      raw["@context"] ??= "https://www.w3.org/ns/activitystreams";
      raw.id ??= `${actorUri().href}#sent/${crypto.randomUUID()}`;
      raw.actor ??= actorUri().href;
      let activity;
      try {
        activity = await Activity.fromJsonLd(raw, ctx());
      } catch (error) {
        throw new ControlError(400, `not an activity: ${error?.message ?? error}`);
      }
      const recipients = [];
      for (const t of body.to ?? []) recipients.push(plainActor(await lookupActor({ actor: t, signed: body.signed })));
      const report = await send(activity, recipients, { followers: !!body.followers });
      return { ...report, activityId: activity.id.href };
    },

    "GET /received": async (body, q) => {
      const after = Number(q.get("after") ?? 0);
      const type = q.get("type");
      const wait = Math.min(Number(q.get("wait") ?? 0), 60000);
      const min = Number(q.get("min") ?? 1);
      const pick = () => state.received.filter((r) => r.seq > after && (!type || r.type === type));
      await state.waitFor(() => pick().length >= min, wait);
      const rejected = state.rejected.filter((r) => r.seq > after);
      return {
        ok: true,
        activities: pick(),
        rejected,
        counts: {
          received: state.received.length,
          rejected: state.rejected.length,
          unsigned: state.rejected.filter((r) => r.reason === "noSignature").length,
        },
      };
    },

    "GET /sent": async (body, q) => {
      const after = Number(q.get("after") ?? 0);
      return { ok: true, activities: state.sent.filter((s) => s.seq > after).map(({ recipients, ...s }) => s) };
    },

    "GET /requests": async (body, q) => {
      const after = Number(q.get("after") ?? 0);
      const direction = q.get("direction");
      return {
        ok: true,
        requests: state.requests.filter((r) => r.seq > after && (!direction || r.direction === direction)),
      };
    },

    "GET /followers": async () => ({
      ok: true,
      followers: [...state.followers.values()].map(({ follow, ...f }) => f),
    }),

    "GET /following": async () => ({ ok: true, following: [...state.following.values()] }),

    "GET /notes": async () => ({ ok: true, notes: [...state.notes.values()] }),

    // Forget the logs (not followers, following or notes): {"logs": true}; and/or drop Fedify's caches of remote
    // documents and keys: {"cache": true}.
    "POST /reset": async (body) => {
      if (body.logs !== false) state.clearLogs();
      let dropped = 0;
      if (body.cache) {
        for await (const { key } of tools.kv.list([])) {
          if (key[0] === "_fedify" && ["remoteDocument", "publicKey"].includes(key[1])) {
            await tools.kv.delete(key);
            dropped++;
          }
        }
      }
      return { ok: true, droppedCacheEntries: dropped };
    },
  };

  async function respondToFollow(body, accept) {
    const id = body.actor ?? (await lookupActor(body)).id.href;
    if (!state.followers.has(id)) throw new ControlError(404, `no follow request from ${id}`);
    const from = state.seq;
    const entry = await tools.respondToFollow(ctx(), id, accept);
    return deliveryReport(entry, from);
  }

  return async function handleControl(request) {
    const u = new URL(request.url);
    const key = `${request.method} ${u.pathname.replace(/^\/_control/, "")}`;
    const handler = handlers[key];
    if (handler == null) return json(404, { ok: false, error: `no control call ${key}` });
    let body = {};
    if (request.method === "POST") {
      const text = await request.text();
      if (text.trim() !== "") {
        try {
          body = JSON.parse(text);
        } catch {
          return json(400, { ok: false, error: "body is not JSON" });
        }
      }
    }
    try {
      const result = await tracing(() => handler(body, u.searchParams));
      if (result.ok === false) log(`CONTROL ${key} -> 502 ${result.errors?.join("; ")}`);
      return json(result.ok === false ? 502 : 200, result);
    } catch (error) {
      if (error instanceof ControlError) {
        log(`CONTROL ${key} -> ${error.status} ${error.message}`);
        return json(error.status, { ok: false, error: error.message, ...error.extra });
      }
      log(`CONTROL ${key} -> 500 ${error?.stack ?? error}`);
      return json(500, { ok: false, error: String(error?.message ?? error) });
    }
  };
}

