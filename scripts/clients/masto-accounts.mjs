// masto.js and the account actions: mona keeps a note about liam, endorses him (pin, then endorse), features
// hashtags, reads her follow suggestions (v2: kate, followed by liam whom mona follows) and removes liam from her
// followers. Uses mona, liam and kate.
import { login, check } from "./masto-lib.mjs";

const [mona, liam, kate] = [await login("mona"), await login("liam"), await login("kate")];
const monaId = (await mona.v1.accounts.verifyCredentials()).id;
const liamId = (await liam.v1.accounts.verifyCredentials()).id;
const kateId = (await kate.v1.accounts.verifyCredentials()).id;

let rel = await mona.v1.accounts.$select(liamId).note.create({ comment: "Liam lends books" });
console.log("mona> accounts.$select(liam).note.create:", JSON.stringify(rel.note));
check(rel.note === "Liam lends books", "the note should come back in the relationship");

await mona.v1.accounts.$select(liamId).follow();
rel = await mona.v1.accounts.$select(liamId).pin();
console.log("mona> accounts.$select(liam).pin: endorsed =", rel.endorsed);
check(rel.endorsed, "pin should endorse");
rel = await mona.v1.accounts.$select(liamId).unpin();
rel = await mona.v1.accounts.$select(liamId).endorse();
console.log("mona> unpin, then endorse: endorsed =", rel.endorsed);
check(rel.endorsed, "endorse should endorse");
const endorsed = await mona.v1.accounts.$select(monaId).endorsements.list();
console.log("mona> accounts.$select(mona).endorsements.list:", endorsed.map((a) => a.acct));
check(endorsed.length === 1 && endorsed[0].id === liamId, "mona's public endorsements should list liam");
const own = await mona.v1.endorsements.list();
check(own.length === 1 && own[0].id === liamId, "v1.endorsements.list should list liam");

await mona.v1.statuses.create({ status: "Reading #bookclub picks, #poetry too", visibility: "public" });
const tag = await mona.v1.featuredTags.create({ name: "bookclub" });
console.log("mona> featuredTags.create:", tag.name, tag.statusesCount, tag.lastStatusAt);
check(tag.name === "bookclub" && String(tag.statusesCount) === "1", "the featured tag should count one status");
const tags = await mona.v1.featuredTags.list();
console.log("mona> featuredTags.list:", tags.map((t) => t.name));
check(tags.some((t) => t.id === tag.id), "featuredTags.list should include bookclub");
const suggestedTags = await mona.v1.featuredTags.suggestions.list();
console.log("mona> featuredTags.suggestions.list:", suggestedTags.map((t) => t.name));
check(suggestedTags.some((t) => t.name === "poetry"), "poetry should be suggested");
const featuredPoetry = await mona.v1.tags.$select("poetry").feature();
console.log("mona> tags.$select(poetry).feature: featuring =", featuredPoetry.featuring);
check(featuredPoetry.featuring === true, "feature should answer the tag, featuring");
const shown = await kate.v1.accounts.$select(monaId).featuredTags.list();
console.log("kate> accounts.$select(mona).featuredTags.list:", shown.map((t) => t.name));
check(shown.length === 2, "kate should see mona's two featured tags");

await liam.v1.accounts.$select(kateId).follow();
const suggestions = await mona.v2.suggestions.list();
console.log("mona> v2.suggestions.list:", suggestions.map((s) => [s.account.acct, s.sources, s.source]));
const kateSuggestion = suggestions.find((s) => s.account.id === kateId);
check(kateSuggestion && kateSuggestion.sources.includes("friends_of_friends"),
  "kate (followed by liam) should be suggested to mona as a friend of a friend");

await liam.v1.accounts.$select(monaId).follow();
await mona.v1.accounts.$select(liamId).removeFromFollowers();
const [after] = await liam.v1.accounts.relationships.fetch({ id: [monaId] });
console.log("mona> accounts.$select(liam).removeFromFollowers; liam now following mona =", after.following);
check(!after.following, "liam should no longer follow mona");

await mona.v1.featuredTags.$select(tag.id).remove();
await mona.v1.tags.$select("poetry").unfeature();
await mona.v1.accounts.$select(liamId).unendorse();
await mona.v1.accounts.$select(liamId).note.create({ comment: "" });
const left = await mona.v1.featuredTags.list();
check(left.length === 0, "mona's featured tags should be gone");
console.log("OK");
