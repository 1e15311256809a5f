// cryptoreg's graph page. It talks only to the API that serves it (relative URLs) and puts
// data into the page only as text nodes: nothing from the graph is ever parsed as HTML.
/* global cytoscape */

const $ = (id) => document.getElementById(id);
const MAX_FIT_ZOOM = 1.25; // a graph of three nodes should not be blown up to fill the canvas
// An action's `status` once something ended it (lifted, revoked, ...: the ontology's
// `ended_how`); tests/test_ui.py checks it against graph/ontology.yaml.
const ENDED = "ended";
const state = {
  vocab: null, // GET /ui/vocabulary.json: entity and relation types with their colours
  types: new Map(),
  relations: new Map(),
  relationOrder: new Map(), // relation type -> its place in the ontology
  articles: new Map(), // article id -> promise of its metadata
};

// ---------- DOM and API helpers ----------

/** An element; string children become text nodes, `on` adds listeners, `style` sets CSSOM. */
function el(tag, attrs = {}, ...children) {
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
function fill(node, ...children) {
  node.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined));
}

function button(text, onClick, className = "link") {
  return el("button", { type: "button", className, on: { click: onClick } }, text);
}

/** GET JSON from the API; a problem document's `detail` becomes the error's message. */
async function api(path, params = {}) {
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

function entityPath(id, suffix = "") {
  return `/entities/${encodeURIComponent(id)}${suffix}`;
}

function setStatus(text, isError = false) {
  $("status").textContent = text;
  $("status").classList.toggle("error", isError);
}

/** Run an async action, reporting its failure in the status line. While any runs,
 * the body says data-busy="true" (the browser tests wait on it, never on the clock). */
let running = 0;
function run(promise) {
  running += 1;
  document.body.dataset.busy = "true";
  return promise.catch((err) => setStatus(err.message, true)).finally(() => {
    running -= 1;
    if (!running) document.body.dataset.busy = "false";
  });
}

// ---------- how things are named and painted ----------

/** What an entity is called; an unnamed group shows its count ("13 apps involved in ..."). */
function label(entity) {
  return entity.unnamed && entity.count != null ? `${entity.count} ${entity.name}` : entity.name;
}

function paint(type) {
  return state.types.get(type) || { color: "#999999", border: "#666666" };
}

function chip(entity) {
  const className = entity.unnamed ? "chip group" : "chip";
  return el("span", { className, style: { background: paint(entity.type).color } });
}

function relationBadge(type) {
  const color = state.relations.get(type)?.color || "#777777";
  return el("span", { className: "rel", style: { background: color } }, type);
}

// ---------- an action's life: its dates, its end, its history ----------

function isEnded(fact) {
  return fact.status === ENDED;
}

/** How and when an ended action ended: "lifted 2023-06" (either part may be unknown). */
function endingText(fact) {
  return [fact.ended_how || ENDED, fact.ended_on || "(date unknown)"].join(" ");
}

/** An ended action's span, from its own date to its end: "2021 → lifted 2023-06". */
function spanText(fact) {
  return `${fact.date || "undated"} → ${endingText(fact)}`;
}

/** What an edge says: its type, and for an ended action how and when it ended. */
function edgeLabel(fact) {
  return isEnded(fact) ? `${fact.type} (${endingText(fact)})` : fact.type;
}

/** A fine's amount in its own currency ("USD 5,000,000"); amounts are never summed. */
function moneyText(properties = {}) {
  const { amount, currency } = properties;
  if (amount == null) return null;
  try {
    const options = { style: "currency", currency, currencyDisplay: "code",
      minimumFractionDigits: 0, maximumFractionDigits: 2 };
    return new Intl.NumberFormat("en", options).format(amount);
  } catch {
    return [amount, currency].filter(Boolean).join(" "); // no currency, or not ISO 4217
  }
}

/** The date a timeline is ordered by: the action's own, else when it was first reported. */
function orderDate(fact) {
  return fact.date || fact.first_seen || "";
}

/** A step of the history: "taken 2021" or "lifted 2023-06". */
function stepText(step) {
  const what = step.status === ENDED ? step.how || ENDED : "taken";
  return step.on ? `${what} ${step.on}` : what;
}

/** The history as steps with their sources: article ids at first, then each article's
 * title and publisher once `resolve()` has fetched them (on demand: see historyBox). */
function historyList(fact) {
  const steps = fact.history.map((step) => {
    const ids = step.sources.length ? step.sources : ["no article reports this step by itself"];
    const sources = el("ul", { className: "plain" },
      ids.map((id) => el("li", { className: "source" }, id)));
    const item = el("li", {}, el("span", { className: "step" }, stepText(step)), sources);
    return { step, sources, item };
  });
  const list = el("ol", { className: "plain history" }, steps.map((s) => s.item));
  let resolved = null;
  const resolve = () => {
    resolved ||= Promise.all(steps.filter(({ step }) => step.sources.length)
      .map(async ({ step, sources }) => {
        const metas = await Promise.all(step.sources.map(article));
        fill(sources, metas.map((meta) => el("li", {}, articleLine(meta))));
      }));
    return resolved;
  };
  return { list, resolve };
}

/** A collapsed history whose summary reads "taken 2021 → lifted 2023-06"; opening it
 * fetches the source articles' titles. */
function historyBox(fact) {
  const { list, resolve } = historyList(fact);
  const summary = el("summary", {}, "History: ", fact.history.map(stepText).join(" → "));
  const box = el("details", { className: "history-box" }, summary, list);
  box.addEventListener("toggle", () => box.open && run(resolve()));
  return box;
}

/** Whether an action has a life worth showing: it ended, or its status changed. */
function hasHistory(fact) {
  return isEnded(fact) || (fact.history || []).length > 1;
}

// ---------- panels: latest request wins ----------

/** Latest request wins: each panel keeps a ticket counter, and an answer that arrives
 * after a newer request for the same panel is dropped instead of overwriting it. */
const tickets = new Map();
function claim(panel) {
  const ticket = (tickets.get(panel) || 0) + 1;
  tickets.set(panel, ticket);
  return () => tickets.get(panel) === ticket;
}

/** An article's metadata, fetched once per page. */
function article(id) {
  if (!state.articles.has(id)) {
    const meta = api(`/articles/${encodeURIComponent(id)}`).then((found) => found.article);
    state.articles.set(id, meta.catch(() => ({ id })));
  }
  return state.articles.get(id);
}

function articleLine(meta) {
  const text = [meta.title || meta.id, meta.publisher, meta.published].filter(Boolean).join(" · ");
  const safeUrl = meta.url && /^https?:\/\//.test(meta.url);
  if (!safeUrl) return el("p", { className: "source" }, text);
  const link = el("a", { href: meta.url, rel: "noopener noreferrer", target: "_blank" }, text);
  return el("p", { className: "source" }, link);
}

/** When an action was taken, when reported, whether it still stands, for how much. */
function factDates(fact) {
  const row = (term, value) => (value ? [el("dt", {}, term), el("dd", {}, value)] : []);
  const reported = fact.last_seen && fact.last_seen !== fact.first_seen
    ? `${fact.first_seen} (last ${fact.last_seen})` : fact.first_seen;
  return el("dl", { className: "fact-dates" },
    row("Action date", fact.date || "not given: placed by when first reported"),
    row("First reported", reported),
    row("Status", isEnded(fact) ? `ended: ${spanText(fact)}` : fact.status),
    row("Amount", moneyText(fact.properties)),
    row("Confidence", String(fact.confidence)));
}

// ---------- what is drawn: the view, kept in the URL ----------

// A same-type group of more than this many neighbours of one node that touch nothing
// else drawn becomes one cluster node (double-click or "Open" shows them).
const CLUSTER_OVER = 10;
// Labels are drawn only when at least this many pixels high on screen.
const LEGIBLE_PX = 10;
const NODE_FONT = 12;
const EDGE_FONT = 11;

/** What the graph shows, all of it in the page's URL, so Back and links work:
 * q (the search), focus (the entity drawn), expand (entities whose neighbours were
 * added, as "id" or "id|TYPE,TYPE"), hide (entities hidden), open (clusters opened),
 * off (node and relation types switched off), since and until (action dates). */
function emptyView() {
  return { q: "", focus: "", expand: [], hide: [], open: [], off: [], since: "", until: "" };
}
let view = emptyView();
const undoStack = [];
const LIST_KEYS = ["expand", "hide", "open", "off"];

function viewFromUrl(search = window.location.search) {
  const params = new URLSearchParams(search);
  const v = emptyView();
  for (const key of ["q", "focus", "since", "until"]) v[key] = params.get(key) || "";
  for (const key of LIST_KEYS) v[key] = params.getAll(key);
  return v;
}

function viewToQuery(v) {
  const params = new URLSearchParams();
  for (const key of ["q", "focus"]) if (v[key]) params.set(key, v[key]);
  for (const key of LIST_KEYS) v[key].forEach((value) => params.append(key, value));
  for (const key of ["since", "until"]) if (v[key]) params.set(key, v[key]);
  const query = params.toString();
  return query ? `?${query}` : window.location.pathname;
}

/** Change the view as the user asked: remembered for Undo and for Back, then drawn. */
function changeView(changes, { fresh = false, replace = false } = {}) {
  if (!replace) undoStack.push(viewToQuery(view));
  view = { ...view, ...changes };
  if (replace) window.history.replaceState(null, "", viewToQuery(view));
  else window.history.pushState(null, "", viewToQuery(view));
  $("undo").disabled = undoStack.length === 0;
  return render({ fresh });
}

function undo() {
  const previous = undoStack.pop();
  if (previous === undefined) return;
  view = viewFromUrl(previous.startsWith("?") ? previous : "");
  window.history.pushState(null, "", viewToQuery(view));
  $("undo").disabled = undoStack.length === 0;
  $("search-input").value = view.q;
  setStatus("Undone.");
  run(render());
}

// ---------- the data behind the view ----------

/** Neighbourhood answers for this drawing; a fresh drawing (a new search or hit)
 * asks again, expansions and filters reuse what was fetched. */
const neighbourhoods = new Map();

function neighbourhood(id, types = []) {
  const key = `${id}|${types.join(",")}`;
  if (!neighbourhoods.has(key)) {
    const answer = api(entityPath(id, "/neighborhood"), { depth: 1, type: types });
    neighbourhoods.set(key, answer);
    answer.catch(() => neighbourhoods.delete(key));
  }
  return neighbourhoods.get(key);
}

function parseExpansion(text) {
  const [id, types = ""] = text.split("|");
  return { id, types: types ? types.split(",") : [] };
}

/** One edge per event: two fines of the same pair are two facts. */
function factId(fact) {
  return fact.event_id || `${fact.source.id}|${fact.type}|${fact.target.id}`;
}

/** The date range of a date written "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
function dateSpan(text) {
  const [y, m, d] = text.split("-");
  if (d) return [text, text];
  if (m) return [`${y}-${m}-01`, `${y}-${m}-31`];
  return [`${y}-01-01`, `${y}-12-31`];
}

/** Whether an action falls in the chosen dates (by its own date, else when first
 * reported); facts that are not actions, and undated actions, are not filtered. */
function inDates(fact) {
  if (!view.since && !view.until) return true;
  if (state.relations.get(fact.type)?.kind !== "action") return true;
  const when = orderDate(fact);
  if (!when) return true;
  const [start, end] = dateSpan(when);
  return (!view.since || end >= dateSpan(view.since)[0])
    && (!view.until || start <= dateSpan(view.until)[1]);
}

/** Everything fetched for the view, then what is left after hiding and filters. */
function buildModel(subgraphs) {
  const nodes = new Map();
  const facts = new Map();
  for (const sub of subgraphs) {
    sub.nodes.forEach((n) => nodes.set(n.id, n));
    sub.edges.forEach((f) => facts.set(factId(f), f));
  }
  const hidden = new Set(view.hide.filter((id) => id !== view.focus));
  const off = new Set(view.off);
  const loaded = { nodes: [...nodes.values()].filter((n) => !hidden.has(n.id)),
    facts: [...facts.values()].filter((f) => !hidden.has(f.source.id) && !hidden.has(f.target.id)) };
  const anchors = new Set([view.focus, ...view.expand.map((e) => parseExpansion(e).id)]);
  const shownNode = (n) => n.id === view.focus || !off.has(n.type);
  let kept = loaded.nodes.filter(shownNode);
  const keptIds = new Set(kept.map((n) => n.id));
  const keptFacts = loaded.facts.filter((f) => !off.has(f.type) && inDates(f)
    && keptIds.has(f.source.id) && keptIds.has(f.target.id));
  const touched = new Set(keptFacts.flatMap((f) => [f.source.id, f.target.id]));
  kept = kept.filter((n) => touched.has(n.id) || anchors.has(n.id));
  return { loaded, nodes: kept, facts: keptFacts, anchors };
}

const KIND_RANK = { action: 0, referral: 1, structure: 2 };

function relRank(type) {
  const rel = state.relations.get(type);
  return [KIND_RANK[rel?.kind] ?? 3, state.relationOrder.get(type) ?? 99];
}

function byRelation(a, b) {
  const [ka, oa] = relRank(a);
  const [kb, ob] = relRank(b);
  return ka - kb || oa - ob;
}

/** "FINED ×2 · WARNED": the types of a bundle of facts, in ontology order. */
function typesLabel(facts) {
  const counts = new Map();
  facts.forEach((f) => counts.set(f.type, (counts.get(f.type) || 0) + 1));
  return [...counts].sort(([a], [b]) => byRelation(a, b))
    .map(([type, n]) => (n > 1 ? `${type} ×${n}` : type)).join(" · ");
}

/** Group leaf neighbours into clusters, then bundle the facts of each pair of nodes
 * into one edge (ended actions apart, dashed); returns cytoscape elements. */
function drawable(model) {
  const degree = new Map();
  const partners = new Map();
  for (const f of model.facts) {
    for (const [a, b] of [[f.source.id, f.target.id], [f.target.id, f.source.id]]) {
      if (!partners.has(a)) partners.set(a, new Set());
      partners.get(a).add(b);
    }
  }
  partners.forEach((set, id) => degree.set(id, set.size));
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const clusterOf = new Map(); // member id -> cluster node id
  const clusters = [];
  for (const anchor of model.anchors) {
    if (!byId.has(anchor)) continue;
    const groups = new Map();
    for (const id of partners.get(anchor) || []) {
      const n = byId.get(id);
      if (!n || model.anchors.has(id) || degree.get(id) !== 1 || clusterOf.has(id)) continue;
      if (!groups.has(n.type)) groups.set(n.type, []);
      groups.get(n.type).push(n);
    }
    for (const [type, members] of groups) {
      const key = `${anchor}|${type}`;
      if (members.length <= CLUSTER_OVER || view.open.includes(key)) continue;
      const id = `cluster:${key}`;
      members.forEach((m) => clusterOf.set(m.id, id));
      clusters.push({ id, key, anchor, type, members });
    }
  }
  const elements = [];
  for (const n of model.nodes) if (!clusterOf.has(n.id)) elements.push(nodeElement(n));
  for (const c of clusters) {
    const { color, border } = paint(c.type);
    const label = `${c.members.length} ${c.type} (cluster)`;
    elements.push({ group: "nodes", classes: "cluster",
      data: { id: c.id, cluster: c.key, anchor: c.anchor, type: c.type, label, name: label,
        color, border, members: c.members } });
  }
  const bundles = new Map();
  for (const f of model.facts) {
    const source = clusterOf.get(f.source.id) || f.source.id;
    const target = clusterOf.get(f.target.id) || f.target.id;
    // one edge per pair of nodes, whichever way its facts go (ended actions apart)
    const key = `${[source, target].sort().join("|")}|${isEnded(f) ? ENDED : ""}`;
    if (!bundles.has(key)) bundles.set(key, { source, target, facts: [] });
    const bundle = bundles.get(key);
    bundle.facts.push(f);
    if (bundle.source !== source) bundle.both = true;
  }
  for (const [key, b] of bundles) elements.push(edgeElement(key, b));
  return elements;
}

function nodeElement(entity) {
  const { color, border } = paint(entity.type);
  return { group: "nodes", data: { ...entity, label: label(entity), color, border } };
}

function edgeElement(key, { source, target, facts, both = false }) {
  facts.sort((a, b) => byRelation(a.type, b.type) || orderDate(a).localeCompare(orderDate(b)));
  const ended = facts.every(isEnded);
  const single = facts.length === 1;
  const label = single ? edgeLabel(facts[0]) : `${typesLabel(facts)}${ended ? " (ended)" : ""}`;
  const color = state.relations.get(facts[0].type)?.color || "#777777";
  const id = single ? factId(facts[0]) : `bundle:${key}`;
  const types = [...new Set(facts.map((f) => f.type))];
  const classes = [ended ? "ended" : "", state.relations.get(facts[0].type)?.kind || "",
    both ? "both" : ""];
  const data = { id, source, target, type: types.join(" "), types, label, color, facts,
    events: facts.map(factId), fact: single ? facts[0] : null };
  return { group: "edges", data, classes: classes.join(" ").trim() };
}

// ---------- drawing ----------

function graphStyle() {
  const node = {
    "background-color": "data(color)",
    "border-color": "data(border)",
    "border-width": 2,
    label: "data(label)",
    "font-size": NODE_FONT,
    "text-valign": "bottom",
    "text-margin-y": 3,
    "text-wrap": "wrap",
    "text-max-width": 110,
    "text-background-color": "#ffffff",
    "text-background-opacity": 0.85,
    "text-background-padding": 1,
    width: 26,
    height: 26,
  };
  const edge = {
    width: 2,
    "line-color": "data(color)",
    "target-arrow-color": "data(color)",
    "target-arrow-shape": "triangle",
    "arrow-scale": 0.9,
    "curve-style": "bezier",
    "control-point-step-size": 40,
    label: "data(label)",
    "font-size": EDGE_FONT,
    color: "#333333",
    "text-rotation": "autorotate",
    "text-background-color": "#ffffff",
    "text-background-opacity": 0.9,
  };
  return [
    { selector: "node", style: node },
    { selector: "node[?unnamed]", style: { shape: "round-rectangle", "border-style": "dashed" } },
    { selector: "node.cluster",
      style: { shape: "round-rectangle", width: 44, height: 30, "border-style": "double",
        "border-width": 5, "font-weight": "bold" } },
    { selector: "node.focus", style: { width: 38, height: 38, "border-width": 4,
      "font-weight": "bold" } },
    { selector: "node:selected",
      style: { "border-color": "#1a5fb4", "border-width": 5, "underlay-color": "#1a5fb4",
        "underlay-opacity": 0.25, "underlay-padding": 6 } },
    { selector: "edge", style: edge },
    { selector: "edge.both", style: { "source-arrow-shape": "triangle",
      "source-arrow-color": "data(color)" } },
    { selector: "edge.action", style: { width: 3 } },
    // Structure says its type on selection only; the colour and the legend say the rest.
    { selector: "edge.structure", style: { width: 1.5, "target-arrow-shape": "vee", label: "" } },
    { selector: "edge.structure:selected", style: { label: "data(label)" } },
    // Labels too small to read are not drawn (see smallLabels).
    { selector: ".small", style: { "text-opacity": 0, "text-background-opacity": 0 } },
    // An ended action: dashed and faded, its label saying how and when it ended.
    { selector: "edge.ended",
      style: { "line-style": "dashed", "line-dash-pattern": [6, 4], opacity: 0.55 } },
    { selector: "edge:selected",
      style: { width: 6, opacity: 1, "underlay-color": "#ffd500", "underlay-opacity": 0.8,
        "underlay-padding": 5, "z-index": 10, "font-weight": "bold" } },
  ];
}

/** Replace what is drawn by `elements`, keeping the position of nodes drawn before. */
function draw(elements, fresh) {
  const cy = window.cy;
  const old = new Map();
  if (!fresh) cy.nodes().forEach((n) => old.set(n.id(), { ...n.position() }));
  const selected = fresh ? [] : cy.$(":selected").map((e) => e.id());
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
    cy.getElementById(view.focus).addClass("focus");
  });
  smallLabels();
  selected.forEach((id) => cy.getElementById(id).select());
  return old;
}

