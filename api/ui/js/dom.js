// The page's DOM and API helpers. The page talks only to the API that serves it
// (relative URLs) and puts data into the page only as text nodes: nothing from the
// graph is ever parsed as HTML.

export const $ = (id) => document.getElementById(id);

/** An element; string children become text nodes, `on` adds listeners, `style` sets CSSOM. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "on") Object.entries(value).forEach(([ev, fn]) => node.addEventListener(ev, fn));
    else if (key === "style") Object.assign(node.style, value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("aria")) node.setAttribute(`aria-${key.slice(4).toLowerCase()}`, value);
    else node[key] = value;
  }
  fill(node, ...children);
  return node;
}

/** Replace a node's content; null children (optional parts) are left out. */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined));
}

export function button(text, onClick, className = "link") {
  return el("button", { type: "button", className, on: { click: onClick } }, text);
}

/** GET JSON from the API; a problem document's `detail` becomes the error's message. */
export async function api(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) value.forEach((v) => url.searchParams.append(key, v));
    else if (value !== "" && value != null) url.searchParams.set(key, value);
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || `${response.status} ${response.statusText}`);
  return body;
}

export function entityPath(id, suffix = "") {
  return `/entities/${encodeURIComponent(id)}${suffix}`;
}

export function setStatus(text, isError = false) {
  $("status").textContent = text;
  $("status").classList.toggle("error", isError);
}

/** Run an async action, reporting its failure in the status line. While any runs,
 * the body says data-busy="true" (the browser tests wait on it, never on the clock). */
export let running = 0;

export function run(promise) {
  running += 1;
  document.body.dataset.busy = "true";
  return promise.catch((err) => setStatus(err.message, true)).finally(() => {
    running -= 1;
    if (!running) document.body.dataset.busy = "false";
  });
}
