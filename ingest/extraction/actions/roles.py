"""Who acted and on whom: the actor and target rules behind each trigger's voice.

`read_roles` applies the voice of a trigger (active, passive, receiver, nominal, or an
object span) to the mentions of its clause; the helpers say which mentions can act
(public bodies, countries, resolved pronouns) and which can be acted on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.ontology import GROUP, REL, TYPE
from ingest.extraction.actions.clauses import (
    PREPOSITIONS,
    Clauses,
    possessive,
    preceded_by_preposition,
)
from ingest.extraction.actions.deed_turns import turns_to_deed
from ingest.extraction.actions.judge_subjects import PUBLIC_TITLE
from ingest.extraction.actions.operated_names import (
    operated_object,
    operated_subject,
    operator_descriptor,
)
from ingest.extraction.actions.other_events import after_other_event
from ingest.extraction.actions.settled_payments import case_owner_gap
from ingest.extraction.actions.triggers import WEB_OBJECT, Trigger
from ingest.extraction.entities.drafts import EntityTable, Mention
from ingest.extraction.names.org_names import OWNING_SUFFIX
from ingest.extraction.names.person_names import ROLE_WORDS
from ingest.extraction.text.document import Sentence
from ingest.extraction.text.literal_gate import gate

TARGET_TYPES = frozenset(
    {
        TYPE.exchange,
        TYPE.company,
        TYPE.person,
        TYPE.app,
        TYPE.website,
        TYPE.account,
        TYPE.activity,
        TYPE.mediaoutlet,
    }
)
_OF_BEFORE = re.compile(r"\bof (?:[\w.]+-(?:based|registered|headquartered) )?$")
# (tried only where a role word stands: `literal_gate`)
_ROLE_OF = gate(
    re.compile(
        rf"\b(?i:{ROLE_WORDS})s? (?:of|at) (?:the )?"
        r"(?:(?:parent|holding|sister) (?:company|firm|group) )?$"
    )
)
# the owner or runner a passive subject's apposition names: "X, owned by Y, was fined"
_OWNER_BEFORE = re.compile(
    r"\b(?:(?:owned|acquired|run|operated|controlled|founded|led|headed|backed) by (?:its )?"
    r"(?:parent |founder |rival )?|, (?:(?:which|that) is )?(?:a )?(?:part|member) of (?:the )?)$"
)  # (and the group a firm is part of: "X, part of the Y Group, was fined")
_MATTER = re.compile(r"\b(?:the matter|the case|the cases|it|them|the issue)\b")


@dataclass
class View:
    """One sentence's mentions and clauses."""

    sent: Sentence
    mentions: list[Mention]
    clauses: Clauses
    triggers: list[Trigger] = field(default_factory=list)
    doc_text: str = ""


