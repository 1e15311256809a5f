"""A body named only by its kind acted: the body found elsewhere in the story is not it.

"The court ordered X to pay", "Police raided X", "the ministry banned X", "the central
bank told lenders to stop": when no court, police force, ministry or central bank was
resolved, the actor is a body the article does not name,
and falling back on the body that acted in the sentences before (a regulator, say)
would credit the action to the wrong one. `kind_mismatch` says when the clause's
subject is such a kind and the fallback's type is not of that kind, `agent_kind_mismatch`
the same for the agent of a passive ("was fined by the court").
"""

from __future__ import annotations

import re

from graph.ontology import TYPE

_KINDS = {
    "court": TYPE.court,
    "courts": TYPE.court,
    "judge": TYPE.court,
    "judges": TYPE.court,
    "justice": TYPE.court,
    "tribunal": TYPE.court,
    "magistrate": TYPE.court,
    "prosecutor": TYPE.governmentbody,
    "prosecutors": TYPE.governmentbody,
    "police": TYPE.governmentbody,
    "ministry": TYPE.governmentbody,
    "minister": TYPE.governmentbody,
    "government": TYPE.governmentbody,
    "lawmakers": TYPE.governmentbody,
    "legislators": TYPE.governmentbody,
    "parliament": TYPE.governmentbody,
    "senate": TYPE.governmentbody,
    "congress": TYPE.governmentbody,
    # "the central bank told lenders to stop ...": not the securities regulator named before
    "central bank": TYPE.centralbank,
}
# the kind noun closing the subject, with up to two lower-case words before it ("the
# district court", "federal prosecutors"), or its decision ("a court's order", "the
# judge's ruling"), and an auxiliary or adverb before the verb
_KIND_SUBJECT = re.compile(
    r"(?:^|(?<=\s))(?:[Tt]he |[Aa]n? )?(?:[a-z][a-z-]* ){0,2}(?P<kind>"
    + "|".join(sorted(_KINDS, key=len, reverse=True))
    + r")(?:(?:'s|\u2019s|s'|s\u2019) (?:[a-z-]+ )?(?:order|ruling|decision|injunction"
    r"|judg(?:e)?ment|verdict|directive|decree|warrant)s?)?"
    r"\s+(?:(?:has|had|have|also|then|later|subsequently|previously|reportedly)\s+)*$",
    re.IGNORECASE,
)


# the same kind as the agent of a passive: "was fined by the court", "blocked by police"
_KIND_AGENT = re.compile(
    r" by (?:the |an? )?(?:[a-z][a-z-]* ){0,2}(?P<kind>"
    + "|".join(sorted(_KINDS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def kind_mismatch(text: str, start: int, verb: int, actor_type: str) -> bool:
    """Whether the words between `start` and the verb at `verb` end with a body's kind
    (court, police, ministry...) that an actor of `actor_type` is not."""
    m = _KIND_SUBJECT.search(text, start, verb)
    return m is not None and _KINDS[m.group("kind").lower()] != actor_type


def agent_kind_mismatch(text: str, verb_end: int, actor_type: str) -> bool:
    """Whether a passive verb ending at `verb_end` is followed by "by" a body's kind that
    an actor of `actor_type` is not ("was fined by the court" when a regulator is at hand)."""
    m = _KIND_AGENT.match(text, verb_end)
    return m is not None and _KINDS[m.group("kind").lower()] != actor_type