/** A node's box with its label, relative to its position. */
function boxOf(node) {
  const p = node.position();
  const bb = node.boundingBox({ includeLabels: true, includeOverlays: false,
    includeUnderlays: false });
  return { l: bb.x1 - p.x, r: bb.x2 - p.x, t: bb.y1 - p.y, b: bb.y2 - p.y };
}

function overlap(a, pa, b, pb, gap) {
  const ox = Math.min(pa.x + a.r, pb.x + b.r) - Math.max(pa.x + a.l, pb.x + b.l) + gap;
  const oy = Math.min(pa.y + a.b, pb.y + b.b) - Math.max(pa.y + a.t, pb.y + b.t) + gap;
  return ox > 0 && oy > 0 ? { ox, oy } : null;
}

/** The neighbours of the focus round it, in the order given (grouped by relation),
 * each as close to the ones before as their labels allow: labels are wide, so the ring
 * is denser at its sides than at its top and bottom, and a big ring alternates between
 * two radii. The radius is the smallest at which all fit; what is left over is shared
 * out evenly. */
function ringLayout(centre, ring, boxes, gap = 6) {
  const step = 0.004;
  const n = ring.length;
  const stagger = n > 14 ? Math.max(...boxes.map((b) => b.b - b.t)) * 0.9 : 0;
  const radius = (r, i) => r + (i % 2) * stagger;
  const at = (r, i, angle) => ({ x: centre.x + radius(r, i) * Math.cos(angle),
    y: centre.y + radius(r, i) * Math.sin(angle) });
  const clashes = (r, i, angle, angles, placed) => {
    for (let k = Math.max(0, i - 3); k < i; k++) {
      if (overlap(boxes[k], placed[k], boxes[i], at(r, i, angle), gap)) return true;
    }
    // once round: the last ones must clear the first ones
    for (let k = 0; k < Math.min(3, i); k++) {
      if (i >= n - 3 && overlap(boxes[k], at(r, k, angles[k] + 2 * Math.PI),
        boxes[i], at(r, i, angle), gap)) return true;
    }
    return false;
  };
  const sweep = (r) => {
    const angles = [0];
    const placed = [at(r, 0, 0)];
    for (let i = 1; i < n; i++) {
      let angle = angles[i - 1] + step;
      while (clashes(r, i, angle, angles, placed) && angle < 8) angle += step;
      angles.push(angle);
      placed.push(at(r, i, angle));
    }
    return angles;
  };
  const fits = (r) => sweep(r)[n - 1] <= 2 * Math.PI - step;
  const focusBox = boxes.focus;
  let low = Math.max(60, (focusBox.r - focusBox.l) / 2 + 40);
  let high = low;
  while (!fits(high) && high < 20000) high *= 1.4;
  for (let i = 0; i < 18 && high - low > 2; i++) {
    const mid = (low + high) / 2;
    if (fits(mid)) high = mid;
    else low = mid;
  }
  const angles = sweep(high);
  // share the slack: stretch the angles so the ring closes evenly
  const closing = n > 1 ? (2 * Math.PI) / (angles[n - 1] + (angles[n - 1] / (n - 1))) : 1;
  const start = -Math.PI / 2; // the first group starts at the top
  ring.forEach((node, i) => node.position(at(high, i, start + angles[i] * Math.max(1, closing))));
}

