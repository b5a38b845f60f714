// masto.js with quote posts: quin posts; nick quotes it (statuses.create with quotedStatusId); quin lists the quotes
// (statuses.$select(id).quotes.list()), is notified, revokes the quote and changes her post's quote policy. masto 8
// types know quotedStatusId, quoteApprovalPolicy and quotes.list(); revoke and interaction_policy have no typed
// method, so they go through masto's path proxy as an app would (quotes.$select(id).revoke() → POST .../revoke,
// interactionPolicy.update() → PATCH .../interaction_policy).
import { login, check, sleep } from "./masto-lib.mjs";

const [nick, quin] = [await login("nick"), await login("quin")];

const post = await quin.v1.statuses.create({ status: "Quotable words from quin (masto.js)", visibility: "public",
  quoteApprovalPolicy: "public" });
console.log("quin> statuses.create:", post.id, "quoteApproval =", JSON.stringify(post.quoteApproval));
check(post.quoteApproval.automatic.includes("public"), "quin's post should be quotable by anyone");

const quoting = await nick.v1.statuses.create({ status: "Agreed (nick via masto.js)", quotedStatusId: post.id });
console.log("nick> statuses.create quotedStatusId: quote.state =", quoting.quote?.state,
  "quote.quotedStatus.id =", quoting.quote?.quotedStatus?.id);
check(quoting.quote?.state === "accepted", "the quote should be accepted");
check(quoting.quote?.quotedStatus?.id === post.id, "the quote should carry quin's post");

const quotes = await quin.v1.statuses.$select(post.id).quotes.list();
console.log("quin> statuses.$select(id).quotes.list():", quotes.map((s) => s.id));
check(quotes.length === 1 && quotes[0].id === quoting.id, "quin should list nick's quote");
const fetched = await quin.v1.statuses.$select(post.id).fetch();
check(fetched.quotesCount === 1, "quin's post should count one quote");

let notes = [];
for (let i = 0; i < 50; i++) {
  notes = (await quin.v1.notifications.list({ types: ["quote"] })).filter((n) => n.status?.id === quoting.id);
  if (notes.length) break;
  await sleep(200);
}
console.log("quin> notifications.list(types quote):", notes.map((n) => [n.type, n.account.acct]));
check(notes.length === 1, "quin should be told of nick's quote");

const revoked = await quin.v1.statuses.$select(post.id).quotes.$select(quoting.id).revoke();
console.log("quin> quotes.$select(id).revoke(): quote.state =", revoked.quote?.state);
check(revoked.quote?.state === "revoked", "the quote should be revoked");

const changed = await quin.v1.statuses.$select(post.id).interactionPolicy.update({ quoteApprovalPolicy: "followers" });
console.log("quin> interactionPolicy.update(followers): automatic =", changed.quoteApproval.automatic);
check(JSON.stringify(changed.quoteApproval.automatic) === '["followers"]', "the policy should be followers now");

const me = await quin.v1.accounts.verifyCredentials();
console.log("quin> verifyCredentials: source.quotePolicy =", me.source.quotePolicy);
check(me.source.quotePolicy === "public", "the default quote policy should be public");
console.log("ok");
