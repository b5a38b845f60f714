// The Fedify side of the peer: one actor, its keys, collections, note objects and the inbox listeners.

import {
  createFederation,
  generateCryptoKeyPair,
  InProcessMessageQueue,
  MemoryKvStore,
} from "@fedify/fedify";
import {
  Accept,
  Activity,
  Announce,
  Block,
  Create,
  Delete,
  Endpoints,
  Follow,
  Like,
  Move,
  Note,
  Person,
  Reject,
  Undo,
  Update,
} from "@fedify/vocab";
import { idOf, summarizeObject } from "./state.mjs";

export const NOTE_PATH = "/users/{identifier}/notes/{id}";

/**
 * Builds the Federation. `info` is filled per inbox POST by the HTTP layer (peer.mjs) and read by the listeners, so
 * each received activity is recorded with the signature it came with and its JSON as sent.
 */
export async function buildFederation({ config, state, log, inboxInfo, noteBuilder }) {
  const kv = new MemoryKvStore();
  const federation = createFederation({
    kv,
    queue: config.queue ? new InProcessMessageQueue() : undefined,
    origin: `http://${config.host}`,
    allowPrivateAddress: true,
    firstKnock: config.firstKnock,
    userAgent: { software: "StarlingTestPeer/1.0" },
    onOutboxError: (error, activity) => {
      log(`OUTBOX-ERROR ${activity?.id?.href ?? "?"} ${error?.message?.split("\n")[0] ?? error}`);
      const sent = state.sent.find((s) => s.id === activity?.id?.href);
      if (sent) sent.errors.push(String(error?.message ?? error));
    },
  });

  // Keys live in memory for the life of the process: RSA for HTTP signatures (draft-cavage and RFC 9421) and
  // Linked Data signatures; Ed25519 (optional) for Object Integrity Proofs.
  const keyPairs = [await generateCryptoKeyPair("RSASSA-PKCS1-v1_5")];
  if (config.ed25519) keyPairs.push(await generateCryptoKeyPair("Ed25519"));

  federation
    .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
      if (identifier !== config.user) return null;
      const keys = await ctx.getActorKeyPairs(identifier);
      return new Person({
        id: ctx.getActorUri(identifier),
        preferredUsername: identifier,
        name: `Fedify peer ${identifier}`,
        summary: "An ActivityPub peer built on Fedify for Starling's federation tests.",
        url: ctx.getActorUri(identifier),
        inbox: ctx.getInboxUri(identifier),
        outbox: ctx.getOutboxUri(identifier),
        followers: ctx.getFollowersUri(identifier),
        following: ctx.getFollowingUri(identifier),
        endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
        publicKey: keys[0].cryptographicKey,
        assertionMethods: keys.map((k) => k.multikey),
        manuallyApprovesFollowers: !config.autoAccept,
        discoverable: true,
      });
    })
    .mapHandle((ctx, username) => (username === config.user ? username : null))
    .setKeyPairsDispatcher((ctx, identifier) => (identifier === config.user ? keyPairs : []));

  federation.setObjectDispatcher(Note, NOTE_PATH, (ctx, values) => {
    if (values.identifier !== config.user) return null;
    const note = state.notes.get(ctx.getObjectUri(Note, values).href);
    if (note == null || note.deleted) return null;
    return noteBuilder(ctx, note);
  });

  federation
    .setFollowersDispatcher("/users/{identifier}/followers", (ctx, identifier, cursor, filter) => {
      if (identifier !== config.user) return null;
      let items = [...state.followers.values()].filter((f) => f.state === "accepted");
      // FEP-8fcf: a partial followers collection for one origin
      if (filter != null) items = items.filter((f) => new URL(f.id).origin === filter.origin);
      return {
        items: items.map((f) => ({
          id: new URL(f.id),
          inboxId: f.inbox ? new URL(f.inbox) : null,
          endpoints: f.sharedInbox ? { sharedInbox: new URL(f.sharedInbox) } : null,
        })),
      };
    })
    .setCounter((ctx, identifier) =>
      identifier === config.user ? [...state.followers.values()].filter((f) => f.state === "accepted").length : null,
    );

  federation
    .setFollowingDispatcher("/users/{identifier}/following", (ctx, identifier) => {
      if (identifier !== config.user) return null;
      return {
        items: [...state.following.values()].filter((f) => f.state === "accepted").map((f) => new URL(f.id)),
      };
    })
    .setCounter((ctx, identifier) =>
      identifier === config.user ? [...state.following.values()].filter((f) => f.state === "accepted").length : null,
    );

  federation
    .setOutboxDispatcher("/users/{identifier}/outbox", async (ctx, identifier) => {
      if (identifier !== config.user) return null;
      const items = [];
      for (const s of [...state.sent].reverse()) {
        if (s.type !== "Create" && s.type !== "Announce") continue;
        if (!s.public) continue;
        items.push(await Activity.fromJsonLd(s.json, ctx));
      }
      return { items };
    })
    .setCounter((ctx, identifier) =>
      identifier === config.user ? state.sent.filter((s) => s.public && (s.type === "Create" || s.type === "Announce")).length : null,
    );

  federation.setNodeInfoDispatcher("/nodeinfo/2.1", () => ({
    software: { name: "starling-test-peer", version: "1.0.0" },
    protocols: ["activitypub"],
    openRegistrations: false,
    usage: { users: { total: 1, activeHalfyear: 1, activeMonth: 1 }, localPosts: state.notes.size, localComments: 0 },
  }));

  const recordReceived = async (ctx, activity) => {
    const info = inboxInfo(activity.id?.href);
    const json = info?.json ?? (await activity.toJsonLd({ contextLoader: ctx.contextLoader }));
    const entry = {
      seq: state.nextSeq(),
      receivedAt: new Date().toISOString(),
      type: json.type ?? activity.constructor.name,
      id: activity.id?.href ?? null,
      actor: activity.actorId?.href ?? null,
      // Only activities Fedify verified reach a listener (an HTTP signature, a Linked Data signature or an Object
      // Integrity Proof); `signature` names the HTTP signature the request carried.
      verified: true,
      signature: info?.signature ?? null,
      ldSignature: json.signature != null,
      proof: json.proof != null,
      inbox: info?.path ?? null,
      object: summarizeObject(json.object),
      json,
    };
    state.record("received", entry);
    const obj = entry.object?.id ?? (Array.isArray(entry.object) ? "[...]" : "");
    log(`RECV ${entry.type} id=${entry.id} actor=${entry.actor} object=${obj} sig=${entry.signature?.scheme ?? "?"}`);
    return entry;
  };

  const me = () => ({ identifier: config.user });

  federation
    .setInboxListeners("/users/{identifier}/inbox", "/inbox")
    .on(Follow, async (ctx, follow) => {
      const entry = await recordReceived(ctx, follow);
      if (follow.objectId?.href !== ctx.getActorUri(config.user).href) return;
      const follower = await follow.getActor(ctx);
      if (follower?.id == null || follower.inboxId == null) {
        log(`FOLLOW-IGNORED ${follow.id?.href}: cannot resolve the follower's actor and inbox`);
        return;
      }
      state.followers.set(follower.id.href, {
        id: follower.id.href,
        inbox: follower.inboxId.href,
        sharedInbox: follower.endpoints?.sharedInbox?.href ?? null,
        followId: follow.id?.href ?? null,
        follow,
        state: config.autoAccept ? "accepted" : "pending",
        since: new Date().toISOString(),
      });
      if (!config.autoAccept) return;
      // Sent after the inbox has answered, as a server with a job queue would: the Follow's sender is still
      // waiting for our response when its own inbox receives the Accept otherwise.
      setTimeout(() => {
        respondToFollow(ctx, follower.id.href, true).catch((e) => log(`ACCEPT-FAILED ${e?.message ?? e}`));
      }, config.acceptDelayMs);
    })
    .on(Accept, async (ctx, accept) => {
      await recordReceived(ctx, accept);
      const followId = accept.objectId?.href;
      for (const f of state.following.values()) {
        if (f.followId === followId || (f.id === accept.actorId?.href && f.state === "pending")) f.state = "accepted";
      }
    })
    .on(Reject, async (ctx, reject) => {
      await recordReceived(ctx, reject);
      for (const f of state.following.values()) {
        if (f.followId === reject.objectId?.href || f.id === reject.actorId?.href) f.state = "rejected";
      }
    })
    .on(Undo, async (ctx, undo) => {
      const entry = await recordReceived(ctx, undo);
      const inner = entry.json.object;
      const innerType = typeof inner === "object" ? inner?.type : null;
      const innerId = idOf(inner);
      const actor = undo.actorId?.href;
      const f = actor ? state.followers.get(actor) : null;
      if (f && (innerType === "Follow" || f.followId === innerId)) state.followers.delete(actor);
    })
    .on(Create, recordReceived)
    .on(Update, recordReceived)
    .on(Delete, async (ctx, del) => {
      await recordReceived(ctx, del);
      // Delete of an actor: forget it as follower
      if (del.objectId?.href && del.objectId.href === del.actorId?.href) state.followers.delete(del.actorId.href);
    })
    .on(Like, recordReceived)
    .on(Announce, recordReceived)
    .on(Block, async (ctx, block) => {
      await recordReceived(ctx, block);
      state.followers.delete(block.actorId?.href);
      const f = state.following.get(block.actorId?.href);
      if (f) f.state = "rejected";
    })
    .on(Move, recordReceived)
    // Everything else (Add, Remove, Flag, EmojiReact, ...) is recorded too.
    .on(Activity, recordReceived)
    .onUnverifiedActivity((ctx, activity, reason) => {
      const info = inboxInfo(activity.id?.href);
      const entry = {
        seq: state.nextSeq(),
        receivedAt: new Date().toISOString(),
        status: 401,
        reason: reason.type,
        keyId: reason.keyId?.href ?? null,
        keyFetchStatus: reason.result?.status ?? null,
        type: info?.json?.type ?? activity.constructor.name,
        id: activity.id?.href ?? null,
        actor: activity.actorId?.href ?? null,
        signature: info?.signature ?? null,
        inbox: info?.path ?? null,
        json: info?.json ?? null,
      };
      if (info) info.rejectedRecorded = true;
      state.record("rejected", entry);
      log(`REJECT ${entry.type} id=${entry.id} actor=${entry.actor} reason=${entry.reason} keyId=${entry.keyId ?? "-"}`);
      // returning nothing keeps Fedify's own 401 response
    })
    .onError((ctx, error) => {
      log(`INBOX-ERROR ${error?.message?.split("\n")[0] ?? error}`);
    });

  /** Accepts or rejects a pending (or accepted) follower. */
  async function respondToFollow(ctx, followerId, accept) {
    const f = state.followers.get(followerId);
    if (f == null) throw new Error(`no follower ${followerId}`);
    const follow = f.follow;
    const Type = accept ? Accept : Reject;
    const activity = new Type({
      id: new URL(`${ctx.getActorUri(config.user).href}#${accept ? "accepts" : "rejects"}/${crypto.randomUUID()}`),
      actor: ctx.getActorUri(config.user),
      object: follow,
    });
    if (accept) f.state = "accepted";
    else state.followers.delete(followerId);
    const recipient = { id: new URL(f.id), inboxId: new URL(f.inbox), endpoints: null };
    return await sendRecorded(ctx, activity, [recipient], { public: false });
  }

  /**
   * Sends through Fedify and records the outcome. Without a queue Fedify delivers before returning and throws on the
   * first failed inbox (after its double-knock); with PEER_QUEUE the errors arrive later through onOutboxError.
   */
  async function sendRecorded(ctx, activity, recipients, { public: isPublic = false, followers = false } = {}) {
    const json = await activity.toJsonLd({ contextLoader: ctx.contextLoader });
    const entry = {
      seq: state.nextSeq(),
      sentAt: new Date().toISOString(),
      type: json.type,
      id: activity.id.href,
      object: summarizeObject(json.object),
      public: isPublic,
      to: [
        ...(followers ? ["followers"] : []),
        ...recipients.map((r) => r.id?.href ?? null),
      ],
      ok: null,
      errors: [],
      json,
    };
    state.record("sent", entry);
    try {
      if (followers) {
        await ctx.sendActivity(me(), "followers", activity, { preferSharedInbox: true, syncCollection: true });
      }
      const followerIds = followers ? new Set(state.followers.keys()) : new Set();
      const extra = recipients.filter((r) => r.id != null && !followerIds.has(r.id.href));
      // one-to-one activities (Follow, Accept, Like, ...) go to the personal inbox, fan-out to shared inboxes
      if (extra.length > 0) await ctx.sendActivity(me(), extra, activity, { preferSharedInbox: followers });
      entry.ok = config.queue ? null : true;
      log(`SEND ${entry.type} id=${entry.id} to=${entry.to.join(",") || "-"} ${config.queue ? "queued" : "ok"}`);
    } catch (error) {
      entry.ok = false;
      entry.errors.push(String(error?.message ?? error));
      log(`SEND ${entry.type} id=${entry.id} to=${entry.to.join(",") || "-"} FAILED ${String(error?.message ?? error).split("\n")[0]}`);
    }
    return entry;
  }

  return { federation, kv, keyPairs, respondToFollow, sendRecorded };
}