/** Push apart nodes whose boxes (label included) overlap, the focus staying put. */
function separate(nodes, gap = 4, rounds = 80) {
  const items = nodes.map((n) => ({ n, box: boxOf(n), p: { ...n.position() },
    fixed: n.id() === view.focus }));
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i];
        const b = items[j];
        const o = overlap(a.box, a.p, b.box, b.p, gap);
        if (!o) continue;
        moved = true;
        const axis = o.ox < o.oy ? "x" : "y";
        const need = axis === "x" ? o.ox : o.oy;
        const dir = Math.sign(b.p[axis] - a.p[axis]) || 1;
        const share = a.fixed || b.fixed ? need : need / 2;
        if (!a.fixed) a.p[axis] -= dir * share;
        if (!b.fixed) b.p[axis] += dir * share;
      }
    }
    if (!moved) break;
  }
  items.forEach(({ n, p }) => n.position(p));
}

/** The focus in the middle, its neighbours round it grouped by the kind and type of
 * their relation to it; after expansions, a force layout from where nodes were. */
function layout(old) {
  const cy = window.cy;
  const focus = cy.getElementById(view.focus);
  const expanded = view.expand.length > 0;
  if (!expanded && focus.nonempty()) {
    focus.position({ x: 0, y: 0 });
    const relation = (n) => {
      const edges = n.edgesWith(focus);
      return edges.nonempty() ? edges[0].data("types")[0] : "";
    };
    const ring = cy.nodes().not(focus).sort((a, b) => byRelation(relation(a), relation(b))
      || a.data("type").localeCompare(b.data("type"))
      || a.data("label").localeCompare(b.data("label")));
    const boxes = ring.map(boxOf);
    boxes.focus = boxOf(focus);
    ringLayout({ x: 0, y: 0 }, ring, boxes);
  } else {
    cy.nodes().forEach((n) => {
      if (old.has(n.id())) n.position(old.get(n.id()));
      else {
        const anchor = n.neighborhood("node").filter((m) => old.has(m.id()))[0];
        const at = anchor ? anchor.position() : { x: 0, y: 0 };
        n.position({ x: at.x + (Math.random() - 0.5) * 80, y: at.y + (Math.random() - 0.5) * 80 });
      }
    });
    cy.layout({ name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 120, nodeRepulsion: () => 12000, gravity: 0.25, numIter: 1500,
      fit: false }).run();
  }
  separate(cy.nodes().toArray());
  fit();
}

