// masto.js and the moderators' side of reports and domain blocks: lea reports max's post; ray (made admin by
// run.sh) is notified (admin.report), finds the report in v1.admin.reports, takes it, resolves it (it leaves the
// open queue, the audit trail is the server's) and reopens it; then blocks a domain through v1.admin.domainBlocks,
// changes its severity and lifts it. A member is refused both APIs. Uses lea, max and ray.
import { createOAuthAPIClient, createRestAPIClient } from "masto";
import { login, check, url } from "./masto-lib.mjs";

const scopes = "read write follow admin:read admin:write";
const app = await createRestAPIClient({ url }).v1.apps.create({
  clientName: "masto.js moderation", redirectUris: "urn:ietf:wg:oauth:2.0:oob", scopes,
});
const token = await createOAuthAPIClient({ url }).token.create({
  grantType: "password", clientId: app.clientId, clientSecret: app.clientSecret,
  username: "ray@example.test", password: "ray password 123", scope: scopes,
});
const ray = createRestAPIClient({ url, accessToken: token.accessToken });
const lea = await login("lea");
const max = await login("max");

const maxAccount = await max.v1.accounts.verifyCredentials();
const post = await max.v1.statuses.create({ status: "buy cheap followers now", visibility: "public" });
const filed = await lea.v1.reports.create({ accountId: maxAccount.id, statusIds: [post.id], comment: "spam",
  category: "spam" });
console.log("lea> reports.create:", filed.id, filed.category);

const notes = await ray.v1.notifications.list({ types: ["admin.report"] });
console.log("ray> notifications.list(types=admin.report):", notes.map((n) => [n.type, n.report?.id]));
check(notes.some((n) => n.type === "admin.report" && n.report?.id === filed.id), "ray should be told of the report");

const open = await ray.v1.admin.reports.list();
console.log("ray> admin.reports.list:", open.map((r) => [r.id, r.category, r.targetAccount.username]));
const report = open.find((r) => r.id === filed.id);
check(report && report.targetAccount.username === "max" && report.statuses.some((s) => s.id === post.id),
  "the open queue should hold lea's report about max with his post");

const taken = await ray.v1.admin.reports.$select(filed.id).assignToSelf();
console.log("ray> assignToSelf: assigned to", taken.assignedAccount?.username);
check(taken.assignedAccount?.username === "ray", "the report should be assigned to ray");
const resolved = await ray.v1.admin.reports.$select(filed.id).resolve();
console.log("ray> resolve: actionTaken =", resolved.actionTaken);
check(resolved.actionTaken === true, "resolve should close the report");
check(!(await ray.v1.admin.reports.list()).some((r) => r.id === filed.id), "a resolved report leaves the queue");
check((await ray.v1.admin.reports.list({ resolved: true })).some((r) => r.id === filed.id),
  "the resolved list should hold it");
const reopened = await ray.v1.admin.reports.$select(filed.id).reopen();
console.log("ray> reopen: actionTaken =", reopened.actionTaken);
check(reopened.actionTaken === false, "reopen should open the report again");

const block = await ray.v1.admin.domainBlocks.create({ domain: "spam.example", severity: "suspend",
  rejectMedia: true, publicComment: "Spam factory" });
console.log("ray> domainBlocks.create:", block.domain, block.severity, "rejectMedia", block.rejectMedia);
check(block.domain === "spam.example" && block.severity === "suspend", "the block should be made");
check((await ray.v1.admin.domainBlocks.list()).some((b) => b.id === block.id), "the block should be listed");
const limited = await ray.v1.admin.domainBlocks.$select(block.id).update({ severity: "silence" });
console.log("ray> domainBlocks.update(severity=silence):", limited.severity);
check(limited.severity === "silence", "the block's severity should change");
check((await ray.v1.admin.domainBlocks.$select(block.id).fetch()).publicComment === "Spam factory",
  "fetch should show the block");
await ray.v1.admin.domainBlocks.$select(block.id).remove();
check(!(await ray.v1.admin.domainBlocks.list()).some((b) => b.id === block.id), "the block should be lifted");
console.log("ray> domainBlocks.remove: lifted");

for (const [name, call] of [["admin.reports.list", () => lea.v1.admin.reports.list()],
  ["admin.domainBlocks.list", () => lea.v1.admin.domainBlocks.list()]]) {
  let denied = false;
  try { await call(); } catch (e) { denied = e.statusCode === 403; }
  console.log(`lea> ${name} as a member: 403 =`, denied);
  check(denied, `a member should be refused ${name}`);
}
