// masto.js and notification requests: uma sets her policy with v2.notifications.policy.update (masto.js sends PUT)
// to filter mentions from people she does not follow; tina (a stranger) mentions her; uma lists the request,
// fetches it, accepts it, and tina's mention joins her notifications.
import { login, check, sleep } from "./masto-lib.mjs";

async function waitFor(fetch, ready) {
  let value = await fetch();
  for (let i = 0; i < 100 && !ready(value); i++) {
    await sleep(200);
    value = await fetch();
  }
  return value;
}

const [uma, tina] = [await login("uma"), await login("tina")];
const policy = await uma.v2.notifications.policy.update({ forNotFollowing: "filter", forPrivateMentions: "filter" });
console.log("uma> v2.notifications.policy.update:", policy.forNotFollowing, policy.forPrivateMentions);
check(policy.forNotFollowing === "filter", "the policy should say filter");
const fetched = await uma.v2.notifications.policy.fetch();
check(fetched.forNotFollowing === "filter", "the stored policy should say filter");

const mention = await tina.v1.statuses.create({ status: "@uma hi from tina via masto.js", visibility: "direct" });
const requests = await waitFor(() => uma.v1.notifications.requests.list({ limit: 10 }), (r) => r.length >= 1);
console.log("uma> v1.notifications.requests.list:",
  requests.map((r) => [r.account.acct, r.notificationsCount, r.lastStatus?.id]));
check(requests.length === 1 && requests[0].account.acct === "tina", "uma should have one request, from tina");
check(requests[0].lastStatus?.id === mention.id, "the request's last status should be tina's mention");
const summary = (await uma.v2.notifications.policy.fetch()).summary;
console.log("uma> policy summary:", summary);
check(summary.pendingRequestsCount === 1 && summary.pendingNotificationsCount === 1, "summary should count it");
let notes = await uma.v1.notifications.list({ types: ["mention"] });
check(notes.length === 0, "the filtered mention should not be listed yet");

const one = await uma.v1.notifications.requests.$select(requests[0].id).fetch();
check(one.id === requests[0].id, "requests.$select(id).fetch should return the request");
await uma.v1.notifications.requests.$select(requests[0].id).accept();
const merged = await uma.v1.notifications.requests.merged.fetch();
console.log("uma> requests.$select(id).accept(); merged =", merged.merged);
check(merged.merged === true, "merged should be true");
check((await uma.v1.notifications.requests.list()).length === 0, "no request should be left");
notes = await uma.v1.notifications.list({ types: ["mention"] });
console.log("uma> v1.notifications.list(mention):", notes.map((n) => [n.account.acct, n.status?.id]));
check(notes.length === 1 && notes[0].status?.id === mention.id, "tina's mention should now be listed");
await uma.v2.notifications.policy.update({ forNotFollowing: "accept", forPrivateMentions: "accept" });
console.log("OK");