/** Hide the labels that the zoom makes smaller than LEGIBLE_PX on screen. */
function smallLabels() {
  const cy = window.cy;
  const zoom = cy.zoom();
  cy.batch(() => {
    cy.nodes().toggleClass("small", NODE_FONT * zoom < LEGIBLE_PX);
    cy.edges().toggleClass("small", EDGE_FONT * zoom < LEGIBLE_PX);
  });
}

function fit() {
  const cy = window.cy;
  cy.resize();
  cy.fit(undefined, 24);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
}

let renders = 0;

/** Draw the view: fetch what it needs (latest request wins), filter, cluster, bundle,
 * lay out. `fresh`: a new drawing, which asks the API again and starts the layout over. */
async function render({ fresh = false } = {}) {
  const current = claim("graph");
  readFilters();
  if (fresh) neighbourhoods.clear();
  if (!view.focus) {
    window.cy.elements().remove();
    renderLegend(null);
    renderNodeList();
    markRendered();
    return;
  }
  const wanted = [{ id: view.focus, types: [] }, ...view.expand.map(parseExpansion)];
  const subgraphs = await Promise.all(wanted.map((w) => neighbourhood(w.id, w.types)));
  if (!current()) return;
  const model = buildModel(subgraphs);
  const old = draw(drawable(model), fresh);
  layout(old);
  renderLegend(model);
  renderNodeList();
  markRendered();
}

