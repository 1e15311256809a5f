// The timeline of actions, filtered by jurisdiction and type.

import { selectEdge } from "./details.js";
import { $, api, button, el, fill, run, setStatus } from "./dom.js";
import { chip, factId, hasHistory, historyBox, isEnded, label, moneyText, orderDate, relationBadge, spanText } from "./facts.js";
import { drawEntity } from "./search.js";
import { claim, state } from "./state.js";
import { showTab } from "./tabs.js";

export async function fillTimelineFilters() {
  const places = await api("/entities", { type: "Jurisdiction", limit: 100 });
  $("jurisdiction-select").append(
    ...places.items.map((h) => el("option", { value: h.entity.id }, h.entity.name)));
  $("action-select").append(...state.vocab.action_types.map((t) => el("option", { value: t }, t)));
}

export async function showTimeline() {
  const current = claim("timeline");
  const filters = {
    jurisdiction: $("jurisdiction-select").value,
    type: $("action-select").value,
    ...statusFilter($("status-select").value),
  };
  const page = await api("/actions", { ...filters, limit: 100 });
  if (!current()) return;
  // Newest first by the action's own date, else by when it was first reported (as the
  // API orders them; sorted here too so the page never depends on it). Ties keep the
  // API's order: the sort is stable.
  const items = [...page.items].sort((a, b) => orderDate(b).localeCompare(orderDate(a)));
  fill($("timeline"), items.map(timelineItem));
  setStatus(`${items.length}${page.next_offset ? "+" : ""} actions.`);
}

/** The status choice as /actions parameters: "in force today" is a day (what stood
 * then: begun and not yet ended), the others the event's current status. */
function statusFilter(choice) {
  if (choice === "in-force") return { in_force_on: "today" };
  return choice ? { status: choice } : {};
}

export function openInGraph(entity, event = null) {
  showTab("graph");
  run(drawEntity(entity.id, entity.name).then(() => {
    if (!event) return;
    const edge = window.cy.edges().filter((e) => e.data("events").includes(event));
    if (edge.nonempty()) selectEdge(edge.id());
  }));
}

/** The date an action is placed by, saying whose date it is: the action's own, or
 * (when the text gives none) only when it was first reported. */
export function whenCell(fact) {
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

export function timelineItem(fact) {
  const party = (e) => [chip(e), " ", button(label(e), () => openInGraph(e))];
  const evidence = button("evidence", () => openInGraph(fact.target, factId(fact)));
  const money = moneyText(fact.properties);
  const className = isEnded(fact) ? "event ended" : "event";
  return el("li", { className, dataset: { event: factId(fact) } },
    whenCell(fact),
    el("div", {},
      el("p", { className: "fact-line" }, party(fact.source), " ", relationBadge(fact.type), " ",
        party(fact.target), money && [" ", el("span", { className: "amount" }, money)]),
      isEnded(fact) ? el("p", { className: "span" }, spanText(fact)) : null,
      el("p", { className: "hint" }, fact.evidence[0] || "", " ", evidence),
      hasHistory(fact) ? historyBox(fact) : null));
}
