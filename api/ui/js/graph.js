// The cytoscape canvas: its style, drawing the view, and its events.
/* global cytoscape */

import { expandNode, openCluster, selectEdge, selectNode } from "./details.js";
import { $ } from "./dom.js";
import { label } from "./facts.js";
import { EDGE_FONT, NODE_FONT, layout, smallLabels } from "./layout.js";
import { readFilters, renderLegend, renderNodeList } from "./legend.js";
import { buildModel, drawable, leftOut } from "./model.js";
import { claim, state } from "./state.js";
import { neighbourhood, neighbourhoods, parseExpansion, parseMore } from "./view.js";

export function graphStyle() {
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
export function draw(elements, fresh) {
  const cy = window.cy;
  const old = new Map();
  if (!fresh) cy.nodes().forEach((n) => old.set(n.id(), { ...n.position() }));
  const selected = fresh ? [] : cy.$(":selected").map((e) => e.id());
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
    cy.getElementById(state.view.focus).addClass("focus");
  });
  smallLabels();
  selected.forEach((id) => cy.getElementById(id).select());
  return old;
}

export let renders = 0;

/** Draw the view: fetch what it needs (latest request wins), filter, cluster, bundle,
 * lay out. `fresh`: a new drawing, which asks the API again and starts the layout over. */
export async function render({ fresh = false } = {}) {
  const current = claim("graph");
  readFilters();
  if (fresh) neighbourhoods.clear();
  if (!state.view.focus) {
    window.cy.elements().remove();
    renderLegend(null);
    renderNodeList();
    markRendered();
    return;
  }
  const wanted = [{ id: state.view.focus, types: [] }, ...state.view.expand.map(parseExpansion),
    ...state.view.more.map(parseMore)];
  const subgraphs = await Promise.all(wanted.map((w) => neighbourhood(w.id, w.types, w.offset)));
  if (!current()) return;
  const model = buildModel(subgraphs);
  state.omitted = leftOut(subgraphs);
  const old = draw(drawable(model), fresh);
  layout(old);
  renderLegend(model);
  renderNodeList();
  markRendered();
}

export function markRendered() {
  renders += 1;
  $("cy").dataset.renders = String(renders);
  $("cy").dataset.focus = state.view.focus;
}

let lastTap = { id: null, at: 0 };

/** Whether a tap is the second of a double tap on the same node: the mouse's own click
 * count, else (touch) a tap on the node tapped less than 400 ms before. Cytoscape's
 * dbltap is any two taps within 250 ms, on whatever was tapped, which a slow page can
 * make of two single clicks on two nodes. */
function isSecondTap(evt) {
  const clicks = evt.originalEvent?.detail || 0;
  const now = performance.now();
  const id = evt.target.id();
  const second = clicks >= 2 || (clicks === 0 && lastTap.id === id && now - lastTap.at < 400);
  lastTap = second ? { id: null, at: 0 } : { id, at: now };
  return second;
}

export function createGraph() {
  window.cy = cytoscape({ container: $("cy"), style: graphStyle(), minZoom: 0.1, maxZoom: 4,
    selectionType: "single", boxSelectionEnabled: false });
  window.cy.on("tap", "node", (evt) => {
    const node = evt.target;
    selectNode(node.id());
    if (!isSecondTap(evt)) return;
    if (node.hasClass("cluster")) openCluster(node.data("cluster"));
    else expandNode(node.id());
  });
  window.cy.on("tap", "edge", (evt) => selectEdge(evt.target.id()));
  window.cy.on("zoom", smallLabels);
}
