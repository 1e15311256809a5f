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
  articles: new Map(), // article id -> promise of its metadata
  focus: null, // the entity whose neighbourhood was drawn last
};

// ---------- DOM and API helpers ----------

/** An element; string children become text nodes, `on` adds listeners, `style` sets CSSOM. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "on") Object.entries(value).forEach(([ev, fn]) => node.addEventListener(ev, fn));
    else if (key === "style") Object.assign(node.style, value);
    else node[key] = value;
  }
  fill(node, ...children);
  return node;
}

/** Replace a node's content; null children (optional parts) are left out. */
function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));
}

function button(text, onClick, className = "link") {
  return el("button", { type: "button", className, on: { click: onClick } }, text);
}

/** GET JSON from the API; a problem document's `detail` becomes the error's message. */
async function api(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value != null) url.searchParams.set(key, value);
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

/** Run an async action, reporting its failure in the status line. */
function run(promise) {
  return promise.catch((err) => setStatus(err.message, true));
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

// ---------- the graph ----------

function graphStyle() {
  const node = {
    "background-color": "data(color)",
    "border-color": "data(border)",
    "border-width": 2,
    label: "data(label)",
    "font-size": 12,
    "text-valign": "bottom",
    "text-margin-y": 4,
    "text-wrap": "wrap",
    "text-max-width": 130,
    "text-background-color": "#ffffff",
    "text-background-opacity": 0.8,
    width: 30,
    height: 30,
  };
  const edge = {
    width: 2,
    "line-color": "data(color)",
    "target-arrow-color": "data(color)",
    "target-arrow-shape": "triangle",
    "curve-style": "bezier",
    "control-point-step-size": 40, // parallel events of one pair fan out, labels apart
    label: "data(label)",
    "font-size": 9,
    "text-rotation": "autorotate",
    "text-background-color": "#ffffff",
    "text-background-opacity": 0.9,
  };
  return [
    { selector: "node", style: node },
    { selector: "node[?unnamed]", style: { shape: "round-rectangle", "border-style": "dashed" } },
    { selector: "node.focus", style: { width: 42, height: 42, "border-width": 4 } },
    { selector: "node:selected", style: { "border-color": "#1a5fb4", "border-width": 4 } },
    { selector: "edge", style: edge },
    // An ended action: dashed and faded, its label saying how and when it ended.
    { selector: "edge.ended",
      style: { "line-style": "dashed", "line-dash-pattern": [6, 4], opacity: 0.55 } },
    { selector: "edge:selected", style: { width: 4, opacity: 1 } },
  ];
}

function nodeElement(entity) {
  const { color, border } = paint(entity.type);
  return { group: "nodes", data: { ...entity, label: label(entity), color, border } };
}

/** One edge per event: two fines of the same pair are two edges, side by side. */
function edgeId(fact) {
  return fact.event_id || `${fact.source.id}|${fact.type}|${fact.target.id}`;
}

function edgeElement(fact) {
  const color = state.relations.get(fact.type)?.color || "#777777";
  const ends = { source: fact.source.id, target: fact.target.id };
  const data = { id: edgeId(fact), ...ends, type: fact.type, label: edgeLabel(fact),
    status: fact.status, color, fact };
  return { group: "edges", data, classes: isEnded(fact) ? "ended" : "" };
}

/** Add the subgraph's nodes and edges not drawn yet, new nodes in a circle around
 * `around` (when given); returns how many elements were new. */
function merge(subgraph, around = null) {
  const cy = window.cy;
  const nodes = subgraph.nodes.filter((n) => cy.getElementById(n.id).empty());
  const edges = subgraph.edges.filter((f) => cy.getElementById(edgeId(f)).empty());
  const added = cy.add([...nodes.map(nodeElement), ...edges.map(edgeElement)]);
  if (around) {
    const centre = cy.getElementById(around).position();
    added.nodes().forEach((node, i, all) => {
      const angle = (2 * Math.PI * i) / all.length;
      node.position({ x: centre.x + 140 * Math.cos(angle), y: centre.y + 140 * Math.sin(angle) });
    });
  }
  return added.length;
}

/** A star around the entity just searched for (neighbours in a ring, no crossings). */
function layoutStar() {
  const focus = (node) => (node.id() === state.focus ? 2 : 1);
  const options = { concentric: focus, levelWidth: () => 1, minNodeSpacing: 70, padding: 40 };
  window.cy.layout({ name: "concentric", animate: false, nodeDimensionsIncludeLabels: true,
    ...options }).run();
  capZoom();
}

/** After an expansion: a force layout starting from where nodes are, so the picture
 * moves no more than it must. */
function layoutForce() {
  const options = { randomize: false, idealEdgeLength: () => 110, nodeRepulsion: () => 9000,
    gravity: 0.3, numIter: 1500, padding: 40 };
  window.cy.layout({ name: "cose", animate: false, nodeDimensionsIncludeLabels: true,
    ...options }).run();
  capZoom();
}

function capZoom() {
  if (window.cy.zoom() > MAX_FIT_ZOOM) {
    window.cy.zoom(MAX_FIT_ZOOM);
    window.cy.center();
  }
}

function neighbourhood(id) {
  return api(entityPath(id, "/neighborhood"), { depth: 1 });
}

/** Draw an entity's neighbourhood afresh, centred on it. Both panels are claimed when
 * the user asks, so an edge clicked while the answer is on its way keeps the details
 * panel: the later click wins, not the later answer. */
async function showEntity(id) {
  const current = claim("graph");
  const details = claim("details");
  const subgraph = await neighbourhood(id);
  if (!current()) return;
  window.cy.elements().remove();
  state.focus = id;
  merge(subgraph);
  window.cy.getElementById(id).addClass("focus");
  layoutStar();
  renderNodeList();
  if (details()) await showNodeDetails(id, details);
}

/** Add a node's neighbourhood to what is drawn. */
async function expand(id) {
  const added = merge(await neighbourhood(id), id);
  if (added) layoutForce();
  renderNodeList();
  const name = window.cy.getElementById(id).data("label");
  setStatus(added ? `Added ${added} nodes and edges around ${name}.` : `Nothing new near ${name}.`);
}

function renderNodeList() {
  const nodes = window.cy.nodes().map((n) => n.data());
  nodes.sort((a, b) => a.type.localeCompare(b.type) || a.label.localeCompare(b.label));
  const item = (n) =>
    el("li", {},
      button([chip(n), el("span", {}, n.label), el("span", { className: "type" }, n.type)],
        () => focusNode(n.id), "item"));
  fill($("node-list"), nodes.map(item));
}

function focusNode(id) {
  const node = window.cy.getElementById(id);
  window.cy.elements().unselect();
  node.select();
  window.cy.animate({ center: { eles: node } }, { duration: 200 });
  run(showNodeDetails(id));
}

// ---------- the side panel ----------

/** Latest request wins: each panel keeps a ticket counter, and an answer that arrives
 * after a newer request for the same panel is dropped instead of overwriting it. */
const tickets = new Map();
function claim(panel) {
  const ticket = (tickets.get(panel) || 0) + 1;
  tickets.set(panel, ticket);
  return () => tickets.get(panel) === ticket;
}

async function showNodeDetails(id, current = claim("details")) {
  const entity = await api(entityPath(id));
  if (!current()) return;
  const aliases = entity.aliases.map((a) => `${a.name} (${a.kind})`).join("; ");
  const counts = Object.entries(entity.relation_counts).map(([k, v]) => `${k} ${v}`);
  const row = (term, value) => [el("dt", {}, term), el("dd", {}, value)];
  fill($("details"),
    el("h3", {}, chip(entity), " ", label(entity)),
    el("dl", {},
      row("Type", entity.type),
      row("Id", entity.id),
      row("Aliases", aliases || "none"),
      row("Facts", counts.join(", ") || "none"),
      row("Articles", String(entity.sources.length))),
    entity.description ? el("p", {}, entity.description) : null,
    el("p", { className: "hint" }, "Click the node in the graph to add its neighbours."));
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

/** An edge's fact: who did what to whom and when, its history, then each source
 * article with its sentence. */
async function showFact(fact) {
  const current = claim("details");
  const history = hasHistory(fact) ? historyList(fact) : null;
  fill($("details"),
    el("p", { className: "fact-line" },
      chip(fact.source), " ", label(fact.source), " ", relationBadge(fact.type), " ",
      chip(fact.target), " ", label(fact.target)),
    factDates(fact),
    history && [el("h2", {}, "History"), history.list],
    el("h2", {}, "Evidence"));
  const [metas] = await Promise.all([
    Promise.all(fact.sources.map(article)),
    history ? history.resolve() : null,
  ]);
  if (!current()) return;
  fact.sources.forEach((_, i) => {
    const sentence = fact.evidence[i] || "(no sentence recorded)";
    const quote = el("blockquote", { className: "evidence" }, sentence);
    $("details").append(quote, articleLine(metas[i]));
  });
}

// ---------- search ----------

async function search(q) {
  const current = claim("search");
  setStatus(`Searching for “${q}”…`);
  const page = await api("/entities", { q, limit: 10 });
  if (!current()) return;
  fill($("hits"), page.items.map(hitItem));
  if (!page.items.length) return setStatus(`Nothing matches “${q}”.`);
  setStatus(`${page.items.length} match${page.items.length > 1 ? "es" : ""} for “${q}”.`);
  showTab("graph");
  await showEntity(page.items[0].entity.id);
}

function hitItem(hit) {
  const e = hit.entity;
  const alias = hit.matched !== e.name ? ` as “${hit.matched}”` : "";
  const name = el("span", {}, label(e), alias && el("span", { className: "matched" }, alias));
  const content = [chip(e), name, el("span", { className: "type" }, e.type)];
  return el("li", {}, button(content, () => run(showEntity(e.id)), "item"));
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

function openInGraph(id, then = async () => {}) {
  showTab("graph");
  run(showEntity(id).then(then));
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
  const party = (e) => [chip(e), " ", button(label(e), () => openInGraph(e.id))];
  const evidence = button("evidence", () => openInGraph(fact.target.id, () => showFact(fact)));
  const money = moneyText(fact.properties);
  return el("li", { className: isEnded(fact) ? "event ended" : "event" },
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

function renderLegend() {
  const item = (t) =>
    el("li", { title: t.description },
      el("span", { className: "item" }, chip({ type: t.name }), t.name));
  fill($("legend"), state.vocab.entity_types.map(item));
  const color = state.vocab.relations.find((r) => r.kind === "action")?.color || "#777777";
  const line = (className, text, title) =>
    el("li", { title },
      el("span", { className: "item" },
        el("span", { className, style: { borderTopColor: color } }), text));
  fill($("line-legend"),
    line("line", "action in force", "Solid: nothing reported has ended it."),
    line("line ended", "ended action",
      "Lifted, revoked, suspended, overturned, settled, dismissed or expired: dashed and " +
      "faded, its label saying how and when, e.g. BANNED (lifted 2023-06)."));
}

function createGraph() {
  window.cy = cytoscape({ container: $("cy"), style: graphStyle(), minZoom: 0.2, maxZoom: 3 });
  window.cy.on("tap", "node", (evt) => {
    const id = evt.target.id();
    run(Promise.all([expand(id), showNodeDetails(id)]));
  });
  window.cy.on("tap", "edge", (evt) => run(showFact(evt.target.data("fact"))));
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
}

async function main() {
  state.vocab = await api("/ui/vocabulary.json");
  state.vocab.entity_types.forEach((t) => state.types.set(t.name, t));
  state.vocab.relations.forEach((r) => state.relations.set(r.name, r));
  createGraph();
  renderLegend();
  wireControls();
  await fillTimelineFilters();
  const q = new URLSearchParams(window.location.search).get("q");
  if (q) {
    $("search-input").value = q;
    await search(q);
  }
  document.body.dataset.ready = "true";
}

run(main());