function markRendered() {
  renders += 1;
  $("cy").dataset.renders = String(renders);
  $("cy").dataset.focus = view.focus;
}

// ---------- legend and filters ----------

function readFilters() {
  $("since").value = view.since;
  $("until").value = view.until;
}

function toggleOff(name) {
  const off = view.off.includes(name) ? view.off.filter((n) => n !== name) : [...view.off, name];
  run(changeView({ off }));
}

function legendButton(name, swatch, count, title) {
  const on = !view.off.includes(name);
  return el("li", { title },
    el("button", { type: "button", className: "item legend-item", on: { click: () => toggleOff(name) },
      ariaPressed: String(on), dataset: { name } },
    swatch, el("span", {}, name), el("span", { className: "count" }, count == null ? "" : String(count))));
}

/** Node types and relation types with how many of each were fetched for the view
 * (all of them, so a type switched off still shows what it hides). */
function renderLegend(model) {
  const nodeCounts = new Map();
  const relCounts = new Map();
  if (model) {
    model.loaded.nodes.forEach((n) => nodeCounts.set(n.type, (nodeCounts.get(n.type) || 0) + 1));
    model.loaded.facts.forEach((f) => relCounts.set(f.type, (relCounts.get(f.type) || 0) + 1));
  }
  const types = state.vocab.entity_types.filter((t) => !model || nodeCounts.has(t.name));
  fill($("legend"), types.map((t) =>
    legendButton(t.name, chip({ type: t.name }), model ? nodeCounts.get(t.name) : null, t.description)));
  const rels = state.vocab.relations.filter((r) => !model || relCounts.has(r.name));
  fill($("rel-legend"), rels.map((r) => {
    const line = el("span", { className: "line", style: { borderTopColor: r.color } });
    const what = r.kind === "action" ? (r.adverse ? "adverse action" : "licensing action") : r.kind;
    return legendButton(r.name, line, model ? relCounts.get(r.name) : null,
      `${what}: ${r.description}`);
  }));
}