def read_roles(
    trig: Trigger,
    subject: Mention | None,
    before: list[Mention],
    after: list[Mention],
    view: View,
    text: str,
    table: EntityTable,
) -> tuple[str | None, list[str], float]:
    conf = trig.confidence
    actor = (
        actor_key(subject, view, table)
        if subject is not None and is_actor(subject, table)
        else None
    )
    voice = trig.voice
    if voice in ("span", "refer", "suggest"):
        cid = view.clauses.of(trig.start)
        inside = [
            m
            for m in view.mentions
            if trig.obj_start <= m.start < trig.obj_end
            and (
                view.clauses.of(m.start) == cid
                or _OPERATOR_OF.search(text, trig.obj_start, m.start)
            )
        ]
        targets = [
            m
            for m in inside
            if eligible(m, table)
            and not (
                possessive(text, m.end)
                and _OWNED_NOUN.match(text, m.end)
                and not _ITSELF.match(text, m.end)
            )
        ]
        if actor is None and subject is None and trig.obj_start > trig.end:
            # "Among those fined by the FCA were A and B": the agent before the list
            agent = agent_after(
                [m for m in view.mentions if trig.end <= m.start < trig.obj_start],
                text,
                trig.end,
                table,
                ("by",),
            )
            actor = actor_key(agent, view, table) if agent is not None else None
        if actor is None and subject is None:  # "Among those held were A and B, the FBI said"
            attributed = _attributed([m for m in view.mentions if m.start >= trig.end], text, table)
            actor = actor_key(attributed, view, table) if attributed is not None else None
        if voice == "refer" and not targets and _MATTER.search(text[trig.obj_start : trig.obj_end]):
            main = main_target(table)
            return actor, [main] if main else [], conf
        return actor, target_keys(targets, view, table), conf
    if voice == "case":  # "ASIC v Web3 Ventures Pty Ltd": the parties touch the "v"
        claimant = next((m for m in view.mentions if m.end == trig.start), None)
        party = next((m for m in view.mentions if m.start == trig.end), None)
        if claimant is None or party is None or not is_actor(claimant, table):
            return None, [], conf
        targets = [party] if eligible(party, table) else []
        return actor_key(claimant, view, table), target_keys(targets, view, table), conf
    if voice == "prefix":
        inside = [m for m in view.mentions if trig.obj_start <= m.start < trig.obj_end]
        actor = next(
            (
                actor_key(m, view, table)
                for m in inside
                if is_actor(m, table) and table.get(m.key).type != TYPE.jurisdiction
            ),
            None,
        )  # "a Hong Kong-registered exchange" names a seat, no licensing body
        targets = [m for m in after if eligible(m, table)]
        head = next((m for m in reversed(view.mentions) if m.end <= trig.start), None)
        if (
            head is not None
            and _APPOSED.fullmatch(text, head.end, trig.start)
            and eligible(head, table)
        ):
            targets = [head]  # "Zenmo, an SEC-registered broker": the apposition's head
        return actor, target_keys(targets, view, table), conf
    if voice == "passive":
        agent = agent_after(after, text, trig.end, table, ("by",))
        if agent is None:  # "X was inspected on May 2, the FSA said": the attributed body,
            # unless the passive names an agent of its own ("sued by Zentara Inc, the SEC said")
            agent = _attributed([m for m in view.mentions if m.start >= trig.end], text, table)
            if agent is not None and " by " in text[trig.end : agent.start]:
                agent = None
        if agent is None:  # "was arrested in July and charged ... by US prosecutors"
            rest = [m for m in view.mentions if m.start >= trig.end]
            agent = _coordinated_agent(rest, text, trig.end, table)
        if agent is None:  # "According to the SBV, the use of bitcoin is prohibited"
            agent = _attributed_before(view, text, trig.start, table)
        if agent is None and trig.type in (REL.blocked, REL.banned):
            agent = _country_where(after, text, trig.end, table)
        if agent is None and trig.type == REL.investigated:
            agent = _warrant_issuer(after, text, trig.end, table)
        targets = [
            m
            for m in before
            if eligible(m, table)
            and (
                not possessive(text, m.end)
                or _ITSELF.match(text, m.end)
                or (trig.type == REL.licensed and _HELD_PERMIT.match(text, m.end))
                or (trig.type == REL.blocked and _HELD_FUNDS.match(text, m.end))
            )
            and not operated_subject(text, view.sent.start, m.start)
            and not operator_descriptor(text, m.start, m.end)
            and not _ROLE_OF.search(text, max(0, m.start - 60), m.start)
            and not _OWNER_BEFORE.search(text, max(0, m.start - 40), m.start)
            and not _ANY_ACCORDING.search(text, max(0, m.start - 16), m.start)
        ]  # "X's operations were suspended": X itself; "the founder of X was sentenced": not X;
        # "X, owned by Y, was fined": not Y; "According to Reuters, X was fined": not Reuters
        return (
            (actor_key(agent, view, table) if agent else None),
            target_keys(targets, view, table),
            conf,
        )
    if voice == "receiver" and actor is not None and _BODY_SETTLED.match(text, trig.start):
        party = next((m for m in after if m.start - trig.end <= 5), None)
        if party is not None and eligible(party, table) and not is_actor(party, table):
            # "the SEC settled with Zenmo for $5 million": the body is the one that settled
            # with the firm, not a firm settling with a body
            return actor, target_keys([party], view, table), conf
    if (
        voice == "receiver"
        and actor is not None
        and subject is not None
        and text.startswith("settlement", trig.start)
    ):  # "..., and OFAC reached a settlement of about $968 million": the party told before
        parties = [
            m
            for m in before
            if eligible(m, table) and not possessive(text, m.end) and m.key != subject.key
        ]
        return actor, target_keys(parties[-1:], view, table), conf
    if voice == "receiver":
        agent = agent_after(after, text, trig.end, table, ("by", "with", "from", "to", ""))
        if agent is not None and table.get(agent.key).type == TYPE.jurisdiction:
            agent = None
        owners = {m.key for m in before if _OF_BEFORE.search(text, max(0, m.start - 40), m.start)}
        targets = [
            m
            for m in before
            if eligible(m, table)
            and not possessive(text, m.end)
            and table.get(m.key).type not in (TYPE.activity, TYPE.app, TYPE.website)
            and (m.key not in owners or m is subject)
        ]  # "directors of X (XL), A and B, were served with ...": A and B, not X; but "X ...
        # the sale of its product, and the company agreed to pay": the subject pays
        if agent is None:  # "X must stop ... in Japan, the FSA said": the attribution is
            # a clause of its own, so it is looked for in the rest of the sentence
            rest = [m for m in view.mentions if m.start >= trig.end]
            agent = _attributed(rest, text, table)
        if agent is None:  # "X was placed on the FCA's warning list", "X paid a fine to
            # settle the SEC's charges"
            agent = next(
                (
                    m
                    for m in after
                    if (m.start - trig.end <= 12 or case_owner_gap(text, trig.end, m.start))
                    and possessive(text, m.end)
                    and is_actor(m, table)
                ),
                None,
            )
        if agent is None:
            first_target = targets[0].start if targets else trig.start
            lead = [  # (not the owner in "the Treasury's OFAC announced that X agreed to pay")
                m
                for m in before
                if m.start < first_target and is_actor(m, table) and not possessive(text, m.end)
            ]
            actor = actor_key(lead[0], view, table) if lead else None
        else:
            actor = actor_key(agent, view, table)
        return actor, target_keys(targets[-3:], view, table), conf
    if voice == "nominal" and text[trig.start : trig.end].endswith(" with"):
        first = after[0] if after else None
        if first is not None and is_actor(first, table) and first.how != "pronoun":
            voice = "receiver"  # "... agreed to a settlement with the Justice Department"
    if voice == "receiver" and text[trig.start : trig.end].startswith(("settlement", "consent")):
        targets = [m for m in before if eligible(m, table) and not possessive(text, m.end)]
        run = targets[-1:]  # "A and B reached a settlement with Y": both (not an earlier C)
        for m in reversed(targets[:-1]):
            if not _AND_GAP.fullmatch(text, m.end, run[0].start):
                break
            run.insert(0, m)
        return actor_key(after[0], view, table), target_keys(run, view, table), conf
    if voice == "nominal":
        own = next(
            (
                m
                for m in reversed(before)
                if possessive(text, m.end)
                and trig.start - m.end < 40
                and is_actor(m, table)
                and not any(m.end < x.start < trig.start for x in before)
            ),
            None,
        )  # "the regulator's ban on X"; not "Japan's Financial Services Agency said ... orders"
        by_agent = agent_after(after, text, trig.end, table, ("by", "from"))
        if (
            actor is not None
            and by_agent is not None
            and from_a_place(by_agent, text, trig.end, table)
        ):
            by_agent = None  # "Y opened legal action against X over his return from Greece"
        if by_agent is None and text.endswith(" by", trig.start, trig.end):
            by_agent = agent_after(after, text, trig.end, table, ("",))  # "... initiated by X"
        agent = own or by_agent or _imposer(after, text, trig.end, table)
        if agent is None and actor is None:
            agent = next(
                (
                    m
                    for m in after
                    if is_actor(m, table)
                    and not preceded_by_preposition(text, m.start)
                    and not _TOLD_BODY.search(text, max(0, m.start - 20), m.start)
                ),
                None,
            )  # (not who was told of it: "..., the Government informed Parliament")
        if agent is not None:
            actor = actor_key(agent, view, table)
        targets = [
            m
            for m in (
                [] if _CAME_AMID.match(text, trig.end) else _before_relative(after, text, trig.end)
            )
            if eligible(m, table)
            and not (possessive(text, m.end) and _OWNED_UNIT.match(text, m.end))
            and not _UNIT_OF_BEFORE.search(text, max(0, m.start - 90), m.start)
            and not _DEFINED_TERM_BEFORE.search(text, max(0, m.start - 30), m.start)
            and not after_other_event(text, trig.end, m.start)
            and not _holds_office(m, view, text, table)
        ]
        if not targets and own is not None and _CONTESTS.search(text, view.sent.start, own.start):
            # "X challenged the FCA's ban", "X lost its appeal against the SEC's order": the
            # one contesting the body's action is its party
            targets = [
                m
                for m in before
                if m.end <= own.start
                and eligible(m, table)
                and not is_actor(m, table)
                and not possessive(text, m.end)
            ][-1:]
        # "X is conducting an investigation into ...": X investigates, is not investigated
        conducted = _CONDUCTED.search(text, max(view.sent.start, trig.start - 60), trig.start)
        # "the owner of a wallet under investigation": the common noun is what it is into
        conducted = conducted or _NOUN_UNDER.search(text, max(0, trig.start - 60), trig.start)
        if (
            not targets
            and not conducted
            and (
                trig.type == REL.investigated
                or (by_agent is not None and own is None)
                or (own is None and _RECEIVED.search(text, max(0, trig.start - 40), trig.start))
            )
            and not _STATED_OBJECT.match(text, trig.end)
        ):  # (not "investigations into other models": its object is stated, unrecognised)
            doers = [  # "Kraken ... agreed to settle charges from the SEC"
                m
                for m in before
                if eligible(m, table)
                and not possessive(text, m.end)
                and not preceded_by_preposition(text, m.start)
                and table.get(m.key).type not in (TYPE.activity, TYPE.app, TYPE.website)
                and not HEADS_BODY.search(text, max(0, m.start - 60), m.start)
                and not operated_subject(text, view.sent.start, m.start)
                and not operator_descriptor(text, m.start, m.end)
            ]
            targets = _coordinated(doers, text)  # "A and B received notices from Y"
        if not targets:
            first = next(
                (
                    m
                    for m in view.mentions
                    if eligible(m, table)
                    and not HEADS_BODY.search(text, max(0, m.start - 60), m.start)
                ),
                None,
            )  # not "the ministry, then headed by Cabinet Secretary X, ...": its head
            if (
                first is not None
                and not conducted
                and first.start < trig.start
                and trig.type == REL.investigated
                and not _STATED_OBJECT.match(text, trig.end)
            ):
                targets = [first]
        if (
            not targets
            and actor is not None
            and trig.type == REL.investigated
            and _THE_PROBE.search(text, max(0, trig.start - 40), trig.start)
            and not any(eligible(m, table) for m in view.mentions)
        ):  # "The pre-trial investigation, led by X, covered ...": the one the article is about
            main = main_target(table)
            return actor, [main] if main else [], conf - 0.15
        return actor, target_keys(targets, view, table), conf - 0.05
    objects: list[Mention] = []
    for m in _before_relative(after, text, trig.end):
        if turns_to_deed(text, trig.end, objects[-1].end if objects else None, m.start):
            break  # "charged X with operating Y": the names after are the deed's (deed_turns)
        if text.startswith("-", m.end) and table.get(m.key).type == TYPE.jurisdiction:
            continue  # "its US-based arm, BAM Trading": a place in a modifier, no subject
        if (
            is_actor(m, table)
            and m.how != "pronoun"
            and not (possessive(text, m.end) or preceded_by_preposition(text, m.start))
            and text[m.start - 1 : m.start] != "("
        ):
            break  # a new subject: "..., and the SEC, which sued ..."
        if possessive(text, m.end) and _OWNED_UNIT.match(text, m.end):
            continue  # "fined X, Y's local subsidiary": Y owns the target, is not one
        if operated_object(text, trig.end, m.start) and (
            not objects or all(operator_descriptor(text, o.start, o.end) for o in objects)
        ):
            continue  # "fined the local operator of exchange X": the operator, not X
        if objects and _UNIT_OF_BEFORE.search(text, max(0, m.start - 90), m.start):
            continue  # "fined X, the UK arm of the group headed by Y": Y owns X
        if _DEFINED_TERM_BEFORE.search(text, max(0, m.start - 30), m.start):
            continue  # 'Y (together, the "Y Group")': a defined term, not another party
        if objects and _HOSTED_AT.search(text, max(0, m.start - 40), m.start):
            continue  # "seized 190 accounts at Binance": the platform holds them, is no party
        if m.how == "pronoun" and _SAYS_AFTER.match(text, m.end):
            continue  # "seized 190 accounts, including two it claims are ...": a speaker
        if (
            not objects
            and m.text.lower() == "its"
            and trig.type == REL.blocked
            and m.start - trig.end <= 1
            and WEB_OBJECT.match(text, m.start - 1)
            and m.key in table
            and table.get(m.key).type in TARGET_TYPES
        ):
            objects.append(m)  # "blocked its URLs": the one whose web addresses they are
            continue
        if eligible(m, table) and not _ROLE_OF.search(text, max(0, m.start - 60), m.start):
            objects.append(m)  # (not Y in "charged X, founder of Y")
    return actor, target_keys(objects, view, table), conf


