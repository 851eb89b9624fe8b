// Building the page's elements. Every value reaches the document as text (textContent or an
// attribute set with setAttribute): nothing is ever parsed as HTML.

/** An element with attributes and children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attributes);
  append(node, children);
  return node;
}

const SVG = "http://www.w3.org/2000/svg";

/** An SVG element with attributes and children. */
export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  setAttributes(node, attributes);
  append(node, children);
  return node;
}

function setAttributes(node, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") node.textContent = String(value);
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of `node`. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

/** The element with id `id`. */
export const byId = (id) => document.getElementById(id);

/** The decision as a badge marked by text and symbol, not colour alone. */
export function decisionBadge(decision) {
  const symbol = decision === "allow" ? "\u2713" : "\u2715";
  return el("span", { class: `decision ${decision}`, text: `${symbol} ${decision}` });
}

/** A definition list of [term, value] pairs (values are text or nodes). */
export function facts(pairs) {
  const list = el("dl", { class: "facts" });
  for (const [term, value] of pairs) list.append(el("dt", { text: term }), el("dd", {}, value ?? "\u2014"));
  return list;
}

/** Shows `message` in the page's alert area (empty hides it). */
export function notify(message) {
  const notice = byId("notice");
  notice.textContent = message || "";
  notice.hidden = !message;
}
