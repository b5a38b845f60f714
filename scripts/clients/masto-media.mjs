// masto.js and media: otto uploads a PNG with v2.media.create (a Blob, as a browser app sends it), updates its
// description with v1.media.update, posts it with v1.statuses.create({ mediaIds }), and nora reads the post back
// with the image, which is served.
import { readFile } from "node:fs/promises";
import { login, check } from "./masto-lib.mjs";

const [otto, nora] = [await login("otto"), await login("nora")];
const bytes = await readFile(new URL("../../src/test/resources/media/image.png", import.meta.url));
const media = await otto.v2.media.create({ file: new Blob([bytes], { type: "image/png" }), description: "a square" });
console.log("otto> v2.media.create:", media.id, media.type, media.meta?.original);
check(media.type === "image" && media.url && media.previewUrl, "an image with a url and a preview");
const updated = await otto.v1.media.$select(media.id).update({ description: "a red square" });
check(updated.description === "a red square", "the description should be updated");

const status = await otto.v1.statuses.create({ status: "A square from masto.js", mediaIds: [media.id] });
const seen = await nora.v1.statuses.$select(status.id).fetch();
const attachment = seen.mediaAttachments[0];
console.log("nora> v1.statuses.$select().fetch(): mediaAttachments[0] =", attachment?.type, attachment?.url);
check(attachment?.id === media.id && attachment.description === "a red square", "nora should see the image");
const served = await fetch(attachment.url);
console.log("nora> GET url:", served.status, served.headers.get("content-type"));
check(served.status === 200 && served.headers.get("content-type").startsWith("image/png"), "the image is served");
console.log("ok");