_AND_GAP = re.compile(r"(?:,? and |, )(?:the )?")
# a verb contesting the action a body's possessive names next (not "won ... appeal": the
# action then ended, which this reading does not tell)
_CONTESTS = re.compile(
    r"\b(?:appeal(?:ed|s|ing)?(?: against)?|challeng(?:ed|es|ing|e)|contest(?:ed|s|ing)?|fought"
    r"|fight(?:s|ing)?|lost (?:its|an|the|their|his|her) (?:[\w-]+ )?appeal against)"
    r" (?:the )?$"
)
# "The warning came as the prime minister ordered a curfew": an action noun that is the
# subject of "came as/after/amid" is set beside another event, whose parties it spares
_CAME_AMID = re.compile(
    r"(?: [\w-]+){0,2}? (?:came|comes|was issued|is issued|follows|followed|coincided)"
    r"(?: [\w-]+){0,2}? (?:as|after|amid|when|while|with)\b"
)
# an action noun whose object the text states right after it: "investigations into X"
# a verb whose subject carries out the inquiry its noun names
_CONDUCTED = re.compile(
    r"\b(?:conduct(?:s|ed|ing)?|lead(?:s|ing)?|led|head(?:s|ed|ing)?|run(?:s|ning)?"
    r"|carr(?:y|ies|ied|ying) out) (?:an?|the|its|his|her|their) (?:[\w-]+ ){0,3}$"
)
_NOUN_UNDER = re.compile(
    r"\b(?!(?:is|are|was|were|be|been|being|remains?|remained|stays?|stayed|came|comes|come"
    r"|fell|falls|placed|put|kept|now|still|also|already)\b)[a-z][\w-]* under (?:an? |the )?"
    r"(?:[\w-]+ ){0,2}$"
)
_STATED_OBJECT = re.compile(
    r" (?:into|of|connected (?:with|to)|related to|linked to|concerning|regarding)"
    r" (?!(?:the|its|their|his|her|it|them|a|an)\b)"
    r"| against "  # "registered a case against the petitioner": its party told, unresolved
)


