// masto.js and the admin accounts API: ray (made admin by run.sh) finds pia in the admin list, reads her
// Admin::Account, warns her (she gets a moderation_warning notification), limits her, forces her media sensitive,
// suspends her (her post is gone and her token refused) and undoes each action. Uses pia and ray.
import { createOAuthAPIClient, createRestAPIClient } from "masto";
import { login, check, url } from "./masto-lib.mjs";

const scopes = "read write follow admin:read admin:write";
const app = await createRestAPIClient({ url }).v1.apps.create({
  clientName: "masto.js admin", redirectUris: "urn:ietf:wg:oauth:2.0:oob", scopes,
});
const token = await createOAuthAPIClient({ url }).token.create({
  grantType: "password", clientId: app.clientId, clientSecret: app.clientSecret,
  username: "ray@example.test", password: "ray password 123", scope: scopes,
});
const ray = createRestAPIClient({ url, accessToken: token.accessToken });
const pia = await login("pia");

const post = await pia.v1.statuses.create({ status: "pia's public post", visibility: "public" });
const found = await ray.v1.admin.accounts.list({ local: true, username: "pia" });
console.log("ray> admin.accounts.list(local, username=pia):", found.map((a) => [a.username, a.email]));
check(found.length === 1 && found[0].email === "pia@example.test", "the v1 list should find pia with her e-mail");
const piaId = found[0].id;
const shown = await ray.v1.admin.accounts.$select(piaId).fetch();
console.log("ray> admin.accounts.$select(pia).fetch:", shown.username, "confirmed", shown.confirmed,
  "role", shown.role?.name === "" ? "(none)" : shown.role?.name);
check(shown.account.id === piaId && shown.approved === true, "Admin::Account should carry the account");

const v2 = await (await fetch(`${url}/api/v2/admin/accounts?origin=local&username=pi`,
  { headers: { Authorization: `Bearer ${token.accessToken}` } })).json();
console.log("ray> GET /api/v2/admin/accounts?origin=local&username=pi:", v2.map((a) => a.username));
check(v2.some((a) => a.id === piaId), "the v2 list should find pia");

await ray.v1.admin.accounts.$select(piaId).action.create({ type: "none", text: "Please read the rules" });
const notes = await pia.v1.notifications.list();
const warning = notes.find((n) => n.type === "moderation_warning");
console.log("pia> notifications.list:", notes.map((n) => [n.type, n.moderationWarning?.text]));
check(warning && warning.moderationWarning.text === "Please read the rules", "pia should be told of the warning");

await ray.v1.admin.accounts.$select(piaId).action.create({ type: "silence" });
check((await ray.v1.admin.accounts.$select(piaId).fetch()).silenced, "pia should be limited");
const unsilenced = await ray.v1.admin.accounts.$select(piaId).unsilence();
console.log("ray> silence, then unsilence: silenced =", unsilenced.silenced);
check(!unsilenced.silenced, "unsilence should lift the limit");

await ray.v1.admin.accounts.$select(piaId).action.create({ type: "sensitive" });
const seen = await ray.v1.statuses.$select(post.id).fetch();
console.log("ray> sensitive; pia's post as others see it: sensitive =", seen.sensitive);
check(seen.sensitive === true, "a sensitized account's post should show as sensitive");
check((await ray.v1.admin.accounts.$select(piaId).unsensitive()).sensitized === false, "unsensitive");

await ray.v1.admin.accounts.$select(piaId).action.create({ type: "suspend", text: "Suspended for the test" });
let gone = false;
try { await ray.v1.statuses.$select(post.id).fetch(); } catch (e) { gone = e.statusCode === 404; }
let refused = false;
try { await pia.v1.accounts.verifyCredentials(); } catch (e) { refused = e.statusCode === 403; }
console.log("ray> suspend: pia's post 404 =", gone, "; pia's token refused (403) =", refused);
check(gone && refused, "a suspended account's posts should be gone and its token refused");
const back = await ray.v1.admin.accounts.$select(piaId).unsuspend();
console.log("ray> unsuspend: suspended =", back.suspended);
check(!back.suspended && (await ray.v1.statuses.$select(post.id).fetch()).id === post.id,
  "unsuspend should restore pia's post");

let denied = false;
try { await pia.v1.admin.accounts.list(); } catch (e) { denied = e.statusCode === 403; }
console.log("pia> admin.accounts.list without staff role or admin scopes: 403 =", denied);
check(denied, "a member should be refused the admin API");
