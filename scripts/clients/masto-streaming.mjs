// masto.js streaming (createStreamingAPIClient, a WebSocket with the token as sub-protocol, as masto.js sends it):
// zack subscribes to his user stream at the URL the instance advertises (configuration.urls.streaming); abby, whom
// he follows, posts (zack hears "update"), then favourites zack's post (zack hears "notification").
import { createOAuthAPIClient, createRestAPIClient, createStreamingAPIClient } from "masto";
import { url, check, sleep } from "./masto-lib.mjs";

async function loginWithToken(name) {
  const oauth = createOAuthAPIClient({ url });
  const app = await createRestAPIClient({ url }).v1.apps.create({
    clientName: `masto.js ${name}`, redirectUris: "urn:ietf:wg:oauth:2.0:oob", scopes: "read write follow",
  });
  const token = await oauth.token.create({
    grantType: "password", clientId: app.clientId, clientSecret: app.clientSecret,
    username: `${name}@example.test`, password: `${name} password 123`, scope: "read write follow",
  });
  return [createRestAPIClient({ url, accessToken: token.accessToken }), token.accessToken];
}

const received = [];

async function next(wanted, what) {
  for (let i = 0; i < 150; i++) {
    const found = received.find(wanted);
    if (found) {
      return found;
    }
    await sleep(100);
  }
  check(false, `no ${what} arrived on the stream`);
}

const [zack, zackToken] = await loginWithToken("zack");
const [abby] = await loginWithToken("abby");
const abbyAccount = await abby.v1.accounts.verifyCredentials();
await zack.v1.accounts.$select(abbyAccount.id).follow();

const instance = await zack.v2.instance.fetch();
console.log("zack> v2.instance.fetch: configuration.urls.streaming =", instance.configuration.urls.streaming);
const streaming = createStreamingAPIClient({
  streamingApiUrl: instance.configuration.urls.streaming, accessToken: zackToken, retry: false,
});
const subscription = streaming.user.subscribe();
// masto.js sends the subscribe message when iteration starts: collect in the background.
(async () => {
  for await (const event of subscription) {
    received.push(event);
  }
})();
// The subscribe message goes out once the socket is open: zack posts probes until one comes back on his stream.
let probed = false;
for (let i = 0; i < 15 && !probed; i++) {
  const probe = await zack.v1.statuses.create({ status: `zack's probe ${i}`, visibility: "private" });
  for (let j = 0; j < 20 && !probed; j++) {
    await sleep(100);
    probed = received.some((e) => e.event === "update" && e.payload.id === probe.id);
  }
}
check(probed, "the user stream should carry zack's own posts");

const post = await abby.v1.statuses.create({ status: "abby posts for zack's stream (masto.js)" });
const update = await next((e) => e.event === "update" && e.payload.id === post.id, "update");
console.log("zack> user stream:", update.event, update.stream, update.payload.id, update.payload.account.acct);
check(update.payload.content.includes("abby posts"), "the update should carry the status");

const mine = await zack.v1.statuses.create({ status: "zack's post, to be favourited" });
await abby.v1.statuses.$select(mine.id).favourite();
const note = await next((e) => e.event === "notification", "notification");
console.log("zack> user stream:", note.event, note.payload.type, note.payload.account.acct, note.payload.status?.id);
check(note.payload.type === "favourite" && note.payload.status?.id === mine.id, "a favourite notification");

subscription.unsubscribe();
streaming.close();
console.log("masto.js streaming: ok");
process.exit(0);
