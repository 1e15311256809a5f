// Selection and the details pane: a node's actions, a cluster, an edge's facts and evidence.

import { $, api, button, el, entityPath, fill, run, setStatus } from "./dom.js";
import { article, articleLine, chip, factDates, factId, hasHistory, historyList, label, relationBadge } from "./facts.js";
import { byRelation } from "./model.js";
import { drawEntity } from "./search.js";
import { claim, state } from "./state.js";
import { showPanel } from "./tabs.js";
import { changeView, parseExpansion, parseMore } from "./view.js";

export function selectElement(ele) {
  const cy = window.cy;
  cy.elements().unselect();
  ele.select();
  if (!ele.renderedBoundingBox) return;
  const box = ele.renderedBoundingBox();
  const inside = box.x1 >= 0 && box.y1 >= 0 && box.x2 <= cy.width() && box.y2 <= cy.height();
  if (!inside) cy.center(ele); // at once: what was clicked stays where it was clicked
}

export function selectNode(id) {
  const node = window.cy.getElementById(id);
  if (node.empty()) return;
  selectElement(node);
  if (node.hasClass("cluster")) showCluster(node.data());
  else run(showNodeDetails(id));
}

export function selectEdge(id) {
  const edge = window.cy.getElementById(id);
  if (edge.empty()) return;
  selectElement(edge);
  run(showEdge(edge.data()));
}

export function detailsShown() {
  showPanel("details");
  $("details-pane").scrollTop = 0;
}

export function expandNode(id, types = []) {
  const spec = types.length ? `${id}|${types.join(",")}` : id;
  if (state.view.expand.includes(spec) || id === state.view.focus && !types.length) {
    setStatus("Already expanded.");
    return;
  }
  const name = window.cy.getElementById(id).data("label") || id;
  setStatus(`Expanding ${name}…`);
  const done = () => setStatus(`Expanded ${name}.`);
  run(changeView({ expand: [...state.view.expand, spec] }).then(done));
}

export function collapseNode(id) {
  const expand = state.view.expand.filter((e) => parseExpansion(e).id !== id);
  const more = state.view.more.filter((e) => parseMore(e).id !== id);
  run(changeView({ expand, more }));
}

export function hideNode(id) {
  run(changeView({ hide: [...state.view.hide, id] }));
}

export function openCluster(key) {
  run(changeView({ open: [...state.view.open, key] }));
}

export function actionButtons(id, entity) {
  const expanded = state.view.expand.some((e) => parseExpansion(e).id === id)
    || state.view.more.some((e) => parseMore(e).id === id);
  const byType = Object.entries(entity.relation_counts)
    .sort(([a], [b]) => byRelation(a, b))
    .map(([type, n]) => button(`${type} (${n})`, () => expandNode(id, [type]), ""));
  return [
    el("div", { className: "actions" },
      id !== state.view.focus ? button("Expand", () => expandNode(id), "") : null,
      expanded ? button("Collapse", () => collapseNode(id), "") : null,
      id !== state.view.focus ? button("Hide", () => hideNode(id), "") : null,
      id !== state.view.focus
        ? button("Centre on it", () => drawEntity(id, label(entity)), "") : null),
    byType.length ? el("p", { className: "hint" }, "Expand by relation:") : null,
    byType.length ? el("div", { className: "actions expand-by" }, byType) : null,
  ];
}

/** "14 more WARNED (to them)": what the API left out of this entity's neighbourhood,
 * one button per relation type and direction, each drawing the next page. */
export function moreButtons(id) {
  const groups = state.omitted.filter((g) => g.entity_id === id)
    .sort((a, b) => byRelation(a.type, b.type) || a.direction.localeCompare(b.direction));
  if (!groups.length) return null;
  const way = (g) => (g.direction === "out" ? "from it" : "to it");
  return [
    el("p", { className: "hint" }, "Not drawn yet (the busiest relations come in pages):"),
    el("div", { className: "actions more-pages" }, groups.map((g) => button(
      `${g.total - g.reached} more ${g.type} ${way(g)}`,
      () => showMore(id, g.type, g.reached), ""))),
  ];
}

export function showMore(id, type, offset) {
  const spec = `${id}|${type}|${offset}`;
  if (state.view.more.includes(spec)) return;
  setStatus(`Loading more ${type}…`);
  run(changeView({ more: [...state.view.more, spec] }).then(() => {
    setStatus(`More ${type} drawn.`);
    if (window.cy.getElementById(id).nonempty()) run(showNodeDetails(id));
  }));
}

/** The drawn edges of a node, each a button to its evidence (keyboard reach). */
export function drawnEdges(id) {
  const edges = window.cy.getElementById(id).connectedEdges().toArray();
  if (!edges.length) return null;
  const other = (e) => (e.source().id() === id ? e.target() : e.source());
  return [el("h2", {}, "Its edges"),
    el("ul", { className: "plain edge-list" }, edges.map((e) =>
      el("li", {}, button([relationBadge(e.data("types")[0]), " ", e.data("label"), " ",
        other(e).data("label")], () => selectEdge(e.id()))))),
  ];
}

export async function showNodeDetails(id, current = claim("details")) {
  const entity = await api(entityPath(id));
  if (!current()) return;
  const aliases = entity.aliases.map((a) => `${a.name} (${a.kind})`).join("; ");
  const counts = Object.entries(entity.relation_counts).map(([k, v]) => `${k} ${v}`);
  const row = (term, value) => [el("dt", {}, term), el("dd", {}, value)];
  fill($("details"),
    el("h3", {}, chip(entity), " ", label(entity)),
    actionButtons(id, entity),
    moreButtons(id),
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

export function showCluster(data) {
  claim("details");
  const members = [...data.members].sort((a, b) => label(a).localeCompare(label(b)));
  fill($("details"),
    el("h3", {}, chip({ type: data.type }), " ", data.label),
    el("p", {}, `${members.length} ${data.type} nodes linked only to `,
      window.cy.getElementById(data.anchor).data("label") || data.anchor, "."),
    el("div", { className: "actions" },
      button("Open the cluster", () => openCluster(data.cluster), "")),
    el("ul", { className: "plain cluster-members" }, members.map((m) =>
      el("li", {}, chip(m), " ", label(m)))));
  detailsShown();
}

/** A bundled edge: each of its facts, who did what to whom and when, its history,
 * then its sources sorted by date with title, publisher and the sentence. */
export async function showEdge(data) {
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
