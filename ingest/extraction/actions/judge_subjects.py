"""A judge who rules acts for the court: "Judge Altman also barred X" is the court's order.

A named judge is a person, and a person takes no action of the ontology; left as the
clause's subject, the judge blocks the action ("Judge Altman barred X" gave nothing,
where "the judge barred X" fell back on the court). `court_for_judge` gives the subject
in the court's name when the person is titled a judge and the article names one court
(the nearest one named before the sentence, when it names several).
"""

from __future__ import annotations

import re

from graph.ontology import TYPE
from ingest.extraction.entities.drafts import EntityTable, Mention

# the title right before the name: "Judge Altman", "Justice John Nicholas", "the presiding
# judge, Mary Reyes", "U.S. District Judge Kim Lee", "Magistrate Judge A"
_JUDGE_TITLE = re.compile(
    r"(?:\b(?:[Jj]udge|[Jj]ustice|[Mm]agistrate)|\b(?:presiding|trial|district) judge,) $"
)


def court_for_judge(
    subject: Mention, mentions: list[Mention], text: str, table: EntityTable
) -> Mention | None:
    """The subject as the court a judge sits on, or None when it is no judge."""
    if subject.key not in table or table.get(subject.key).type != TYPE.person:
        return None
    if not _JUDGE_TITLE.search(text, max(0, subject.start - 30), subject.start):
        return None
    courts = [d for d in table.all() if d.type == TYPE.court and not d.unnamed]
    if not courts:
        return None
    named_before = [
        m for m in mentions if m.end <= subject.start and any(m.key == d.key for d in courts)
    ]
    if named_before:
        key = named_before[-1].key
    elif len(courts) == 1:
        key = courts[0].key
    else:
        return None
    return Mention(subject.start, subject.end, subject.text, key, TYPE.court, "descriptive")
