// Drives two running peers through their control APIs (scripts/peer/selftest.sh starts them):
// node selftest.mjs http://127.0.0.1:PORT_A http://127.0.0.1:PORT_B
// Prints one line per check and ends with "N passed, N failed"; exits 1 when a check failed.

const [baseA, baseB] = process.argv.slice(2);
if (!baseA || !baseB) {
  console.error("usage: node selftest.mjs BASE_A BASE_B");
  process.exit(2);
}

let passed = 0;
let failed = 0;

async function call(base, method, path, body) {
  const res = await fetch(`${base}/_control${path}`, {
    method,
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(70000),
  });
  const json = await res.json();
  return { status: res.status, ...json };
}
const get = (base, path) => call(base, "GET", path);
const post = (base, path, body) => call(base, "POST", path, body);

/** The first received activity after `after` matching type and pred, waiting up to 15 s. */
async function awaitReceived(base, type, after, pred = () => true) {
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    const r = await get(base, `/received?type=${type}&after=${after}&wait=2000`);
    const hit = r.activities.find(pred);
    if (hit) return hit;
  }
  return null;
}

function check(name, condition, detail) {
  if (condition) {
    passed++;
    console.log(`ok   - ${name}`);
  } else {
    failed++;
    console.log(`FAIL - ${name}${detail === undefined ? "" : `: ${JSON.stringify(detail).slice(0, 1500)}`}`);
  }
  return condition;
}

const seqOf = async (base) => {
  // the newest sequence number the peer handed out, so later waits only see newer activities
  const r = await get(base, "/received");
  const all = [...r.activities, ...r.rejected].map((x) => x.seq);
  return all.length ? Math.max(...all) : 0;
};

