// The legend and filters, and the list of what is drawn.

import { selectNode } from "./details.js";
import { $, button, el, fill, run } from "./dom.js";
import { chip } from "./facts.js";
import { state } from "./state.js";
import { changeView } from "./view.js";

export function readFilters() {
  $("since").value = state.view.since;
  $("until").value = state.view.until;
}

export function toggleOff(name) {
  const { off } = state.view;
  run(changeView({ off: off.includes(name) ? off.filter((n) => n !== name) : [...off, name] }));
}

export function legendButton(name, swatch, count, title) {
  const on = !state.view.off.includes(name);
  return el("li", { title },
    el("button", { type: "button", className: "item legend-item",
      on: { click: () => toggleOff(name) },
      ariaPressed: String(on), dataset: { name } },
    swatch, el("span", {}, name),
    el("span", { className: "count" }, count == null ? "" : String(count))));
}

/** Node types and relation types with how many of each were fetched for the view
 * (all of them, so a type switched off still shows what it hides). */
export function renderLegend(model) {
  const nodeCounts = new Map();
  const relCounts = new Map();
  if (model) {
    model.loaded.nodes.forEach((n) => nodeCounts.set(n.type, (nodeCounts.get(n.type) || 0) + 1));
    model.loaded.facts.forEach((f) => relCounts.set(f.type, (relCounts.get(f.type) || 0) + 1));
  }
  const types = state.vocab.entity_types.filter((t) => !model || nodeCounts.has(t.name));
  fill($("legend"), types.map((t) =>
    legendButton(t.name, chip({ type: t.name }), model ? nodeCounts.get(t.name) : null,
      t.description)));
  const rels = state.vocab.relations.filter((r) => !model || relCounts.has(r.name));
  fill($("rel-legend"), rels.map((r) => {
    const line = el("span", { className: "line", style: { borderTopColor: r.color } });
    const what = r.kind === "action" ? (r.adverse ? "adverse action" : "licensing action") : r.kind;
    return legendButton(r.name, line, model ? relCounts.get(r.name) : null,
      `${what}: ${r.description}`);
  }));
}

export function renderLineLegend() {
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

export function renderNodeList() {
  const nodes = window.cy.nodes().map((n) => n.data());
  nodes.sort((a, b) => a.type.localeCompare(b.type) || a.label.localeCompare(b.label));
  const item = (n) =>
    el("li", {},
      button([chip(n), el("span", {}, n.label), el("span", { className: "type" }, n.type)],
        () => selectNode(n.id), "item"));
  fill($("node-list"), nodes.map(item));
}
