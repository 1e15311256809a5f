"""A person who acts for a public body: a judge for the court ("Judge Altman also barred
X" is the court's order), an officeholder titled by a body for that body ("New York
Attorney General Letitia James sued X", "SEC Chair Gary Gensler sued X", "Ann Lee,
chairperson of the FRA, warned X").

A named person takes no action of the ontology; left as the clause's subject, the person
blocks the action ("Judge Altman barred X" gave nothing, where "the judge barred X" fell
back on the court). `body_for_person` gives the subject as the body: the court when the
person is titled a judge and the article names one court (the nearest one named before the
sentence, when it names several); the body whose name stands right before the person,
joined by nothing but a public title (or the title inside the body's own name, "New York
Attorney General").
"""

from __future__ import annotations

import re

from graph.ontology import GROUP, TYPE
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


# the public titles that put a person at the head of the body named before them
PUBLIC_TITLE = re.compile(
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
    if table.get(key).type == TYPE.court:
        return None
    if not PUBLIC_TITLE.fullmatch(text, body.end, subject.start):
        return None
    return Mention(
        subject.start, subject.end, subject.text, key, table.get(key).type, "descriptive"
    )


# a public title and its body in apposition to the person: "Mohamed Omran, chairperson of
# the FRA, warned ...", "Ann Lee, the governor of the central bank (CBX) said ..."
_APPOSED_TITLE = re.compile(
    r", (?:the )?(?:(?:acting|interim|deputy|executive) )?(?:[Cc]hair(?:man|woman|person)?"
    r"|[Cc]ommissioner|[Gg]overnor|[Ss]uperintendent|(?:[Mm]anaging )?[Dd]irector(?: [Gg]eneral)?"
    r"|[Ss]ecretary|[Mm]inister|[Pp]rosecutor|[Aa]ttorney [Gg]eneral|[Hh]ead|[Ll]eader"
    r"|[Pp]resident)"
    r" (?:of|at) (?:the |The )?"
)
# what follows the body in such an apposition: its bracketed abbreviation, then the verb
_APPOSITION_END = re.compile(r"(?: \([^()]{1,20}\))?,? (?=[a-z])")


def body_in_apposition(
    subject: Mention, mentions: list[Mention], text: str, table: EntityTable
) -> Mention | None:
    """The subject as the public body an apposition titles the person by, or None."""
    if subject.key not in table or table.get(subject.key).type != TYPE.person:
        return None
    body = next(
        (m for m in mentions if subject.end < m.start <= subject.end + 60 and m.how != "pronoun"),
        None,
    )
    if body is None or not _APPOSED_TITLE.fullmatch(text, subject.end, body.start):
        return None
    key = table.resolve(body.key)
    if key not in table or table.get(key).type not in GROUP.public_body:
        return None
    if table.get(key).type == TYPE.court or not _APPOSITION_END.match(text, body.end):
        return None
    return Mention(
        subject.start, subject.end, subject.text, key, table.get(key).type, "descriptive"
    )


def body_for_person(
    subject: Mention, mentions: list[Mention], text: str, table: EntityTable
) -> Mention | None:
    """The subject as the body a judge or an officeholder acts for, or None."""
    return (
        court_for_judge(subject, mentions, text, table)
        or body_for_officeholder(subject, mentions, text, table)
        or body_in_apposition(subject, mentions, text, table)
    )
