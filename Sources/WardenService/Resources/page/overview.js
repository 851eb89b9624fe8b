// The overview: totals, allowed and denied calls over time (an SVG chart drawn here from
// `GET /v1/audit/stats`), the top denied actors, actions and resources, and the chain's status.

import { call, query, verification } from "./api.js";
import { byId, el, facts, notify, replace, svg } from "./dom.js";

const MINUTE = 60, HOUR = 3600, DAY = 86400;
const RANGES = { "1h": [HOUR, "1m"], "24h": [DAY, "15m"], "7d": [7 * DAY, "2h"], "30d": [30 * DAY, "12h"] };
const NICE = [["1m", MINUTE], ["5m", 5 * MINUTE], ["15m", 15 * MINUTE], ["1h", HOUR], ["2h", 2 * HOUR], ["6h", 6 * HOUR], ["12h", 12 * HOUR], ["1d", DAY], ["1w", 7 * DAY]];

function seconds(bucket) {
  return NICE.find(([name]) => name === bucket)[1];
}

/** The bucket that draws `span` seconds in at most about 60 bars. */
export function bucketFor(span) {
  for (const [name, size] of NICE) if (span / size <= 60) return name;
  return "1w";
}

function topList(id, entries, empty) {
  const list = byId(id);
  replace(list);
  if (!entries || entries.length === 0) { list.append(el("li", { text: empty })); return; }
  for (const entry of entries) list.append(el("li", {}, el("span", { text: entry.key === null ? "(no actor)" : entry.key }), el("span", { class: "count", text: `\u00d7 ${entry.count}` })));
}

function label(date, size) {
  const iso = date.toISOString();
  return size >= DAY ? iso.slice(0, 10) : size >= HOUR ? iso.slice(5, 16).replace("T", " ") : iso.slice(11, 16);
}

/** Draws the buckets from `start` to `end` (seconds) of `size` seconds. */
export function chart(stats, start, end, size) {
  const counts = new Map();
  for (const bucket of stats.buckets || []) counts.set(Math.floor(Date.parse(bucket.start) / 1000), bucket);
  const first = Math.floor(start / size) * size;
  const slots = [];
  for (let at = first; at <= end; at += size) slots.push([at, counts.get(at) || { allow: 0, deny: 0 }]);
  const width = 900, height = 260, left = 48, bottom = 28, top = 10, right = 10;
  const plotWidth = width - left - right, plotHeight = height - top - bottom;
  const highest = Math.max(1, ...slots.map(([, b]) => b.allow + b.deny));
  const step = plotWidth / Math.max(1, slots.length);
  const barWidth = Math.max(1, step * 0.8);
  const y = (value) => top + plotHeight - (value / highest) * plotHeight;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": "chart-caption", id: "chart-svg" },
    svg("defs", {}, svg("pattern", { id: "deny-hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
      svg("rect", { class: "hatch-back", width: 6, height: 6 }),
      svg("line", { class: "hatch-line", x1: 0, y1: 0, x2: 0, y2: 6 }))));
  for (const fraction of [0, 0.5, 1]) {
    const value = Math.round(highest * fraction);
    root.append(svg("line", { class: "grid", x1: left, x2: width - right, y1: y(value), y2: y(value) }),
      svg("text", { x: left - 6, y: y(value) + 4, "text-anchor": "end", text: String(value) }));
  }
  slots.forEach(([at, bucket], index) => {
    const x = left + index * step + (step - barWidth) / 2;
    const group = svg("g", { class: "bucket" }, svg("title", { text: `${new Date(at * 1000).toISOString()}: ${bucket.allow} allowed, ${bucket.deny} denied` }));
    if (bucket.allow > 0) group.append(svg("rect", { class: "bar-allow", x, width: barWidth, y: y(bucket.allow), height: y(0) - y(bucket.allow) }));
    if (bucket.deny > 0) group.append(svg("rect", { class: "bar-deny", fill: "url(#deny-hatch)", x, width: barWidth, y: y(bucket.allow + bucket.deny), height: y(bucket.allow) - y(bucket.allow + bucket.deny) }));
    root.append(group);
  });
  const ticks = Math.min(6, slots.length);
  for (let i = 0; i < ticks; i++) {
    const index = Math.round((i * (slots.length - 1)) / Math.max(1, ticks - 1));
    const x = left + index * step + step / 2;
    root.append(svg("text", { x, y: height - 8, "text-anchor": "middle", text: label(new Date(slots[index][0] * 1000), size) }));
  }
  root.append(svg("line", { class: "axis", x1: left, x2: width - right, y1: y(0), y2: y(0) }));
  return root;
}