function renderLineLegend() {
  const line = (className, text, title) =>
    el("li", { title },
      el("span", { className: "item" },
        el("span", { className, style: { borderTopColor: "#555555" } }), text));
  fill($("line-legend"),
    line("line", "action in force", "Solid: nothing reported has ended it."),
    line("line ended", "ended action",
      "Lifted, revoked, suspended, overturned, settled, dismissed or expired: dashed and " +
      "faded, its label saying how and when, e.g. BANNED (lifted 2023-06)."));
}

function renderNodeList() {
  const nodes = window.cy.nodes().map((n) => n.data());
  nodes.sort((a, b) => a.type.localeCompare(b.type) || a.label.localeCompare(b.label));
  const item = (n) =>
    el("li", {},
      button([chip(n), el("span", {}, n.label), el("span", { className: "type" }, n.type)],
        () => selectNode(n.id), "item"));
  fill($("node-list"), nodes.map(item));
}

// ---------- selection and the details pane ----------

function showPanel(name) {
  document.querySelectorAll("#panel-tabs .tab").forEach((tab) =>
    tab.setAttribute("aria-pressed", String(tab.dataset.panel === name)));
  document.querySelectorAll("#graph-view .panel").forEach((panel) =>
    panel.classList.toggle("active", panel.dataset.panel === name));
}

function selectElement(ele) {
  const cy = window.cy;
  cy.elements().unselect();
  ele.select();
  if (!ele.renderedBoundingBox) return;
  const box = ele.renderedBoundingBox();
  const inside = box.x1 >= 0 && box.y1 >= 0 && box.x2 <= cy.width() && box.y2 <= cy.height();
  if (!inside) cy.animate({ center: { eles: ele } }, { duration: 150 });
}

function selectNode(id) {
  const node = window.cy.getElementById(id);
  if (node.empty()) return;
  selectElement(node);
  if (node.hasClass("cluster")) showCluster(node.data());
  else run(showNodeDetails(id));
}

function selectEdge(id) {
  const edge = window.cy.getElementById(id);
  if (edge.empty()) return;
  selectElement(edge);
  run(showEdge(edge.data()));
}

function detailsShown() {
  showPanel("details");
  $("details-pane").scrollTop = 0;
}

function expandNode(id, types = []) {
  const spec = types.length ? `${id}|${types.join(",")}` : id;
  if (view.expand.includes(spec) || id === view.focus && !types.length) {
    setStatus("Already expanded.");
    return;
  }
  const name = window.cy.getElementById(id).data("label") || id;
  setStatus(`Expanding ${name}…`);
  run(changeView({ expand: [...view.expand, spec] }).then(() => setStatus(`Expanded ${name}.`)));
}

function collapseNode(id) {
  const expand = view.expand.filter((e) => parseExpansion(e).id !== id);
  run(changeView({ expand }));
}

function hideNode(id) {
  run(changeView({ hide: [...view.hide, id] }));
}

function openCluster(key) {
  run(changeView({ open: [...view.open, key] }));
}

function actionButtons(id, entity) {
  const expanded = view.expand.some((e) => parseExpansion(e).id === id);
  const byType = Object.entries(entity.relation_counts)
    .sort(([a], [b]) => byRelation(a, b))
    .map(([type, n]) => button(`${type} (${n})`, () => expandNode(id, [type]), ""));
  return [
    el("div", { className: "actions" },
      id !== view.focus ? button("Expand", () => expandNode(id), "") : null,
      expanded ? button("Collapse", () => collapseNode(id), "") : null,
      id !== view.focus ? button("Hide", () => hideNode(id), "") : null,
      id !== view.focus ? button("Centre on it", () => drawEntity(id, label(entity)), "") : null),
    byType.length ? el("p", { className: "hint" }, "Expand by relation:") : null,
    byType.length ? el("div", { className: "actions expand-by" }, byType) : null,
  ];
}

/** The drawn edges of a node, each a button to its evidence (keyboard reach). */
function drawnEdges(id) {
  const edges = window.cy.getElementById(id).connectedEdges().toArray();
  if (!edges.length) return null;
  const other = (e) => window.cy.getElementById(e.source().id() === id ? e.target().id() : e.source().id());
  return [el("h2", {}, "Its edges"),
    el("ul", { className: "plain edge-list" }, edges.map((e) =>
      el("li", {}, button([relationBadge(e.data("types")[0]), " ", e.data("label"), " ",
        other(e).data("label")], () => selectEdge(e.id()))))),
  ];
}