def _coordinated(doers: list[Mention], text: str) -> list[Mention]:
    """The first doer and those coordinated with it ("A, B and C"), the subject of a
    receiver's noun ("A and B received show-cause notices from Y", "... face charges by Y")."""
    out = doers[:1]
    for m in doers[1:]:
        if not _AND_GAP.fullmatch(text, out[-1].end, m.start):
            break
        out.append(m)
    return out


# ", company of which Binance is partner", ", which owns X": a relative clause after the
# object describes it; the parties it names are not the action's targets.
_RELATIVE = re.compile(
    r", (?:a |an |the )?(?:[\w-]+ ){0,3}?(?:of which|in which|which|whose|that|who)\b"
)


# "blocked websites through which crypto services are offered": the object is the kind
# the clause restricts; what the clause names describes that kind, no party of its own
_KIND_RELATIVE = re.compile(
    r"\b(?:websites|sites|domains|platforms|apps|applications|accounts|businesses|firms"
    r"|companies|entities) (?:(?:through|by|via|on|in|from) which|that|which|where)\b"
)
_CLAUSE_END = re.compile(r"[,;:]|$")


def _before_relative(after: list[Mention], text: str, pos: int) -> list[Mention]:
    """The mentions outside the relative clauses that follow the objects (each clause runs
    to its next comma: "A, which is registered in X, and B" keeps A and B), and outside a
    clause that restricts a kind named as the object ("websites through which ...")."""
    if not after:
        return after
    for kind in _KIND_RELATIVE.finditer(text, pos, after[-1].start):
        clause_end = _CLAUSE_END.search(text, kind.end())
        end_at = clause_end.start() if clause_end is not None else len(text)
        after = [m for m in after if not kind.end() <= m.start < end_at]
    if not after:
        return after
    end = after[-1].start + 1
    skipped: list[tuple[int, int]] = []
    rel = _RELATIVE.search(text, after[0].end, end)
    while rel is not None:
        comma = text.find(",", rel.end(), end)
        stop = comma if comma >= 0 else end
        skipped.append((rel.start(), stop))
        rel = _RELATIVE.search(text, stop, end) if comma >= 0 else None
    if not skipped:
        return after
    return [m for m in after if not any(a <= m.start < b for a, b in skipped)]