async function main() {
  const a = await get(baseA, "/health");
  const b = await get(baseB, "/health");
  check("both peers answer /_control/health", a.ok && b.ok, { a, b });
  console.log(`#    A = ${a.handle} (first knock ${a.firstKnock}), B = ${b.handle} (first knock ${b.firstKnock})`);

  // 1. lookup by handle: WebFinger then the actor, through Fedify's lookupObject
  const lk = await post(baseA, "/lookup", { handle: b.handle });
  check("A looks up B by handle (WebFinger + actor)", lk.ok && lk.id === b.actor && lk.inbox === b.inbox, lk);
  check("B's actor has the RSA key Fedify signs with", lk.publicKeyId === b.publicKeyId && lk.publicKeyParsed, lk);
  const lks = await post(baseA, "/lookup", { actor: b.actor, signed: true });
  const inB = await get(baseB, "/requests?direction=in");
  const signedGet = inB.requests.find((r) => r.method === "GET" && r.url === b.actor && r.signature.scheme !== "none");
  check("A's signed lookup reaches B as a signed GET", lks.ok && signedGet != null, inB.requests.slice(-3));
  if (signedGet) {
    console.log(`#    signed GET: ${signedGet.signature.scheme}, Accept: ${signedGet.accept}, User-Agent: ${signedGet.userAgent}`);
  }

  // 2. follow, auto-accept
  let afterA = await seqOf(baseA);
  let afterB = await seqOf(baseB);
  const follow = await post(baseA, "/follow", { handle: b.handle });
  check("A sends Follow to B", follow.ok, follow);
  const gotFollow = await awaitReceived(baseB, "Follow", afterB, (x) => x.id === follow.id);
  check("B receives the Follow, verified", gotFollow?.verified === true && gotFollow.actor === a.actor, gotFollow);
  const accept = await awaitReceived(baseA, "Accept", afterA, (x) => x.object?.id === follow.id);
  check("A receives B's Accept of that Follow", accept?.actor === b.actor, accept);
  const following = await get(baseA, "/following");
  check("A now follows B (accepted)", following.following.some((f) => f.id === b.actor && f.state === "accepted"), following);
  const followers = await get(baseB, "/followers");
  check("B lists A as follower", followers.followers.some((f) => f.id === a.actor), followers);

  // 3. B posts; A (a follower) receives it with a verified signature
  afterA = await seqOf(baseA);
  const note = await post(baseB, "/note", { content: "<p>Hello from B</p>", to: "public" });
  check("B posts a public note", note.ok && note.deliveries.length > 0, note);
  const create = await awaitReceived(baseA, "Create", afterA, (x) => x.object?.id === note.id);
  check("A receives B's Create(Note), verified", create?.verified === true && create.actor === b.actor, create);
  check(
    "A sees the HTTP signature B used and the note's content",
    create?.signature?.scheme !== "none" && create?.object?.content === "<p>Hello from B</p>",
    create?.signature,
  );
  if (create) {
    console.log(`#    B -> A Create: HTTP signature ${create.signature.scheme} (${create.signature.algorithm}), ` +
      `LD signature ${create.ldSignature}, proof ${create.proof}`);
  }
  const fetched = await post(baseA, "/lookup", { url: note.id });
  check("A can fetch B's note by id", fetched.ok && fetched.type === "Note" && fetched.attributedTo === b.actor, fetched);

  // 4. A replies, likes, announces; B receives each
  afterB = await seqOf(baseB);
  const reply = await post(baseA, "/note", { content: "<p>Reply from A</p>", inReplyTo: note.id, to: "public" });
  check("A replies to B's note", reply.ok, reply);
  const replyIn = await awaitReceived(baseB, "Create", afterB, (x) => x.object?.id === reply.id);
  check("B receives the reply with inReplyTo", replyIn?.object?.inReplyTo === note.id && replyIn.verified, replyIn);

  const like = await post(baseA, "/like", { object: note.id });
  check("A likes B's note", like.ok, like);
  const likeIn = await awaitReceived(baseB, "Like", afterB, (x) => x.id === like.activityId);
  check("B receives the Like of its note", likeIn?.object?.id === note.id && likeIn.actor === a.actor, likeIn);

  const boost = await post(baseA, "/announce", { object: note.id });
  check("A announces B's note", boost.ok, boost);
  const boostIn = await awaitReceived(baseB, "Announce", afterB, (x) => x.id === boost.activityId);
  check("B receives the Announce", boostIn?.object?.id === note.id, boostIn);

  const unlike = await post(baseA, "/undo", { id: like.activityId });
  const unlikeIn = await awaitReceived(baseB, "Undo", afterB, (x) => x.object?.id === like.activityId);
  check("A undoes the Like; B receives Undo(Like)", unlike.ok && unlikeIn != null, { unlike, unlikeIn });

  // 5. B edits and deletes; A receives both
  afterA = await seqOf(baseA);
  const upd = await post(baseB, "/update", { id: note.id, content: "<p>Hello from B, edited</p>" });
  check("B updates its note", upd.ok, upd);
  const updIn = await awaitReceived(baseA, "Update", afterA, (x) => x.object?.id === note.id);
  check("A receives Update(Note) with the new content", updIn?.object?.content === "<p>Hello from B, edited</p>", updIn);

  const del = await post(baseB, "/delete", { id: note.id });
  check("B deletes its note", del.ok, del);
  const delIn = await awaitReceived(baseA, "Delete", afterA, (x) => x.object?.id === note.id);
  check("A receives Delete(Tombstone) of the note", delIn?.object?.type === "Tombstone", delIn);
  const cached = await post(baseA, "/lookup", { url: note.id });
  const gone = await post(baseA, "/lookup", { url: note.id, fresh: true });
  check("the deleted note is gone from B (past Fedify's document cache)", gone.ok === false, gone);
  console.log(`#    a cached lookup of the deleted note still answers ok=${cached.ok} (Fedify caches documents 5 min)`);

  // 6. a direct message with a mention
  afterA = await seqOf(baseA);
  const dm = await post(baseB, "/note", { content: "<p>psst</p>", to: "direct", mention: a.handle });
  const dmIn = await awaitReceived(baseA, "Create", afterA, (x) => x.object?.id === dm.id);
  check(
    "A receives B's direct note addressed to A with a Mention tag",
    dmIn?.object?.to?.includes(a.actor) &&
      !dmIn.object.to.includes("https://www.w3.org/ns/activitystreams#Public") &&
      dmIn.object.tag?.some((t) => t.type === "Mention" && t.href === a.actor),
    dmIn,
  );

  // 7. a request without a signature is refused and counted
  const before = (await get(baseB, "/received")).counts.unsigned;
  const unsigned = await fetch(b.inbox, {
    method: "POST",
    headers: { "content-type": "application/activity+json" },
    body: JSON.stringify({
      "@context": "https://www.w3.org/ns/activitystreams",
      id: `${a.actor}#forged`,
      type: "Like",
      actor: a.actor,
      object: b.actor,
    }),
  });
  const after = await get(baseB, "/received");
  check(
    "an unsigned POST to B's inbox is refused (401) and counted",
    unsigned.status === 401 && after.counts.unsigned === before + 1,
    { status: unsigned.status, counts: after.counts },
  );

  // 8. unfollow
  afterB = await seqOf(baseB);
  const unf = await post(baseA, "/unfollow", { actor: b.actor });
  const undoIn = await awaitReceived(baseB, "Undo", afterB, (x) => x.object?.id === follow.id);
  const followersAfter = await get(baseB, "/followers");
  check("A unfollows; B receives Undo(Follow) and drops A", unf.ok && undoIn != null && followersAfter.followers.length === 0, {
    unf,
    undoIn,
    followersAfter,
  });

  // 9. double-knocking: an inbox that, like a server speaking only draft-cavage, answers 401 to RFC 9421
  const stub = await startCavageOnlyStub();
  try {
    const sent1 = await post(baseA, "/send", { activity: { type: "Like", object: stub.actor }, to: [stub.actor] });
    const sent2 = await post(baseA, "/send", { activity: { type: "Like", object: stub.actor }, to: [stub.actor] });
    const seen = stub.seen.map((s) => `${s.scheme}->${s.status}`).join(" ");
    check(
      "A double-knocks: RFC 9421 refused with 401, retried as draft-cavage, then remembered for that origin",
      sent1.ok && sent2.ok && seen === "rfc9421->401 draft-cavage->202 draft-cavage->202",
      { seen, sent1, sent2 },
    );
    console.log(`#    cavage-only inbox saw: ${seen}`);
  } finally {
    stub.server.close();
    stub.server.closeAllConnections();
  }
  // the stub's actor is still in A's document cache, its inbox is gone: the control call reports the failure
  const failed = await post(baseA, "/send", { activity: { type: "Like", object: stub.actor }, to: [stub.actor] });
  check(
    "a delivery to a closed inbox answers 502 with ok=false and the error",
    failed.status === 502 && failed.ok === false && failed.errors.length > 0,
    failed,
  );

  // what each side signed with, from the requests logs
  for (const [name, base] of [["A", baseA], ["B", baseB]]) {
    const out = (await get(base, "/requests?direction=out")).requests.filter((r) => r.method === "POST");
    console.log(`#    ${name}'s POSTs: ${out.map((r) => `${r.signature.scheme}->${r.status}`).join(" ")}`);
  }
}

/**
 * A bare actor and inbox on loopback that accepts draft-cavage signatures only (it checks which scheme is present,
 * not the signature itself: this tests the sender's retry, not verification).
 */
async function startCavageOnlyStub() {
  const http = await import("node:http");
  const seen = [];
  const server = http.createServer((req, res) => {
    const base = `http://${req.headers.host}`;
    if (req.method === "GET" && req.url === "/actor") {
      res.writeHead(200, { "content-type": "application/activity+json" });
      res.end(JSON.stringify({
        "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
        id: `${base}/actor`,
        type: "Person",
        preferredUsername: "stub",
        inbox: `${base}/inbox`,
      }));
      return;
    }
    if (req.method === "POST" && req.url === "/inbox") {
      req.resume();
      const scheme = req.headers["signature-input"] ? "rfc9421" : req.headers.signature ? "draft-cavage" : "none";
      const status = scheme === "draft-cavage" ? 202 : 401;
      seen.push({ scheme, status });
      res.writeHead(status);
      res.end();
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, seen, actor: `http://127.0.0.1:${server.address().port}/actor` };
}

try {
  await main();
} catch (error) {
  failed++;
  console.log(`FAIL - selftest crashed: ${error?.stack ?? error}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
