// masto.js as two people: hugo posts; gina follows hugo and a locked account (ivy, who accepts), replies,
// boosts and favourites hugo's post, reads her home timeline; hugo reads his notifications.
import { login, check, sleep } from "./masto-lib.mjs";

const [gina, hugo, ivy] = [await login("gina"), await login("hugo"), await login("ivy")];
await ivy.v1.accounts.updateCredentials({ locked: true });

const post = await hugo.v1.statuses.create({ status: "Evening post from hugo via masto.js #js", visibility: "public" });
console.log("hugo> statuses.create:", post.id, post.content);
const hugoAccount = await hugo.v1.accounts.verifyCredentials();
const ivyAccount = await ivy.v1.accounts.verifyCredentials();

let rel = await gina.v1.accounts.$select(hugoAccount.id).follow();
console.log("gina> follow(hugo): following =", rel.following);
rel = await gina.v1.accounts.$select(ivyAccount.id).follow();
console.log("gina> follow(ivy, locked): requested =", rel.requested);
const requests = await ivy.v1.followRequests.list();
check(requests.length === 1 && requests[0].acct === "gina", "ivy should see gina's follow request");
await ivy.v1.followRequests.$select(requests[0].id).authorize();
const [after] = await gina.v1.accounts.relationships.fetch({ id: [ivyAccount.id] });
check(after.following, "gina should follow ivy after approval");
console.log("ivy> followRequests.authorize(gina): gina now follows ivy");

const fav = await gina.v1.statuses.$select(post.id).favourite();
const boost = await gina.v1.statuses.$select(post.id).reblog();
const reply = await gina.v1.statuses.create({ status: "@hugo nice one (gina)", inReplyToId: post.id });
console.log("gina> favourite:", fav.favourited, "reblog:", boost.reblog?.id === post.id, "reply:", reply.inReplyToId);

let home = [];
for (let i = 0; i < 50; i++) {
  home = await gina.v1.timelines.home.list({ limit: 20 });
  if (home.some((s) => (s.reblog ?? s).id === post.id)) break;
  await sleep(200);
}
console.log("gina> timelines.home:", home.slice(0, 6).map((s) => [s.account.acct, (s.reblog ?? s).id]));
check(home.some((s) => (s.reblog ?? s).id === post.id), "hugo's post should be in gina's home");

let notes = [];
for (let i = 0; i < 50; i++) {
  notes = await hugo.v1.notifications.list();
  const types = new Set(notes.map((n) => n.type));
  if (["follow", "favourite", "reblog", "mention"].every((t) => types.has(t))) break;
  await sleep(200);
}
console.log("hugo> notifications.list:", notes.map((n) => [n.type, n.account.acct]));
const types = new Set(notes.map((n) => n.type));
check(["follow", "favourite", "reblog", "mention"].every((t) => types.has(t)),
  "hugo should have follow, favourite, reblog and mention notifications");