# ", according to the SEC", ", according to financial regulator MAS"
_ACCORDING_TO = re.compile(r", according to (?:the |a )?(?:[a-z]+ ){0,2}$")
_ANY_ACCORDING = re.compile(r"\b[Aa]ccording to (?:the |a )?$")
# the one who received an action noun is its party: "X received one show-cause notice"
_RECEIVED = re.compile(
    r"\b(?:received|receives|got|(?:was|were|been) (?:(?:first|also|later|then|since|\w+ly) )?"
    r"(?:served|issued|handed)(?: with)?)"
    r" (?:an? |one |two |three |several |the )?(?:[\w-]+ )?$"
)
_TOLD_BODY = re.compile(r"\b(?:informed|told|briefed|notified|assured|reported to) (?:the )?$")
_SAID = re.compile(r"(?: \([^()]{1,20}\))? (?:said|says|announced|ordered|stated|confirmed)\b")
# the inverted attribution: "..., said regulator MAS on Thursday", "..., announced the FCA"
_INVERTED_SAID = re.compile(
    r", (?:said|says|announced|stated|confirmed) (?:the |a )?(?:[a-z]+ ){0,2}$"
)
# a body that reports what the sentence tells, after a comma: it is no agent named before it
_REPORTS = re.compile(
    r" (?:said|says|announced|stated|confirmed|noted|added|reported|wrote|explained|disclosed)\b"
)


def _attributed(after: list[Mention], text: str, table: EntityTable) -> Mention | None:
    """The body a sentence ends by attributing itself to: "..., the FSA said.", "...,
    according to the SEC.", "..., said regulator MAS"."""
    for m in after:
        if m.how == "pronoun" or not is_actor(m, table):
            continue
        window = max(0, m.start - 40)
        if (
            _SAID.match(text, m.end)
            or _ACCORDING_TO.search(text, window, m.start)
            or _INVERTED_SAID.search(text, window, m.start)
        ):
            return m
    return None


# a sentence that opens by attributing itself to a body: "According to the SBV (SBV), ..."
# (past a dateline: "Hanoi (VNA) - According to ...")
_OPENING_ACCORDING = re.compile(r"(?:^|^[^.,;]{1,40}?[-:] )[Aa]ccording to (?:the )?$")


def _attributed_before(view: View, text: str, pos: int, table: EntityTable) -> Mention | None:
    """The public body a sentence opens by attributing itself to, before an agentless
    passive: "According to the State Bank of Vietnam, the use of bitcoin is prohibited"."""
    for m in view.mentions:
        if m.end > pos or m.start - view.sent.start > 60:
            break
        if m.how == "pronoun" or not _OPENING_ACCORDING.search(text[view.sent.start : m.start]):
            continue
        draft = table.get(m.key)
        return m if draft.type in GROUP.public_body and not draft.unnamed else None
    return None


# "X's website was blocked in India": with no agent, the country where it was done acted
_IN_PLACE_GAP = re.compile(r" (?:\w+ly )?in (?:the )?")


def _country_where(after: list[Mention], text: str, pos: int, table: EntityTable) -> Mention | None:
    """The place a block or ban with no agent was done in, named right after its verb."""
    first = after[0] if after else None
    if first is None or not _IN_PLACE_GAP.fullmatch(text, pos, first.start):
        return None
    key = table.resolve(first.key)
    draft = table.get(key) if key in table else None
    if draft is None or draft.type != TYPE.jurisdiction:
        return None
    return first


# "the suspension (that) the FIU had imposed on X", "a fine which the FCA levied against X":
# the body between an action noun and its verb of imposing is its actor
_IMPOSER_GAP = re.compile(r",? (?:that |which )?(?:the )?")
_IMPOSED = re.compile(
    r" (?:had |has |have |later |then )?(?:imposed|levied|issued|handed down|placed|slapped)"
    r" (?:on|upon|against|to)\b"
)


def _imposer(after: list[Mention], text: str, pos: int, table: EntityTable) -> Mention | None:
    """The body a relative clause right after an action noun says imposed it (after its
    country's possessive: "that South Korea's FIU had imposed on X")."""
    if not after or not _IMPOSER_GAP.fullmatch(text, pos, after[0].start):
        return None
    first = after[0]
    if len(after) > 1 and possessive(text, first.end) and after[1].start - first.end <= 3:
        first = after[1]
    return first if is_actor(first, table) and _IMPOSED.match(text, first.end) else None


_DETERMINER = re.compile(r"(?i:its|their)")


def agent_after(
    after: list[Mention], text: str, pos: int, table: EntityTable, preps: tuple[str, ...]
) -> Mention | None:
    for m in after:
        if not is_actor(m, table) or possessive(text, m.end) or _DETERMINER.fullmatch(m.text):
            continue  # ("must stop offering its tokens": "its" is no agent)
        gap = text[pos : m.start]
        if "," in gap and _REPORTS.match(text, m.end):
            continue  # "sued by investors last year, the SEC said": the SEC only reports it
        if any((_after_prep(gap, p) if p else len(gap.split()) <= 1) for p in preps):
            return m
    return None


# a second passive coordinated with the first: "... and charged with fraud", "and later
# extradited"; its "by" agent acted in both
_AND_PARTICIPLE = re.compile(
    r"\band (?:(?:was|were|been|later|then|also|subsequently) )*[a-z]+ed\b"
)


