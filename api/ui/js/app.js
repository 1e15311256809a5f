// cryptoreg's graph page: wiring and start-up. Modules in this folder each do one job.

import { $, api, run } from "./dom.js";
import { createGraph, render } from "./graph.js";
import { fit } from "./layout.js";
import { renderLegend, renderLineLegend } from "./legend.js";
import { search } from "./search.js";
import { state } from "./state.js";
import { showPanel, showTab } from "./tabs.js";
import { fillTimelineFilters, showTimeline } from "./timeline.js";
import { changeView, undo, viewFromUrl } from "./view.js";

/** The URL changed under the page (Back, Forward): draw what it says. */
function followUrl() {
  state.view = viewFromUrl();
  $("search-input").value = state.view.q;
  if (!state.view.focus && state.view.q) return run(search(state.view.q, { push: false }));
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
