#!/usr/bin/env node
// Mints credentials the services accept. The request is JSON on stdin, so no secret shows up in `ps`.
//
//   node mint.mjs session   {"secret": "...", "cookieName": "authjs.session-token", "token": {"id": "user-1"}, "maxAge": 3600}
//     Auth.js's own encode (@auth/core/jwt), then Auth.js's own SessionStore chunking when the token is too big
//     for one cookie. Prints one "name=value" line per cookie.
//   node mint.mjs sessions  [{...}, {...}]
//     The same for many sessions in one Node start (tests). Prints a JSON array of {"cookie name": "value"} maps.
//   node mint.mjs bearer    {"privateKeyFile": "k.pem", "kid": "...", "alg": "RS256", "issuer": "...",
//                            "audience": "...", "subject": "user-1", "expiresIn": 3600}
//     A JWT signed with jose. Prints it.
import { readFileSync } from "node:fs";
import { encode } from "@auth/core/jwt";
// Not in @auth/core's public exports; imported by path so chunking is Auth.js's, not a copy of it.
import { SessionStore } from "./node_modules/@auth/core/lib/utils/cookie.js";
import { SignJWT, importPKCS8 } from "jose";

const silentLogger = { debug() {}, error() {}, warn() {} };

async function cookies({ secret, cookieName = "authjs.session-token", token, maxAge }) {
  const value = await encode({ token, secret, salt: cookieName, maxAge });
  const store = new SessionStore({ name: cookieName, options: {} }, {}, silentLogger);
  return store.chunk(value, {});
}

async function session(request) {
  return (await cookies(request)).map((cookie) => `${cookie.name}=${cookie.value}`).join("\n");
}

async function sessions(requests) {
  const minted = [];
  for (const request of requests) {
    minted.push(Object.fromEntries((await cookies(request)).map((cookie) => [cookie.name, cookie.value])));
  }
  return JSON.stringify(minted);
}

async function bearer({ privateKeyFile, kid, alg = "RS256", issuer, audience, subject, expiresIn = 3600 }) {
  const key = await importPKCS8(readFileSync(privateKeyFile, "utf8"), alg);
  const now = Math.floor(Date.now() / 1000);
  return await new SignJWT({})
    .setProtectedHeader({ alg, kid, typ: "JWT" })
    .setIssuer(issuer)
    .setAudience(audience)
    .setSubject(subject)
    .setIssuedAt(now)
    .setExpirationTime(now + expiresIn)
    .sign(key);
}

const kinds = { session, sessions, bearer };
const kind = process.argv[2];
if (!kinds[kind]) {
  console.error(`usage: node mint.mjs ${Object.keys(kinds).join("|")} < request.json`);
  process.exit(2);
}
const request = JSON.parse(readFileSync(0, "utf8"));
process.stdout.write((await kinds[kind](request)) + "\n");
