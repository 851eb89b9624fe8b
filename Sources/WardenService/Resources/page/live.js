// The live list: the newest records first, new ones arriving over the stream, older ones a page
// at a time through the cursor. The filters live in the URL (`#live?actor=...`).

import { call, follow, query } from "./api.js";
import { byId, decisionBadge, el, notify, replace } from "./dom.js";

export const FILTERS = ["actor", "action", "resource", "decision", "op", "policy", "node", "since", "until"];
const PAGE = 50;
const MAX_ROWS = 1000;

/** Records shown (or opened) so far, by id, for the record view. */
export const known = new Map();
let stop = null;
let next = null;
let generation = 0;

/** The filters in `params` (a URLSearchParams). */
export function filtersFrom(params) {
  const filters = {};
  for (const name of FILTERS) if (params.get(name)) filters[name] = params.get(name);
  return filters;
}

function row(record, fresh) {
  known.set(record.id, record);
  const first = (record.checks && record.checks[0]) || {};
  const actor = record.caller && record.caller.actor ? record.caller.actor.id : "(no actor)";
  const denied = record.decision !== "allow";
  const more = record.checks && record.checks.length > 1 ? ` (+${record.checks.length - 1})` : "";
  return el("tr", { class: [denied ? "deny" : "allow", fresh ? "fresh" : ""].join(" ").trim(), "data-id": record.id },
    el("td", {}, el("a", { href: `#record/${encodeURIComponent(record.id)}`, class: "mono", text: String(record.seq), "aria-label": `record ${record.seq}, ${record.decision}` })),
    el("td", { class: "mono", text: record.time }),
    el("td", {}, decisionBadge(record.decision)),
    el("td", { class: "actor", text: actor }),
    el("td", { text: record.op }),
    el("td", { class: "wide", text: (first.action || "") + more }),
    el("td", { class: "wide mono", text: first.resource || "" }),
    el("td", { class: "wide", text: record.node }));
}

function count() {
  const rows = byId("records").tBodies[0].rows.length;
  byId("live-count").textContent = `${rows} record${rows === 1 ? "" : "s"} shown`;
}

function setState(state) {
  const badge = byId("live-state");
  badge.textContent = state === "live" ? "\u25cf live" : "\u25cb reconnecting";
  badge.className = `badge ${state === "live" ? "live" : "down"}`;
}

async function loadOlder(filters, mine) {
  const button = byId("older");
  button.disabled = true;
  byId("older-state").textContent = "loading\u2026";
  try {
    const page = await call(`/v1/audit/records?${query({ ...filters, limit: PAGE, cursor: next })}`);
    if (mine !== generation) return;
    const body = byId("records").tBodies[0];
    for (const record of page.records) if (!body.querySelector(`tr[data-id="${CSS.escape(record.id)}"]`)) body.append(row(record, false));
    next = page.next;
    byId("older-state").textContent = next ? "" : "that is the oldest record";
    button.disabled = !next;
    count();
  } catch (error) {
    if (mine !== generation) return;
    byId("older-state").textContent = "";
    button.disabled = false;
    notify(error.message);
  }
}

/** Shows the list for the filters in `params`. */
export async function show(params) {
  leave();
  const mine = ++generation;
  const filters = filtersFrom(params);
  const form = byId("filters");
  for (const name of FILTERS) form.elements[name].value = filters[name] || "";
  replace(byId("records").tBodies[0]);
  next = null;
  byId("older-state").textContent = "";
  setState("down");
  byId("live-state").textContent = "connecting";
  await loadOlder(filters, mine);
  if (mine !== generation) return;
  const path = `/v1/audit/stream?${query(filters)}`;
  stop = follow(path, {
    onState: (state) => { if (mine === generation) setState(state); },
    onError: (error) => { if (mine === generation) notify(error.message); },
    onRecord: (record) => {
      if (mine !== generation) return;
      const body = byId("records").tBodies[0];
      if (body.querySelector(`tr[data-id="${CSS.escape(record.id)}"]`)) return;
      body.prepend(row(record, true));
      while (body.rows.length > MAX_ROWS) body.lastElementChild.remove();
      count();
    },
  });
}

/** Stops following (the view is left). */
export function leave() {
  generation++;
  if (stop) stop();
  stop = null;
}

/** Wires the filter form: applying it puts the filters into the URL. */
export function setUp() {
  const form = byId("filters");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const filters = {};
    for (const name of FILTERS) filters[name] = form.elements[name].value.trim();
    const text = query(filters);
    location.hash = text ? `live?${text}` : "live";
  });
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    location.hash = "live";
  });
  byId("older").addEventListener("click", () => loadOlder(filtersFrom(new URLSearchParams(location.hash.split("?")[1] || "")), generation));
}
