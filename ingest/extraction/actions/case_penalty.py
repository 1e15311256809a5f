"""A penalty a body imposed, told with its amount but with no party: the fine of the one
party that body's earlier actions in the article fell on.

A release or alert names the case's party once and then lists the order's terms: "This
action was a Consent Order against Coinme, Inc. ... The DFPI imposed a $300,000 civil
monetary penalty." The penalty is Coinme's. Only for a body that acted on exactly one
party before (a digest of several cases names each penalty's party), and only where the
sentence states an amount (a bare "imposed penalties" restates nothing new).
"""

from __future__ import annotations

import re

from graph.ontology import REL, get_ontology
from ingest.extraction.actions.action_drafts import ActionHistory
from ingest.extraction.actions.money import find_money
from ingest.extraction.actions.triggers import Trigger
from ingest.extraction.text.document import Sentence

_ACTIONS = frozenset(get_ontology().action_types)
# the body's own imposing, before the penalty: not "could face a fine of", "fines of up to"
_IMPOSED = re.compile(r"\b(?:imposed|imposes|levied|levies|assessed|assesses)\b")


def case_party(
    trig: Trigger, actor: str, named_subject: bool, sent: Sentence, history: ActionHistory
) -> list[str]:
    """The one party `actor` acted on in earlier sentences, when `trig` is a fine the
    sentence's subject (`named_subject`: the actor, named) imposed, stated with its amount
    and no party of its own; else nothing."""
    if (
        trig.type != REL.fined
        or not named_subject
        or not _IMPOSED.search(sent.text, 0, trig.start - sent.start)
        or not find_money(sent.text)
    ):
        return []
    parties = {
        rel.target
        for at, rel in history.relations
        if at < sent.index and rel.source == actor and rel.type in _ACTIONS
    }
    return list(parties) if len(parties) == 1 else []
