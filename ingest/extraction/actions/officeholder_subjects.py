"""An officeholder titled by a public body acts for it: "New York Attorney General Letitia
James sued X", "SEC Chair Gary Gensler sued X" are the office's and the SEC's suits.

A person takes no action of the ontology; left as the clause's subject, the officeholder
blocks the action. `body_for_officeholder` gives the subject as the body when the body's
name stands right before the person, joined by nothing but a public title (or the title is
part of the body's own name, as in "New York Attorney General").
"""

from __future__ import annotations

import re

from graph.ontology import GROUP, TYPE
from ingest.extraction.entities.drafts import EntityTable, Mention

# the public titles that put a person at the head of the body named before them
_TITLE = re.compile(
    r"(?: (?:(?:acting|interim|deputy) )?(?:[Cc]hair(?:man|woman|person)?|[Cc]ommissioner"
    r"|[Gg]overnor|[Ss]uperintendent|[Dd]irector|[Ss]ecretary|[Mm]inister|[Pp]rosecutor"
    r"|[Aa]ttorney [Gg]eneral|[Hh]ead|[Pp]resident))? $"
)


def body_for_officeholder(
    subject: Mention, mentions: list[Mention], text: str, table: EntityTable
) -> Mention | None:
    """The subject as the public body its title names, or None when it is no officeholder."""
    if subject.key not in table or table.get(subject.key).type != TYPE.person:
        return None
    before = [m for m in mentions if subject.start - 40 <= m.end <= subject.start]
    if not before:
        return None
    body = max(before, key=lambda m: m.end)
    key = table.resolve(body.key)
    if key not in table or table.get(key).type not in GROUP.public_body:
        return None
    if table.get(key).type == TYPE.court or not _TITLE.fullmatch(text, body.end, subject.start):
        return None
    return Mention(
        subject.start, subject.end, subject.text, key, table.get(key).type, "descriptive"
    )
