"""A place's attorney general, however the story names it: "Texas Attorney General Ken
Paxton", "California's attorney general", "the state's Attorney General Letitia James",
"the state attorney general's office", "D.C. Attorney General" (a dotted place below
the country).

The office is the public body that sues and settles; its holder is a person, who takes
no action of the ontology (`actions.judge_subjects` hands a titled officeholder's deeds
to the body named right before). The body is the gazetteer's attorney general of that
place when it has one ("New York State Attorney General"), else one named "<Place>
Attorney General", seated there. "The state" is the state the descriptions stage
resolved it to; with none, nothing is named. When the article names the office itself
("the Office of the Attorney General for the District of Columbia"), that is the body.
"""

from __future__ import annotations

import re

from graph.ontology import TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import EntityDraft, Mention
from ingest.extraction.references.implied_bodies import entries_of

_AG = re.compile(
    r"(?:\b(?P<the>[Tt]he (?:state|State))(?:'s)? "
    # "New York state's attorney general": the state word is the place's
    r"|(?<![\w.'-])(?P<place>(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?|[A-Z]\.[A-Z]\.)(?: [Ss]tate)?)"
    r"(?:'s|\u2019s)? )"
    r"(?P<office>[Aa]ttorney[- ][Gg]eneral(?:'s [Oo]ffice)?|AG)\b"
)


def attorney_general_mentions(state: ArticleState) -> None:
    """A mention of the place's attorney general at each such name (see the module)."""
    text = state.doc.text
    if "ttorney" not in text and " AG" not in text:
        return
    places = {(m.start, m.end): m for m in state.mentions if m.type == TYPE.jurisdiction}
    added: list[Mention] = []
    for found in _AG.finditer(text):
        lead = "the" if found.group("the") else "place"
        start, end = found.span(lead)
        place = places.get((start, end))
        if place is None and text.endswith(("state", "State"), start, end):
            place = places.get((start, end - 6))  # the place alone is the mention
        if place is None or place.key not in state.table:
            continue
        name = state.table.get(place.key).name
        if "." in place.text and state.country.country_of(name) == name:
            continue  # "U.S. Attorney General" heads a ministry: only a state's or district's
        body = _attorney_general_of(state, name)
        surface = text[found.start() : found.end()]
        added.append(Mention(found.start(), found.end(), surface, body.key, body.type, "name"))
        body.aliases.setdefault(surface, "other" if lead == "place" else "descriptive")
    state.cover(added, only_type=TYPE.jurisdiction)


def _attorney_general_of(state: ArticleState, place: str) -> EntityDraft:
    """The office the article names for `place` ("the Office of the Attorney General for
    the District of Columbia"), else the gazetteer's attorney general of `place`, else one
    named for the place (an office only described stands in the output only when a fact
    needs it)."""
    for draft in state.table.all():
        if (
            draft.type == TYPE.governmentbody
            and place in draft.places
            and "attorney general" in draft.name.lower()
        ):
            return draft
    for entry in entries_of(state.country, TYPE.governmentbody, place):
        if "attorney general" in entry.name.lower():
            return state.table.add(entry.name, entry.type, qid=entry.qid, jurisdiction=place)
    return state.table.add(f"{place} Attorney General", TYPE.governmentbody, jurisdiction=place)
