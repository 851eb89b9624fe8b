// The dry-run forms: a `process.*` call through `POST /v1/check` and a plain request through
// `POST /v1/decide`, answered exactly as `warden check` and `warden eval` answer them.

import { call } from "./api.js";
import { byId, decisionBadge, el, facts, replace } from "./dom.js";

function list(text) {
  return text.split(",").map((item) => item.trim()).filter((item) => item);
}

/** The common fields (actor, meta, scope, groups) of a form, as the API's keys. */
function common(form) {
  const body = {};
  const id = form.elements.actor.value.trim();
  const metaText = form.elements.meta.value.trim();
  let meta = {};
  if (metaText) {
    try { meta = JSON.parse(metaText); } catch { throw new Error("actor meta is not valid JSON: write an object such as {\"role\": \"admin\"}"); }
    if (meta === null || typeof meta !== "object" || Array.isArray(meta)) throw new Error("actor meta must be a JSON object such as {\"role\": \"admin\"}");
  }
  if (id) body.actor = { id, meta };
  const scope = list(form.elements.scope.value), groups = list(form.elements.groups.value);
  if (scope.length) body.scope = scope;
  if (groups.length) body.groups = groups;
  return body;
}

function checksTable(checks) {
  const body = el("tbody");
  for (const check of checks) {
    body.append(el("tr", { class: check.decision === "allow" ? "allow" : "deny" },
      el("td", { text: check.action }), el("td", { class: "mono", text: check.resource }),
      el("td", {}, decisionBadge(check.decision)), el("td", { text: check.policies.join(", ") || "(none)" }),
      el("td", { text: check.errors.join("; ") })));
  }
  return el("div", { class: "scroll" }, el("table", { class: "checks" },
    el("thead", {}, el("tr", {}, ["Action", "Resource", "Decision", "Policies", "Errors"].map((title) => el("th", { scope: "col", text: title })))), body));
}

async function submit(event, build, render) {
  event.preventDefault();
  const form = event.target;
  const result = form.querySelector(".result");
  try {
    replace(result, el("p", { text: "asking\u2026" }));
    replace(result, render(await build(form)));
  } catch (error) {
    replace(result, el("p", { class: "bad", role: "alert", text: `error: ${error.message}` }));
  }
}

/** Wires both forms. */
export function setUp() {
  byId("check-form").addEventListener("submit", (event) => submit(event,
    (form) => call("/v1/check", { method: "POST", body: { ...common(form), call: form.elements.call.value.trim() } }),
    (answer) => el("div", {},
      el("p", { class: "verdict", "data-verdict": answer.verdict }, "Verdict: ", decisionBadge(answer.verdict)),
      answer.message ? el("p", { text: answer.message }) : null,
      checksTable(answer.checks),
      facts([["Context", answer.context], ["Revision", el("span", { class: "mono", text: answer.revision })]]))));
  byId("decide-form").addEventListener("submit", (event) => submit(event,
    (form) => call("/v1/decide", { method: "POST", body: { ...common(form), action: form.elements.action.value.trim(), resource: form.elements.resource.value.trim() } }),
    (answer) => el("div", {},
      el("p", { class: "verdict", "data-verdict": answer.decision }, "Decision: ", decisionBadge(answer.decision)),
      facts([
        ["Deciding policies", answer.policies.join(", ") || "(none)"],
        ["Errors", answer.errors.map((error) => `${error.policy}: ${error.message}`).join("; ") || "none"],
        ["Revision", el("span", { class: "mono", text: answer.revision })],
      ]))));
}