async function showNodeDetails(id, current = claim("details")) {
  const entity = await api(entityPath(id));
  if (!current()) return;
  const aliases = entity.aliases.map((a) => `${a.name} (${a.kind})`).join("; ");
  const counts = Object.entries(entity.relation_counts).map(([k, v]) => `${k} ${v}`);
  const row = (term, value) => [el("dt", {}, term), el("dd", {}, value)];
  fill($("details"),
    el("h3", {}, chip(entity), " ", label(entity)),
    actionButtons(id, entity),
    el("dl", {},
      row("Type", entity.type),
      row("Id", entity.id),
      row("Aliases", aliases || "none"),
      row("Facts", counts.join(", ") || "none"),
      row("Articles", String(entity.sources.length))),
    entity.description ? el("p", {}, entity.description) : null,
    drawnEdges(id));
  detailsShown();
}

function showCluster(data) {
  claim("details");
  const members = [...data.members].sort((a, b) => label(a).localeCompare(label(b)));
  fill($("details"),
    el("h3", {}, chip({ type: data.type }), " ", data.label),
    el("p", {}, `${members.length} ${data.type} nodes linked only to `,
      window.cy.getElementById(data.anchor).data("label") || data.anchor, "."),
    el("div", { className: "actions" }, button("Open the cluster", () => openCluster(data.cluster), "")),
    el("ul", { className: "plain cluster-members" }, members.map((m) =>
      el("li", {}, chip(m), " ", label(m)))));
  detailsShown();
}

/** A bundled edge: each of its facts, who did what to whom and when, its history,
 * then its sources sorted by date with title, publisher and the sentence. */
async function showEdge(data) {
  const current = claim("details");
  const facts = data.facts;
  const blocks = facts.map((fact) => {
    const history = hasHistory(fact) ? historyList(fact) : null;
    const evidence = el("div", { className: "evidence-list" });
    const block = el("div", { className: "fact", dataset: { event: factId(fact) } },
      el("p", { className: "fact-line" },
        chip(fact.source), " ", label(fact.source), " ", relationBadge(fact.type), " ",
        chip(fact.target), " ", label(fact.target)),
      factDates(fact),
      history && [el("h2", {}, "History"), history.list],
      el("h2", {}, "Evidence"), evidence);
    return { fact, history, evidence, block };
  });
  fill($("details"),
    facts.length > 1 ? el("p", { className: "hint" }, `${facts.length} facts on this edge.`) : null,
    blocks.map((b) => b.block));
  detailsShown();
  for (const { fact, history, evidence } of blocks) {
    const [metas] = await Promise.all([
      Promise.all(fact.sources.map(article)),
      history ? history.resolve() : null,
    ]);
    if (!current()) return;
    const sources = fact.sources.map((_, i) => ({ meta: metas[i], sentence: fact.evidence[i] }));
    sources.sort((a, b) => (a.meta.published || "9999").localeCompare(b.meta.published || "9999"));
    fill(evidence, sources.map(({ meta, sentence }) => [
      el("blockquote", { className: "evidence" }, sentence || "(no sentence recorded)"),
      articleLine(meta),
    ]));
  }
}

// ---------- search ----------

/** Draw an entity's neighbourhood afresh, as the view's focus. */
function drawEntity(id, name = "", { replace = false } = {}) {
  const details = claim("details");
  const q = name || view.q;
  if (name) $("search-input").value = name;
  return changeView({ ...emptyView(), q, focus: id }, { fresh: true, replace })
    .then(() => (details() ? showNodeDetails(id, details) : null));
}

/** Search: one best match is drawn; several equally good ones are listed (with where
 * each is) and nothing is drawn until one is chosen; no match clears the graph. */
async function search(q, { push = true } = {}) {
  const current = claim("search");
  setStatus(`Searching for “${q}”…`);
  const page = await api("/entities", { q, limit: 10 });
  if (!current()) return;
  fill($("hits"), page.items.map(hitItem));
  showTab("graph");
  const best = page.items.filter((h) => h.score === page.items[0]?.score);
  if (best.length === 1) {
    setStatus(`${page.items.length} match${page.items.length > 1 ? "es" : ""} for “${q}”.`);
    await drawEntity(best[0].entity.id, "", { replace: !push });
    return;
  }
  claim("details");
  await changeView({ ...emptyView(), q }, { fresh: true, replace: !push });
  fill($("details"), el("p", { className: "hint" },
    page.items.length ? "Choose one of the search results." : `Nothing matches “${q}”.`));
  if (!page.items.length) return setStatus(`Nothing matches “${q}”.`);
  setStatus(`${best.length} equally good matches for “${q}”: choose one.`);
  showPanel("find");
}

/** Where an entity is: the places it is in (the ontology's presence relations). */
async function whereText(id) {
  const presence = state.vocab.relations.filter((r) => r.presence).map((r) => r.name);
  const facts = await api(entityPath(id, "/relations"), { type: presence, direction: "out" });
  const places = [...new Set(facts.filter((f) => f.target.type === "Jurisdiction")
    .map((f) => f.target.name))];
  return places.length ? places.slice(0, 3).join(", ") : "place not reported";
}

function hitItem(hit) {
  const e = hit.entity;
  const alias = hit.matched !== e.name ? ` as “${hit.matched}”` : "";
  const where = el("span", { className: "where" }, "…");
  const name = el("span", { className: "hit-text" },
    el("span", {}, label(e), alias && el("span", { className: "matched" }, alias)), where);
  whereText(e.id).then((text) => { where.textContent = text; })
    .catch(() => { where.textContent = ""; });
  const content = [chip(e), name, el("span", { className: "type" }, e.type)];
  return el("li", { dataset: { id: e.id } }, button(content, () => run(drawEntity(e.id)), "item"));
}

