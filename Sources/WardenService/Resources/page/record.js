// One record: the caller, the target, every check with its decision and deciding policies, the
// error, the chain position and whether the chain verifies up to it.

import { call, query, verification } from "./api.js";
import { byId, decisionBadge, el, facts, notify, replace } from "./dom.js";
import { known } from "./live.js";

function text(value) {
  return value === undefined || value === null ? "\u2014" : typeof value === "string" ? value : JSON.stringify(value);
}

function checksTable(checks) {
  const body = el("tbody");
  for (const check of checks || []) {
    body.append(el("tr", { class: check.decision === "allow" ? "allow" : "deny" },
      el("td", { text: check.action }),
      el("td", { class: "mono", text: check.resource }),
      el("td", {}, decisionBadge(check.decision)),
      el("td", { text: (check.policies || []).join(", ") || "(none)" }),
      el("td", { text: (check.errors || []).map(text).join("; ") })));
  }
  return el("div", { class: "scroll" }, el("table", { id: "record-checks" },
    el("thead", {}, el("tr", {}, ["Action", "Resource", "Decision", "Deciding policies", "Errors"].map((title) => el("th", { scope: "col", text: title })))),
    body));
}

/** Whether the chain holds up to `record` by the verification `result`, and the line saying so. */
function chainStatus(record, result) {
  if (!result) return { holds: false, text: "unknown" };
  if (result.ok) {
    const head = result.head || {};
    return {
      holds: true,
      text: result.records > 0 && head.seq >= record.seq
        ? `verifies up to this record (chain head seq ${head.seq})`
        : `verified through seq ${head.seq}`,
    };
  }
  const broken = result.break || {};
  if (broken.seq && broken.seq > record.seq) {
    return { holds: true, text: `verifies up to this record; the chain breaks later, at seq ${broken.seq}: ${broken.message}` };
  }
  return { holds: false, text: `DOES NOT VERIFY: ${broken.message || "the chain is broken"} (${broken.location || ""})` };
}

async function showChain(record) {
  let result = null;
  try { result = await verification(); } catch (error) { notify(error.message); }
  const line = byId("record-chain");
  if (!line || line.dataset.record !== record.id) return;  // another record is shown by now
  const status = chainStatus(record, result);
  line.className = status.holds ? "ok" : "bad";
  line.textContent = status.text;
}

/** Shows the record with id `id`. */
export async function show(id) {
  const body = byId("record-body");
  byId("record-title").textContent = "";
  replace(body, el("p", { text: "loading\u2026" }));
  try {
    let record = known.get(id);
    if (!record) {
      // Read without verifying: the chain line below says whether the record verifies, so a
      // record of an altered log can still be looked at, marked as such.
      const page = await call(`/v1/audit/records?${query({ id, limit: 1, verify: false })}`);
      record = page.records[0];
    }
    if (!record) {
      replace(body, el("p", { text: `no record with id ${id}` }));
      return;
    }
    known.set(record.id, record);
    const caller = record.caller || {};
    const actor = caller.actor;
    byId("record-title").textContent = `seq ${record.seq}`;
    replace(body,
      facts([
        ["Decision", decisionBadge(record.decision)],
        ["Time", record.time],
        ["Op", record.op],
        ["Node", record.node],
        ["Actor", actor ? actor.id : "(no actor)"],
        ["Actor meta", actor ? text(actor.meta) : null],
        ["Caller pid", text(caller.pid)],
        ["Call site", caller.site ? el("span", { class: "mono", text: caller.site }) : null],
        ["Caller scope", (caller.scope || []).join(", ")],
        ["Caller context", text(caller.context)],
        ["Target", text(record.target)],
        ["Error", record.error ? `${record.error.kind}: ${record.error.message}` : "none"],
        ["Policy revision", el("span", { class: "mono", text: record.policy_revision })],
        ["Duration", `${record.duration_ns} ns`],
        ["Chain position", el("span", { class: "mono", text: `seq ${record.seq}, prev ${record.prev}, hash ${record.hash}` })],
        ["Chain", el("span", { id: "record-chain", "data-record": record.id, text: "verifying the chain\u2026" })],
        ["Id", el("span", { class: "mono", text: record.id })],
      ]),
      el("h3", { text: "Checks" }),
      checksTable(record.checks));
    // The chain line fills in when the verification answers; the record shows without waiting.
    showChain(record);
  } catch (error) {
    replace(body);
    notify(error.message);
  }
}
