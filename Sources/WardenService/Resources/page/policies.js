// The policies in force: revision, files, the list, lint warnings and the last reload.

import { call } from "./api.js";
import { byId, el, notify, replace } from "./dom.js";

/** Shows the policies. */
export async function show() {
  try {
    const answer = await call("/v1/policies");
    const reload = answer.last_reload || {};
    const summary = byId("policy-summary");
    replace(summary);
    const add = (term, value) => summary.append(el("dt", { text: term }), el("dd", {}, value));
    add("Revision", el("span", { class: "mono", id: "policy-revision", text: answer.revision }));
    add("Files", (answer.files || []).join(", ") || "\u2014");
    add("Policies", String((answer.policies || []).length));
    add("Last reload", el("span", { class: reload.ok ? "ok" : "bad", text: `${reload.ok ? "\u2713 ok" : "\u2715 FAILED"} at ${reload.time}${(reload.errors || []).length ? `: ${reload.errors.join("; ")}` : ""}` }));
    const warnings = answer.lint || answer.warnings || [];
    replace(byId("policy-warnings"), warnings.length
      ? el("div", {}, el("h3", { text: "Lint warnings" }), el("ul", {}, warnings.map((warning) => el("li", { text: typeof warning === "string" ? warning : JSON.stringify(warning) }))))
      : el("p", { class: "status", text: "no lint warnings reported" }));
    const body = byId("policy-table").tBodies[0];
    replace(body);
    for (const policy of answer.policies || []) {
      body.append(el("tr", { class: policy.effect === "deny" ? "deny" : "" },
        el("td", { class: "mono", text: policy.id }), el("td", { text: policy.kind }),
        el("td", { text: policy.effect }), el("td", { text: (policy.groups || []).join(", ") })));
    }
  } catch (error) {
    notify(error.message);
  }
}
