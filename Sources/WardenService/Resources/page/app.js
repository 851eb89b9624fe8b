// The page's router: `#live?filters`, `#record/ID`, `#overview?range=`, `#dry-run`, `#policies`.

import { setUpToken } from "./api.js";
import { notify } from "./dom.js";
import * as dryRun from "./dryrun.js";
import * as live from "./live.js";
import * as overview from "./overview.js";
import * as policies from "./policies.js";
import * as record from "./record.js";

function route() {
  const hash = location.hash.replace(/^#/, "") || "live";
  const [path, search] = hash.split("?");
  const params = new URLSearchParams(search || "");
  const [view, ...rest] = path.split("/");
  const name = ["live", "record", "overview", "dry-run", "policies"].includes(view) ? view : "live";
  notify("");
  for (const section of document.querySelectorAll("[data-view-section]")) section.hidden = section.dataset.viewSection !== name;
  for (const link of document.querySelectorAll("nav a[data-view]")) {
    if (link.dataset.view === name || (name === "record" && link.dataset.view === "live")) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  if (name !== "live") live.leave();
  if (name === "live") live.show(params);
  else if (name === "record") record.show(decodeURIComponent(rest.join("/")));
  else if (name === "overview") overview.show(params);
  else if (name === "policies") policies.show();
  document.title = `Warden audit \u2013 ${name}`;
}

setUpToken();
live.setUp();
overview.setUp();
dryRun.setUp();
window.addEventListener("hashchange", route);
route();