def _coordinated_agent(
    after: list[Mention], text: str, pos: int, table: EntityTable
) -> Mention | None:
    """The agent of a passive coordinated after this one ('was arrested in July and
    charged with wire fraud by US prosecutors': the prosecutors arrested him too): the
    first body after `pos` whose "by" closes a gap holding "and <participle>"."""
    for m in after:
        if not is_actor(m, table) or possessive(text, m.end):
            continue
        gap = text[pos : m.start]
        head, by, tail = gap.rpartition(" by ")
        if not by or tail.strip() not in ("", "the", "a", "an") or ";" in gap:
            return None  # the first body after the verb decides
        return m if _AND_PARTICIPLE.search(head) else None
    return None


# "arrested in Albania on an international warrant from Interpol": who issued the warrant
_WARRANT_FROM = re.compile(
    r"\bon (?:an?|the) (?:[\w-]+ ){0,2}?(?:warrant|red notice)"
    r"(?: (?:issued|sought|requested))? (?:from|by) (?:the )?$"
)


def _warrant_issuer(
    after: list[Mention], text: str, pos: int, table: EntityTable
) -> Mention | None:
    """The body whose warrant an arrest was made on: an arrest on someone's warrant is
    that body's act ("was detained in Spain on an arrest warrant issued by Germany")."""
    for m in after:
        if is_actor(m, table) and _WARRANT_FROM.search(text, max(pos, m.start - 60), m.start):
            return m
    return None


def from_a_place(agent: Mention, text: str, pos: int, table: EntityTable) -> bool:
    """A country or city reached by "from" (not "by") is where someone came or went, not
    the body that acted: "charges against X over his flight from Greece"."""
    if table.get(agent.key).type != TYPE.jurisdiction:
        return False
    return not _after_prep(text[pos : agent.start], "by")


def _after_prep(gap: str, prep: str) -> bool:
    """Whether `gap` (up to a mention) holds `prep` with no other preposition after it:
    "by the FCA" yes; "by a federal judge in Virginia": Virginia is no agent."""
    _, found, tail = f" {gap}".rpartition(f" {prep} ")
    if not found:
        return False
    return not any(w in PREPOSITIONS for w in tail.split()) or bool(_BODIES_OF.fullmatch(tail))


# "by authorities in the United States": the country stands for its bodies
_BODIES_OF = re.compile(
    r"(?:the )?(?:[\w-]+ )?(?:authorities|police|prosecutors|officials|regulators|agencies"
    r"|law enforcement|investigators) (?:in|of|from) (?:the )?"
)


def antecedent(view: View, pos: int) -> Mention | None:
    return next((m for m in reversed(view.mentions) if m.end <= pos and pos - m.end <= 2), None)


def is_actor(m: Mention, table: EntityTable) -> bool:
    if m.how == "pronoun":
        return True
    return (
        m.key in table
        and table.get(m.key).type in GROUP.actor
        and not table.get(m.key).unnamed
        or (m.key in table and table.get(m.key).type in GROUP.public_body)
    )


def eligible(m: Mention, table: EntityTable) -> bool:
    if m.text.lower() == "its" or m.key not in table:
        return False
    return table.get(m.key).type in TARGET_TYPES


def actor_key(m: Mention, view: View, table: EntityTable) -> str | None:
    """The body a mention names; a pronoun's is the nearest body before it that stands as
    a subject, not one inside a phrase ("The FIU, under the Commission, said it ...": the
    FIU), else the nearest body."""
    if m.how != "pronoun":
        return m.key
    bodies = [
        other
        for other in reversed([x for x in view.mentions if x.end <= m.start])
        if other.how != "pronoun"
        and other.key in table
        and table.get(other.key).type in GROUP.public_body
    ]
    for other in bodies:
        if not preceded_by_preposition(view.doc_text, other.start):
            return other.key
    if bodies:
        return bodies[0].key
    return m.key if m.key in table and table.get(m.key).type in GROUP.public_body else None


def target_key(m: Mention, view: View, table: EntityTable) -> str:
    """A name is its entity; a pronoun is the last eligible name before it in the view,
    but 'him'/'her' stay the person the pronoun stage found ("X, Acme's co-founder, ...
    when police detained him": X, not Acme)."""
    if m.how != "pronoun" or (m.key in table and table.get(m.key).type == TYPE.person):
        return m.key
    for other in reversed([x for x in view.mentions if x.end <= m.start]):
        if other.how != "pronoun" and eligible(other, table):
            return other.key
    return m.key


