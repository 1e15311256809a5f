// From fetched neighbourhoods to what is drawn: hiding, filters, clusters, bundles.

import { edgeLabel, factId, isEnded, label, orderDate, paint } from "./facts.js";
import { ENDED, state } from "./state.js";
import { parseExpansion } from "./view.js";

// A same-type group of more than this many neighbours of one node that touch nothing
// else drawn may become one cluster node (double-click or "Open" shows them) ...
export const CLUSTER_OVER = 10;
// ... but only while the drawing holds more nodes than this (about what a desktop
// window shows with readable labels): the largest groups fold first, so a hub's eleven
// regulators stay drawn when folding its jurisdictions is enough.
export const DRAWN_MAX = 36;

/** The date range of a date written "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
export function dateSpan(text) {
  const [y, m, d] = text.split("-");
  if (d) return [text, text];
  if (m) return [`${y}-${m}-01`, `${y}-${m}-31`];
  return [`${y}-01-01`, `${y}-12-31`];
}

/** Whether an action falls in the chosen dates (by its own date, else when first
 * reported); facts that are not actions, and undated actions, are not filtered. */
export function inDates(fact) {
  if (!state.view.since && !state.view.until) return true;
  if (state.relations.get(fact.type)?.kind !== "action") return true;
  const when = orderDate(fact);
  if (!when) return true;
  const [start, end] = dateSpan(when);
  return (!state.view.since || end >= dateSpan(state.view.since)[0])
    && (!state.view.until || start <= dateSpan(state.view.until)[1]);
}

/** Everything fetched for the view, then what is left after hiding and filters. */
export function buildModel(subgraphs) {
  const nodes = new Map();
  const facts = new Map();
  for (const sub of subgraphs) {
    sub.nodes.forEach((n) => nodes.set(n.id, n));
    sub.edges.forEach((f) => facts.set(factId(f), f));
  }
  const hidden = new Set(state.view.hide.filter((id) => id !== state.view.focus));
  const off = new Set(state.view.off);
  const loaded = { nodes: [...nodes.values()].filter((n) => !hidden.has(n.id)),
    facts: [...facts.values()]
      .filter((f) => !hidden.has(f.source.id) && !hidden.has(f.target.id)) };
  const expanded = state.view.expand.map((e) => parseExpansion(e).id);
  const anchors = new Set([state.view.focus, ...expanded]);
  const shownNode = (n) => n.id === state.view.focus || !off.has(n.type);
  let kept = loaded.nodes.filter(shownNode);
  const keptIds = new Set(kept.map((n) => n.id));
  const keptFacts = loaded.facts.filter((f) => !off.has(f.type) && inDates(f)
    && keptIds.has(f.source.id) && keptIds.has(f.target.id));
  const touched = new Set(keptFacts.flatMap((f) => [f.source.id, f.target.id]));
  kept = kept.filter((n) => touched.has(n.id) || anchors.has(n.id));
  return { loaded, nodes: kept, facts: keptFacts, anchors };
}

export const KIND_RANK = { action: 0, referral: 1, structure: 2 };

export function relRank(type) {
  const rel = state.relations.get(type);
  return [KIND_RANK[rel?.kind] ?? 3, state.relationOrder.get(type) ?? 99];
}

export function byRelation(a, b) {
  const [ka, oa] = relRank(a);
  const [kb, ob] = relRank(b);
  return ka - kb || oa - ob;
}

/** "FINED ×2 · WARNED": the types of a bundle of facts, in ontology order. */
export function typesLabel(facts) {
  const counts = new Map();
  facts.forEach((f) => counts.set(f.type, (counts.get(f.type) || 0) + 1));
  return [...counts].sort(([a], [b]) => byRelation(a, b))
    .map(([type, n]) => (n > 1 ? `${type} ×${n}` : type)).join(" · ");
}

/** Group leaf neighbours into clusters, then bundle the facts of each pair of nodes
 * into one edge (ended actions apart, dashed); returns cytoscape elements. */
export function drawable(model) {
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
  const candidates = []; // groups that may fold, over all anchors
  for (const anchor of model.anchors) {
    if (!byId.has(anchor)) continue;
    const groups = new Map();
    for (const id of partners.get(anchor) || []) {
      const n = byId.get(id);
      if (!n || model.anchors.has(id) || degree.get(id) !== 1) continue;
      if (!groups.has(n.type)) groups.set(n.type, []);
      groups.get(n.type).push(n);
    }
    for (const [type, members] of groups) {
      const key = `${anchor}|${type}`;
      if (members.length <= CLUSTER_OVER) continue;
      candidates.push({ id: `cluster:${key}`, key, anchor, type, members });
    }
  }
  candidates.sort((a, b) => b.members.length - a.members.length || (a.key < b.key ? -1 : 1));
  // A group the user opened counts as folded here, so opening one never folds another.
  let drawn = model.nodes.length;
  for (const c of candidates) {
    if (drawn <= DRAWN_MAX) break;
    drawn -= c.members.length - 1;
    if (state.view.open.includes(c.key)) continue;
    c.members.forEach((m) => clusterOf.set(m.id, c.id));
    clusters.push(c);
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

export function nodeElement(entity) {
  const { color, border } = paint(entity.type);
  return { group: "nodes", data: { ...entity, label: label(entity), color, border } };
}

export function edgeElement(key, { source, target, facts, both = false }) {
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

/** What the API's caps left out of the fetched neighbourhoods (graph/store/hubs.py), per
 * entity, relation type and direction: the group's total and how far its pages reached
 * (an answer's `omitted` entry: `shown` facts from `offset`), so the details pane can
 * offer the rest ("14 more WARNED"). */
export function leftOut(subgraphs) {
  const groups = new Map();
  for (const sub of subgraphs) {
    for (const o of sub.omitted || []) {
      const key = `${o.entity_id}|${o.type}|${o.direction}`;
      const group = groups.get(key) || { ...o, reached: 0 };
      group.total = Math.max(group.total, o.total);
      group.reached = Math.max(group.reached, o.offset + o.shown);
      groups.set(key, group);
    }
  }
  return [...groups.values()].filter((g) => g.reached < g.total);
}
