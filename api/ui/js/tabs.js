// The Graph / Timeline tabs and, on a phone, the panel tabs.

import { $ } from "./dom.js";

export function showPanel(name) {
  document.querySelectorAll("#panel-tabs .tab").forEach((tab) =>
    tab.setAttribute("aria-pressed", String(tab.dataset.panel === name)));
  document.querySelectorAll("#graph-view .panel").forEach((panel) =>
    panel.classList.toggle("active", panel.dataset.panel === name));
}

export function showTab(name) {
  const graph = name === "graph";
  $("graph-view").hidden = !graph;
  $("timeline-view").hidden = graph;
  $("tab-graph").setAttribute("aria-pressed", String(graph));
  $("tab-timeline").setAttribute("aria-pressed", String(!graph));
  if (graph) window.cy.resize();
}