# a definite investigation at the start of its sentence: "The pre-trial investigation"
_THE_PROBE = re.compile(r"(?:^|[.!?]\s+|\n)(?:The|This|That) (?:[\w-]+ ){0,2}$")
# "the ministry, then headed by Cabinet Secretary X, suspended ...": X heads the body
HEADS_BODY = re.compile(
    rf"\b(?:headed|led|chaired|run) by (?:(?i:{ROLE_WORDS}) )?(?:[A-Z][\w.]* ){{0,3}}$"
    # "the SEC under former chair Gary Gensler opened ...": the body's head at the time
    rf"|\bunder (?:(?:its|the|then|former|then-) ?)*(?i:{ROLE_WORDS}) (?:[A-Z][\w.]* ){{0,3}}$"
)
_OPERATOR_OF = re.compile(r", (?:the )?(?:operator|owner) of $")  # "X, the operator of Y,"
_APPOSED = re.compile(r",? (?:a|an|the|its) (?:[\w-]+ )?")
_OWNED_NOUN = re.compile(  # "Binance's former local derivatives business": the business
    r"'s? (?:[\w-]+ ){0,3}?(?:business|unit|arm|subsidiary|affiliate|operations?|entity|venture"
    r"|exchange|platform)\b"
)
# a firm's own operations, with nothing to tell them apart, are the firm: "declared X's
# operations illegal", "halted X's business" (not "X's former derivatives business")
# a licence a possessive names is its holder's: "X's licence was revoked" ends X's licence
_HELD_PERMIT = re.compile(
    r"'s? (?:[\w-]+ ){0,3}?(?:licen[cs]es?|registrations?|authori[sz]ations?|permits?"
    r"|approvals?)\b"
)
# funds a possessive names are their holder's: "X's bank accounts were frozen" blocks X
_HELD_FUNDS = re.compile(
    r"'s? (?:[\w-]+ ){0,2}?(?:assets|accounts|funds|wallets|balances|deposits|holdings)\b"
)
_ITSELF = re.compile(
    r"'s? (?:operations|business|activities|services|platform|websites?|web ?sites?|apps?"
    r"|domains?|URLs?)\b"
)
# a unit a possessive names is another entity ("Y's local subsidiary"); a firm's own
# "operations" or "business" are the firm itself ("suspended X's operations")
_OWNED_UNIT = re.compile(
    r"'s? (?:[\w-]+ ){0,3}?(?:unit|arm|subsidiary|subsidiaries|affiliate|entity|venture)\b"
)
# the owner named in an apposition that describes the target: "X, the London-based UK arm
# of the group of companies headed by Y", "X, a unit of Y"
_UNIT_OF_BEFORE = re.compile(
    r", (?:the|a|an|its) [^,;()]{0,50}?\b(?:arm|unit|subsidiary|affiliate|division|branch)"
    r" of (?:the )?(?:[^,;()]{0,50}? (?:headed|owned|controlled|led|run) by (?:the )?)?$"
)
_DEFINED_TERM_BEFORE = re.compile(r'\((?:together|collectively)?,? ?(?:the )?"$')
# the platform where accounts or wallets are kept: "190 crypto accounts at Binance"
_HOSTED_AT = re.compile(r"\b(?:accounts|wallets|addresses) (?:at|on|with) (?:the )?$")
# a pronoun that says or believes something is that clause's subject, no object
_SAYS_AFTER = re.compile(
    r" (?:claims|claimed|says|said|alleges|alleged|believes|believed|suspects|suspected"
    r"|argues|argued|considers|deems|deemed|thinks|thought|maintains)\b"
)
_STAFF_AFTER = re.compile(  # "the company's compliance officer": a person, not the company
    r"'s? (?:[\w-]+ ){0,2}?(?:officers?|executives?|founders?|staff|employees|directors?|chiefs?"
    r"|heads?|bosses|boss|managers?|traders?|co-founders?|spokes(?:man|woman|person)"
    r"|associates?|aides?|lawyers?|attorneys?|accomplices?|co-conspirators?|partners?|wife"
    r"|husband|sons?|daughters?|brothers?|sisters?|developers?|engineers?)\b"
)
# a firm's name that only qualifies its people: "arrested two Acme executives", "sanctioned
# Acme officials: A and B" act on the people (an unnamed group, or the names listed)
_STAFF_NOUN_AFTER = re.compile(
    r" (?:(?:former|senior|top|current|local|foreign|compliance|company|exchange|platform)"
    r" )?(?:executives|officers|officials|founders|co-founders|staff|staffers|employees"
    r"|directors|managers|workers|bosses|administrators|traders|agents|representatives)\b"
)
_TITLE_AFTER = re.compile(
    r" (?:(?:former|deputy|acting|interim|then|co-)[ -]?)?(?:chief executive|chief [a-z]+ officer"
    r"|CEO|CFO|COO|CTO|chair(?:man|woman|person)?|founder|co-founder|president|director"
    r"|compliance officer|executive|spokes(?:man|woman|person)|head|boss|manager|developer"
    r"|co-developer|engineer|programmer|exploiter|hacker|attacker|trader|promoter|influencer"
    r"|associate|lawyer|attorney|employee|investor|user|customer)s? [A-Z]"
)


# the speaker of a closing attribution: '..." Aquino said.', '..., the company added'
_SPEAKER_BEFORE = re.compile(r"(?:,|[,.]?[\"\u201d])\s*(?:the |a )?$")
_SPEAKER_AFTER = re.compile(  # (", said": the speaker named in apposition, "The Acting U.S.
    # Attorney, Audrey Strauss, said Monday the accused was extradited")
    r",?\s+(?:has |had )?(?:said|says|added|adds|noted|stated|explained|wrote|argued|claimed"
    r"|told)\b"
)


# the speaker of an inverted closing attribution, titled: '..., said enforcement director
# Maria Lopez.', '"...," said CFTC Acting Director of Enforcement A B'
_SAID_BEFORE = re.compile(
    r"(?:,|[,.]?[\"\u201d])\s*(?:said|says|added|adds|noted|stated|explained|wrote)"
    r"(?: (?!(?:that|the (?:fine|penalty|ban|order|case))\b)[\w.'\u2019-]+){0,7}? $"
)


_BODY_SETTLED = re.compile(r"(?:settled|settles|reached a settlement|agreed a settlement) with\b")


def _speaker(m: Mention, text: str) -> bool:
    """Whether `m` only says the sentence ('..., Aquino said'): who speaks of an action
    is not its target."""
    return bool(
        text
        and _SPEAKER_AFTER.match(text, m.end)
        and _SPEAKER_BEFORE.search(text, max(0, m.start - 8), m.start)
    ) or bool(
        text
        and text.startswith(".", m.end)
        and _SAID_BEFORE.search(text, max(0, m.start - 90), m.start)
    )


