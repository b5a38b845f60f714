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

async function next(iterator, wanted, what) {
  const timeout = sleep(15000).then(() => null);
  while (true) {
    const result = await Promise.race([iterator.next(), timeout]);
    check(result !== null && !result.done, `no ${what} arrived on the stream`);
    if (wanted(result.value)) {
      return result.value;
    }
  }
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
const events = subscription.values();
await sleep(1000); // the subscribe message goes out once the socket is open

const post = await abby.v1.statuses.create({ status: "abby posts for zack's stream (masto.js)" });
const update = await next(events, (e) => e.event === "update" && e.payload.id === post.id, "update");
console.log("zack> user stream:", update.event, update.stream, update.payload.id, update.payload.account.acct);
check(update.payload.content.includes("abby posts"), "the update should carry the status");

const mine = await zack.v1.statuses.create({ status: "zack's post, to be favourited" });
await abby.v1.statuses.$select(mine.id).favourite();
const note = await next(events, (e) => e.event === "notification", "notification");
console.log("zack> user stream:", note.event, note.payload.type, note.payload.account.acct, note.payload.status?.id);
check(note.payload.type === "favourite" && note.payload.status?.id === mine.id, "a favourite notification");

subscription.unsubscribe();
streaming.close();
console.log("masto.js streaming: ok");
process.exit(0);
