"""A warning told as the closing attribution of its sentence: "Quorvex Ltd is operating
without a licence, the FCA warned (on Monday)."

The verb has its subject right before it and nothing after it, so it names no party of
its own: the parties are the firms the sentence's words name before the attribution. Those
words are the warning's content, not a hedge of it ("without a licence" negates nothing
the body did). When they tell another public body's act ("The SEC fined X, the FCA
warned") the speaker warned nobody named there.
"""

from __future__ import annotations

import re

from graph.ontology import GROUP, REL
from ingest.extraction.actions.clauses import possessive
from ingest.extraction.actions.roles import View, target_keys
from ingest.extraction.actions.triggers import Trigger
from ingest.extraction.entities.drafts import EntityTable, Mention

_CLOSING_BEFORE = re.compile(r", (?:the |a )?$")
_CLOSING_AFTER = re.compile(r"(?: (?:on|in|last|this) [\w ,]{1,25}?)?[.;]")


def closing_warning(trig: Trigger, subject: Mention | None, text: str) -> bool:
    """Whether `trig` is a warning verb that closes its sentence after its subject, as an
    attribution does: '..., the regulator warned.'"""
    return (
        trig.type == REL.warned
        and trig.voice == "active"
        and subject is not None
        and _CLOSING_BEFORE.search(text, max(0, subject.start - 8), subject.start) is not None
        and _CLOSING_AFTER.match(text, trig.end) is not None
        and subject.end <= trig.start <= subject.end + 12
    )


def warned_in_words(
    view: View, subject: Mention, actor: str, text: str, table: EntityTable
) -> list[str]:
    """The firms the words before the attribution name, unless they tell another body's act."""
    content = [
        m
        for m in view.mentions
        if view.sent.start <= m.start and m.end <= subject.start and m.key in table
    ]
    if any(
        table.get(m.key).type in GROUP.public_body and table.resolve(m.key) != actor
        for m in content
    ):
        return []
    firms = [
        m for m in content if table.get(m.key).type in GROUP.firm and not possessive(text, m.end)
    ]
    return target_keys(firms, view, table)