def target_keys(ms: list[Mention], view: View, table: EntityTable) -> list[str]:
    """Target keys, without an organisation that only titles the person after it, or a
    speaker of a closing attribution."""
    text = view.doc_text
    kept = [
        m
        for m in ms
        if not _speaker(m, text)
        and not (m.how in ("name", "abbrev") and _titles_person(m, view, text, table))
        and not (possessive(text, m.end) and _STAFF_AFTER.match(text, m.end))
        and not (m.how == "name" and _STAFF_NOUN_AFTER.match(text, m.end))
        and not _holds_office(m, view, text, table)
        and not _PEOPLE_OF_BEFORE.search(text, max(0, m.start - 60), m.start)
        and not _OWNER_GLUED.match(text, m.end)  # "fined Huobi-owned HTX": not Huobi
        and not _titles_person_before(m, view, text, table)
        and not (
            m.key in table
            and table.get(m.key).type == TYPE.mediaoutlet
            and _TOLD_OUTLET.search(text, max(0, m.start - 30), m.start)
        )
    ]
    return list(dict.fromkeys(target_key(m, view, table) for m in kept))


_OWNER_GLUED = re.compile(OWNING_SUFFIX)
# a firm that only names the part of the person before it: "X, BTC-e exchange operator,"
_PART_AFTER = re.compile(
    r"(?: [\w-]+){0,2} (?:operator|founder|co-founder|owner|administrator|chief executive"
    r"|CEO|director|head|boss|chairman|employee|developer)\b(?=[,.;)]| and\b)"
)


def _titles_person_before(m: Mention, view: View, text: str, table: EntityTable) -> bool:
    """'sentenced Tom Reyes, BTC-e exchange operator, to five years': BTC-e names what the
    person before it is, and is no party."""
    if not text.startswith(", ", m.start - 2) or _PART_AFTER.match(text, m.end) is None:
        return False
    before = next((x for x in reversed(view.mentions) if x.end <= m.start - 2), None)
    return (
        before is not None
        and before.end == m.start - 2
        and before.key in table
        and table.get(before.key).type == TYPE.person
    )


# the outlet an attribution names: "..., an official told The Block", "according to Reuters"
# (an outlet only: "told Zenmo to improve its controls" names a directive's party)
_TOLD_OUTLET = re.compile(
    r"\b(?:told|[Aa]ccording to|reported by|(?:in )?an interview with|speaking to) (?:The |the )?$"
)


# the firm whose people an action fell on: "arrested three executives of crypto lender X"
_PEOPLE_OF_BEFORE = re.compile(
    r"\b(?:executives|employees|officials|directors|managers|staff(?: members)?|founders"
    r"|co-founders|officers|workers|bosses|co-CEOs) of (?:the )?(?:[a-z-]+ ){0,3}$"
)


def _holds_office(m: Mention, view: View, text: str, table: EntityTable) -> bool:
    """'a lawsuit brought by New York Attorney General Letitia James', 'by SEC Chair Gary
    Gensler': the person right after a public body, joined by its title or nothing, holds
    its office and is no party."""
    if m.key not in table or table.get(m.key).type != TYPE.person:
        return False
    before = [x for x in view.mentions if x.end <= m.start and m.start - x.end <= 40]
    if not before:
        return False
    body = max(before, key=lambda x: x.end)
    return (
        body.key in table
        and table.get(body.key).type in GROUP.public_body
        and table.get(body.key).type != TYPE.court
        and PUBLIC_TITLE.fullmatch(text, body.end, m.start) is not None
    )


def _titles_person(m: Mention, view: View, text: str, table: EntityTable) -> bool:
    """'Dunamu chief executive Lee Seok-woo': Dunamu names the person's employer, not a target."""
    hit = _TITLE_AFTER.match(text, m.end) if text else None
    if hit is None:
        return False
    nxt = next((x for x in view.mentions if x.start >= hit.end() - 1), None)
    return nxt is not None and nxt.start == hit.end() - 1 and table.get(nxt.key).type == TYPE.person


def main_target(table: EntityTable) -> str | None:
    firms = [d for d in table.all() if d.type in (TYPE.exchange, TYPE.company) and not d.unnamed]
    return max(firms, key=lambda d: d.mentions).key if firms else None


def text_of(views: list[View]) -> str:
    return views[0].doc_text if views else ""


_BY_BEFORE = re.compile(r"\bby (?:the )?$")


def first_body(
    view: View, table: EntityTable, before: int | None = None, text: str = ""
) -> str | None:
    skipped_end = -1
    for m in view.mentions:
        if before is not None and m.start >= before:
            break
        if m.how == "pronoun" or m.key not in table:
            continue
        if (
            text
            and (
                possessive(text, m.end)
                or preceded_by_preposition(text, m.start)
                # the bracketed abbreviation of a name passed over: "filed with the Economic
                # Crime Suppression Division (ECD)" names no actor twice
                or (m.start == skipped_end + 2 and text[skipped_end : m.start] == " (")
            )
        ):
            # (an agent's gloss stays: "a statement published by the Saudi Arabian Monetary
            # Authority (SAMA) warns" is SAMA's)
            if not _BY_BEFORE.search(text, max(0, m.start - 8), m.start):
                skipped_end = m.end
            continue
        d = table.get(m.key)
        if d.type in GROUP.public_body and not d.unnamed:
            return m.key
    return None
