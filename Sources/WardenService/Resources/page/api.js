// The service's own API: every view reads and writes through these calls. A bearer token, asked
// for once, is kept in sessionStorage (this tab only) and sent with every request.

import { byId } from "./dom.js";

const TOKEN_KEY = "warden.token";
let tokenWaiters = [];

/** An error the service answered, with its code and message. */
export class ServiceError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function headers(extra = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { ...extra, Authorization: `Bearer ${token}` } : extra;
}

/** Asks for a token (the form in the page) and resolves once one is given. */
export function askForToken() {
  const form = byId("token-form");
  form.hidden = false;
  byId("token-input").focus();
  return new Promise((resolve) => tokenWaiters.push(resolve));
}

/** Wires the token form. */
export function setUpToken() {
  const form = byId("token-form");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = byId("token-input").value.trim();
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    byId("token-input").value = "";
    form.hidden = true;
    const waiters = tokenWaiters;
    tokenWaiters = [];
    for (const resolve of waiters) resolve();
  });
  byId("token-cancel").addEventListener("click", () => { form.hidden = true; });
  byId("token-button").addEventListener("click", () => askForToken());
}

/** Calls the API and answers the parsed JSON; asks for a token on 401 or 403 and tries again once. */
export async function call(path, { method = "GET", body, signal } = {}, retried = false) {
  const init = { method, signal, headers: headers(body === undefined ? {} : { "Content-Type": "application/json" }) };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(path, init);
  if ((response.status === 401 || response.status === 403) && !retried) {
    await askForToken();
    return call(path, { method, body, signal }, true);
  }
  const text = await response.text();
  let value;
  try { value = JSON.parse(text); } catch { throw new ServiceError(response.status, "invalid-answer", `the service answered ${response.status} with something that is not JSON`); }
  if (!response.ok) {
    const error = value && value.error ? value.error : { code: "http-" + response.status, message: text };
    throw new ServiceError(response.status, error.code, error.message);
  }
  return value;
}

/**
 * Follows `path` (Server-Sent Events) with fetch, so the token travels as a header; calls
 * `onRecord` with each record, `onState` with "live" or "down". Reconnects after a failure.
 * Returns a function that stops it.
 */
export function follow(path, { onRecord, onState, onError }) {
  const controller = new AbortController();
  let stopped = false;
  async function run() {
    while (!stopped) {
      try {
        const response = await fetch(path, { headers: headers({ Accept: "text/event-stream" }), signal: controller.signal });
        if (response.status === 401 || response.status === 403) { await askForToken(); continue; }
        if (!response.ok || !response.body) {
          let message = `the stream answered ${response.status}`;
          try { const value = await response.json(); if (value.error) message = value.error.message; } catch { /* not JSON */ }
          throw new ServiceError(response.status, "stream", message);
        }
        onState("live");
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            dispatch(block);
          }
        }
      } catch (error) {
        if (stopped) return;
        if (error instanceof ServiceError) onError(error);
      }
      if (stopped) return;
      onState("down");
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
  function dispatch(block) {
    let event = "message";
    const data = [];
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) continue;
      if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    if (data.length === 0) return;
    let value;
    try { value = JSON.parse(data.join("\n")); } catch { return; }
    if (event === "record") onRecord(value);
    else if (event === "error" && value.error) onError(new ServiceError(409, value.error.code, value.error.message));
  }
  run();
  return () => { stopped = true; controller.abort(); };
}

/** `name=value&...` of the non-empty entries of `params`, values percent-encoded. */
export function query(params) {
  return Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== null && value !== "")
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join("&");
}

/** How long a record's view reuses the last chain verification before asking again. */
const VERIFICATION_REUSE_MS = 60_000;
let lastVerification = null;

/**
 * `GET /v1/audit/verify`, which reads the whole store: the overview asks for a fresh answer
 * (`fresh`), a record's view reuses one up to a minute old, so opening records one after another
 * in a large store does not verify it again each time.
 */
export function verification({ fresh = false } = {}) {
  const now = Date.now();
  if (fresh || !lastVerification || now - lastVerification.at > VERIFICATION_REUSE_MS) {
    const answer = call("/v1/audit/verify");
    lastVerification = { at: now, answer };
    answer.catch(() => { if (lastVerification && lastVerification.answer === answer) lastVerification = null; });
  }
  return lastVerification.answer;
}
