"""The members a decision's header lists under "Adjudicators:" or "Panel:": the court's.

A tribunal's or court's published reasons open with a header that lists who decided, one
name a line, under a label ("Adjudicators:\\nA B (chair of the panel)\\nC D\\nE F") and
name the body itself only later ("the Capital Markets Tribunal found ..."). Each person
whose line opens right after such a label (or after the line of another listed member) is
AFFILIATED_WITH the one court or tribunal the document names, with the label's role (or
the role a bracket after the name gives, "chair of the panel").
"""

from __future__ import annotations

import re

from graph.ontology import REL, TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import RelationDraft

_LABELS = {
    "adjudicator": "adjudicator",
    "adjudicators": "adjudicator",
    "panel": "panel member",
    "panel members": "panel member",
    "members": "member",
    "judges": "judge",
    "coram": "judge",
    "before": "judge",
}
_LABEL = re.compile(
    r"(?:^|\n)(?P<label>Adjudicators?|Panel(?: [Mm]embers)?|Members|Judges|Coram|Before)"
    r"[ \t]*:[ \t]*\n"
)
_OWN_ROLE = re.compile(r"[ \t]*\((?P<role>[a-z][a-z ,-]{2,40})\)")


def panel_affiliations(state: ArticleState, known: list[RelationDraft]) -> list[RelationDraft]:
    """AFFILIATED_WITH of each member a header lists under its label (see the module),
    unless `known` already ties that person to the court."""
    text, table = state.doc.text, state.table
    if ":" not in text:
        return []
    labels = list(_LABEL.finditer(text))
    if not labels:
        return []
    courts = {
        table.resolve(m.key)
        for m in state.mentions
        if m.key in table and table.get(table.resolve(m.key)).type == TYPE.court
    }
    if len(courts) != 1:
        return []
    court = courts.pop()
    people = {
        m.start: m
        for m in state.mentions
        if m.how == "name"
        and m.key in table
        and table.get(table.resolve(m.key)).type == TYPE.person
    }
    done = {(r.source, r.target) for r in known if r.type == REL.affiliated_with}
    out: list[RelationDraft] = []
    for label in labels:
        role = _LABELS[label.group("label").lower()]
        line = label.end()
        while line in people:
            person = people[line]
            own = _OWN_ROLE.match(text, person.end)
            end = text.find("\n", person.end)
            end = len(text) if end < 0 else end
            key = table.resolve(person.key)
            if (key, court) not in done:
                done.add((key, court))
                out.append(
                    RelationDraft(
                        REL.affiliated_with,
                        key,
                        court,
                        text[label.start() : end].strip(),
                        0.7,
                        properties={"role": own.group("role") if own else role},
                    )
                )
            line = end + 1
    return out