async function chainStatus() {
  const box = byId("chain-status");
  try {
    replace(box, el("p", { id: "chain-verdict", text: "verifying the chain\u2026" }));
    const result = await verification({ fresh: true });
    const chains = (result.chains || []).filter((chain) => chain.node !== null);
    if (result.ok && chains.length > 0) {
      // A store several nodes write: one line per node's chain.
      replace(box, el("p", { class: "ok", id: "chain-verdict", text: `\u2713 verifies: ${result.records} records in ${chains.length} chain${chains.length === 1 ? "" : "s"}` }),
        facts(chains.map((chain) => [`Node ${chain.node}`, `${chain.records} records, head seq ${chain.head.seq}, ${chain.checkpoints} checkpoints`])
          .concat([["Warnings", (result.warnings || []).join("; ") || "none"]])));
    } else if (result.ok) {
      replace(box, el("p", { class: "ok", id: "chain-verdict", text: `\u2713 verifies: ${result.records} records, head seq ${result.head.seq}` }),
        facts([["Head hash", el("span", { class: "mono", text: result.head.hash })], ["Checkpoints", String(result.checkpoints)], ["Warnings", (result.warnings || []).join("; ") || "none"]]));
    } else {
      const broken = result.break;
      replace(box, el("p", { class: "bad", id: "chain-verdict", text: `\u2715 BROKEN at ${broken.location}${broken.seq ? ` seq ${broken.seq}` : ""}: ${broken.message}` }),
        facts([["Code", broken.code]]));
    }
  } catch (error) {
    replace(box, el("p", { class: "bad", text: error.message }));
  }
}

/** Shows the overview for the range in `params`. */
export async function show(params) {
  const range = params.get("range") || "24h";
  byId("range-form").elements.range.value = range;
  try {
    const now = Date.now() / 1000;
    let since, bucket, start;
    if (RANGES[range]) {
      [start, bucket] = [now - RANGES[range][0], RANGES[range][1]];
      since = range;
    } else {
      const whole = await call("/v1/audit/stats?top=0&verify=false");
      const first = whole.first_time ? Date.parse(whole.first_time) / 1000 : now - HOUR;
      const last = whole.last_time ? Date.parse(whole.last_time) / 1000 : now;
      start = first;
      bucket = bucketFor(Math.max(1, last - first));
    }
    // The chain is verified once, below, for the chain status box; the counts need not read
    // the store twice.
    const stats = await call(`/v1/audit/stats?${query({ since, bucket, top: 10, verify: false })}`);
    const end = RANGES[range] ? now : (stats.last_time ? Date.parse(stats.last_time) / 1000 : now);
    replace(byId("totals"),
      el("div", {}, el("strong", { text: String(stats.records) }), "records"),
      el("div", {}, el("strong", { class: "ok", text: String(stats.allowed) }), "\u2713 allowed"),
      el("div", {}, el("strong", { class: "bad", text: String(stats.denied) }), "\u2715 denied"),
      el("div", {}, el("strong", { text: String(stats.failed) }), "failed"));
    byId("chart-caption").textContent = `Allowed and denied calls per ${bucket}`;
    replace(byId("chart"), chart(stats, start, end, seconds(bucket)));
    topList("top-denied-actors", stats.top_denied_actors, "no denied calls");
    topList("top-denied-actions", stats.top_denied_actions, "no denied checks");
    topList("top-denied-resources", stats.top_denied_resources, "no denied checks");
  } catch (error) {
    notify(error.message);
  }
  await chainStatus();
}

/** Wires the range form: the range goes into the URL. */
export function setUp() {
  byId("range-form").addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `overview?range=${encodeURIComponent(event.target.elements.range.value)}`;
  });
}
