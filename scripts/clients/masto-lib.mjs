// What the masto.js checks share: the server's address, logging in as one of the accounts run.sh created (an app,
// then the password grant), failing with a message, and waiting.
import { createOAuthAPIClient, createRestAPIClient } from "masto";

export const url = process.env.STARLING_CLIENT_BASE;

export async function login(name) {
  const oauth = createOAuthAPIClient({ url });
  const app = await createRestAPIClient({ url }).v1.apps.create({
    clientName: `masto.js ${name}`, redirectUris: "urn:ietf:wg:oauth:2.0:oob", scopes: "read write follow",
  });
  const token = await oauth.token.create({
    grantType: "password", clientId: app.clientId, clientSecret: app.clientSecret,
    username: `${name}@example.test`, password: `${name} password 123`, scope: "read write follow",
  });
  return createRestAPIClient({ url, accessToken: token.accessToken });
}

export function check(condition, message) {
  if (!condition) {
    console.error("FAILED: " + message);
    process.exit(1);
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