// ---------- timeline ----------

async function fillTimelineFilters() {
  const places = await api("/entities", { type: "Jurisdiction", limit: 100 });
  $("jurisdiction-select").append(
    ...places.items.map((h) => el("option", { value: h.entity.id }, h.entity.name)));
  $("action-select").append(...state.vocab.action_types.map((t) => el("option", { value: t }, t)));
}

async function showTimeline() {
  const current = claim("timeline");
  const filters = { jurisdiction: $("jurisdiction-select").value, type: $("action-select").value };
  const page = await api("/actions", { ...filters, limit: 100 });
  if (!current()) return;
  // Newest first by the action's own date, else by when it was first reported (as the
  // API orders them; sorted here too so the page never depends on it). Ties keep the
  // API's order: the sort is stable.
  const items = [...page.items].sort((a, b) => orderDate(b).localeCompare(orderDate(a)));
  fill($("timeline"), items.map(timelineItem));
  setStatus(`${items.length}${page.next_offset ? "+" : ""} actions.`);
}

function openInGraph(entity, event = null) {
  showTab("graph");
  run(drawEntity(entity.id, entity.name).then(() => {
    if (!event) return;
    const edge = window.cy.edges().filter((e) => e.data("events").includes(event));
    if (edge.nonempty()) selectEdge(edge.id());
  }));
}

/** The date an action is placed by, saying whose date it is: the action's own, or
 * (when the text gives none) only when it was first reported. */
function whenCell(fact) {
  const kind = (text) => el("span", { className: "date-kind" }, text);
  if (fact.date) {
    return el("div", { className: "when" },
      el("span", { className: "date action-date" }, fact.date), kind("action date"),
      fact.first_seen ? kind(`first reported ${fact.first_seen}`) : null);
  }
  if (fact.first_seen) {
    return el("div", { className: "when" },
      el("span", { className: "date reported" }, fact.first_seen),
      kind("first reported; the action's date is not given"));
  }
  return el("div", { className: "when" }, el("span", { className: "date" }, "undated"));
}

function timelineItem(fact) {
  const party = (e) => [chip(e), " ", button(label(e), () => openInGraph(e))];
  const evidence = button("evidence", () => openInGraph(fact.target, factId(fact)));
  const money = moneyText(fact.properties);
  return el("li", { className: isEnded(fact) ? "event ended" : "event", dataset: { event: factId(fact) } },
    whenCell(fact),
    el("div", {},
      el("p", { className: "fact-line" }, party(fact.source), " ", relationBadge(fact.type), " ",
        party(fact.target), money && [" ", el("span", { className: "amount" }, money)]),
      isEnded(fact) ? el("p", { className: "span" }, spanText(fact)) : null,
      el("p", { className: "hint" }, fact.evidence[0] || "", " ", evidence),
      hasHistory(fact) ? historyBox(fact) : null));
}

// ---------- wiring ----------

function showTab(name) {
  const graph = name === "graph";
  $("graph-view").hidden = !graph;
  $("timeline-view").hidden = graph;
  $("tab-graph").setAttribute("aria-pressed", String(graph));
  $("tab-timeline").setAttribute("aria-pressed", String(!graph));
  if (graph) window.cy.resize();
}

function createGraph() {
  window.cy = cytoscape({ container: $("cy"), style: graphStyle(), minZoom: 0.1, maxZoom: 4,
    selectionType: "single", boxSelectionEnabled: false });
  window.cy.on("tap", "node", (evt) => selectNode(evt.target.id()));
  window.cy.on("dbltap", "node", (evt) => {
    const node = evt.target;
    if (node.hasClass("cluster")) openCluster(node.data("cluster"));
    else expandNode(node.id());
  });
  window.cy.on("tap", "edge", (evt) => selectEdge(evt.target.id()));
  window.cy.on("zoom", smallLabels);
}

/** The URL changed under the page (Back, Forward): draw what it says. */
function followUrl() {
  view = viewFromUrl();
  $("search-input").value = view.q;
  if (!view.focus && view.q) return run(search(view.q, { push: false }));
  return run(render({ fresh: true }));
}

function wireControls() {
  $("search-form").addEventListener("submit", (evt) => {
    evt.preventDefault();
    run(search($("search-input").value.trim()));
  });
  $("tab-graph").addEventListener("click", () => showTab("graph"));
  $("tab-timeline").addEventListener("click", () => {
    showTab("timeline");
    run(showTimeline());
  });
  $("timeline-filters").addEventListener("change", () => run(showTimeline()));
  $("undo").addEventListener("click", undo);
  $("fit").addEventListener("click", fit);
  document.querySelectorAll("#panel-tabs .tab").forEach((tab) =>
    tab.addEventListener("click", () => showPanel(tab.dataset.panel)));
  $("date-filter").addEventListener("submit", (evt) => {
    evt.preventDefault();
    if (!$("date-filter").reportValidity()) return;
    run(changeView({ since: $("since").value.trim(), until: $("until").value.trim() }));
  });
  window.addEventListener("popstate", followUrl);
  new ResizeObserver(() => window.cy.resize()).observe($("cy"));
}

async function main() {
  state.vocab = await api("/ui/vocabulary.json");
  state.vocab.entity_types.forEach((t) => state.types.set(t.name, t));
  state.vocab.relations.forEach((r, i) => {
    state.relations.set(r.name, r);
    state.relationOrder.set(r.name, i);
  });
  createGraph();
  renderLegend(null);
  renderLineLegend();
  wireControls();
  await fillTimelineFilters();
  await followUrl();
  document.body.dataset.ready = "true";
}

run(main());
