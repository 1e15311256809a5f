"""The `actions` stage: action and referral relations (BANNED ... LICENSED, REFERRED_BY).

Per sentence, each trigger (`triggers`) is read with syntax-light rules: the actor
is the clause's subject when it is a public body (or a country), the agent after
'by'/'with'/'from' for passives and receivers (`roles`), or, when the clause names
none ("Those arrested include ...", "KuCoin has been barred ..."), the body that
acted just before or, in a lede, the one named next (`implicit_roles`). Targets are
the eligible entities on the object side of the clause. Negated or hedged triggers
("did not", "plans to", "asked ... to block") and quoted speech yield nothing.
"""

from __future__ import annotations

import re

from graph.ontology import ENDED, GROUP, REL, TYPE
from graph.partial_dates import PartialDate
from ingest.extraction.actions.action_drafts import (
    ActionHistory,
    action_drafts,
    case_referrals,
    date_the_news,
)
from ingest.extraction.actions.action_status import is_court, set_status
from ingest.extraction.actions.case_penalty import case_party
from ingest.extraction.actions.clauses import (
    clauses_of,
    modifier,
    possessive,
    preceded_by_preposition,
)
from ingest.extraction.actions.closing_warnings import closing_warning, warned_in_words
from ingest.extraction.actions.date_restatements import date_added_measures
from ingest.extraction.actions.elsewhere import placed_elsewhere
from ingest.extraction.actions.filed_cases import filed_cases
from ingest.extraction.actions.government_restatements import drop_government_restatements
from ingest.extraction.actions.group_examples import group_examples
from ingest.extraction.actions.heading_dates import date_sections
from ingest.extraction.actions.headline_items import headline_only
from ingest.extraction.actions.implicit_roles import (
    co_actors,
    deciding_body,
    fallback_actor,
    issuing_body,
    listed_head,
    main_subject,
    relative_target,
)
from ingest.extraction.actions.imposing_relatives import imposing_relative
from ingest.extraction.actions.instrument_references import retype_retold
from ingest.extraction.actions.judge_subjects import body_for_person
from ingest.extraction.actions.kind_subjects import agent_kind_mismatch, kind_mismatch
from ingest.extraction.actions.listed_items import listed_items
from ingest.extraction.actions.named_next import drop_named_next
from ingest.extraction.actions.quoted_speech import in_quoted_speech, states_own_act
from ingest.extraction.actions.retold_amounts import amount_of_told_fine
from ingest.extraction.actions.retold_dates import date_as_told
from ingest.extraction.actions.roles import (
    HEADS_BODY,
    View,
    actor_key,
    agent_after,
    antecedent,
    eligible,
    is_actor,
    read_roles,
)
from ingest.extraction.actions.settled_payments import pays_to_settle, settling_body
from ingest.extraction.actions.span_negation import negated_span
from ingest.extraction.actions.specified_actors import specified_actors
from ingest.extraction.actions.told_endings import definite_object, end_told, licence_pronoun_end
from ingest.extraction.actions.triggers import Trigger, find_triggers, hedged
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import EntityTable, Mention, Refusal, RelationDraft
from ingest.extraction.text.document import Document, Sentence
from ingest.extraction.text.scanning import scanner_of
from ingest.extraction.time_budget import check


def read_actions(state: ArticleState) -> list[RelationDraft]:
    """Every action and referral the sentences state, in sentence order."""
    doc = state.doc
    by_sent: dict[int, list[Trigger]] = {}
    for trig in retype_retold(find_triggers(doc.text, 0, scanner_of(doc)), doc):
        sent = doc.sentence_at(trig.start)
        if sent is not None:
            by_sent.setdefault(sent.index, []).append(trig)
    per_sentence: dict[int, list[Mention]] = {}
    for m in state.mentions:
        per_sentence.setdefault(m.sentence, []).append(m)
    views = [
        _view(s, per_sentence.get(s.index, []), by_sent.get(s.index, []), doc)
        for s in doc.sentences
    ]
    history = ActionHistory()
    history.dates_of(state)  # read before the first action: an ending may come first
    headlines: list[tuple[int, RelationDraft]] = []  # a heading's, kept if its body is silent
    for view in views:
        check("actions")
        if view.sent.heading and view.sent.text.endswith("?"):
            continue
        told = headlines if view.sent.heading else history.relations
        for i, trig in enumerate(view.triggers):
            offset = trig.start - view.sent.start
            if in_quoted_speech(view.sent.text, offset) and not states_own_act(
                view.sent, offset, view.mentions, state.table
            ):
                continue  # inside a quotation: speech, not the article's statement of fact
            cid = view.clauses.of(trig.start)
            stop = next(
                (
                    t.start
                    for t in view.triggers[i + 1 :]
                    if t.start >= trig.end
                    and t.type != trig.type
                    and view.clauses.of(t.start) == cid
                    and not (trig.voice == "receiver" and t.voice == "nominal")
                ),
                view.sent.end,
            )
            for rel in _apply(trig, stop, view, views, state, history):
                told.append((view.sent.index, rel))
        if not view.sent.heading:
            case_referrals(view, state.table, history)
    history.relations += headline_only(headlines, history.relations, views, state.table)
    history.relations += listed_items(views, state, history)
    history.relations += group_examples(views, state, history.relations)  # "Among them was X"
    history.relations += filed_cases(views, state, history.relations)  # "a pleading filed by X"
    specified_actors(views, state, history.relations)  # "a directive issued by the TRC"
    drop_named_next(history.relations, state.table)  # "against an individual ... Eric Powers"
    # "fined by the Turkish government": the fine a Turkish body imposed, told again
    history.relations = drop_government_restatements(history.relations, state)
    date_added_measures([s.text for s in doc.sentences], history.relations)
    date_sections(history.relations, doc.sentences, state.published)
    date_the_news(state, history)
    return [r for _, r in history.relations]


# a place written before the unit it qualifies ("its ADGM subsidiary", "the UK arm")
_PLACE_AS_MODIFIER = re.compile(
    r" (?:[a-z-]+ ){0,2}?(?:subsidiary|subsidiaries|unit|units|arm|branch|branches|affiliate"
    r"|affiliates|entity|entities|operations?|business|office|offices|states|provinces|users"
    r"|customers|clients|investors|residents|citizens|nationals|traders)\b"
)


def _view(sent: Sentence, inside: list[Mention], triggers: list[Trigger], doc: Document) -> View:
    """The sentence's mentions (outermost only), clauses and triggers."""
    ments: list[Mention] = []
    reach = -1
    for m in sorted(inside, key=lambda x: (x.start, -(x.end - x.start))):
        if m.end <= reach and ments and ments[-1].end - ments[-1].start > m.end - m.start:
            continue  # nested inside a longer mention ("13 apps involved in crypto trading")
        if m.type == TYPE.jurisdiction and _PLACE_AS_MODIFIER.match(doc.text, m.end):
            continue  # "Hayvn Cayman's ADGM subsidiary", "25 U.S. states": the place never acts
        ments.append(m)
        reach = max(reach, m.end)
    return View(sent, ments, clauses_of(doc, sent, inside), triggers, doc.text)


def _apply(
    trig: Trigger,
    stop: int,
    view: View,
    views: list[View],
    state: ArticleState,
    history: ActionHistory,
) -> list[RelationDraft]:
    """The relations one trigger states; `stop`: where its object side ends."""
    text, table = state.doc.text, state.table
    if _ACCUSE.match(text, trig.start) and not _LEGAL_VEHICLE.search(view.sent.text):
        return []  # "the agency accused X of fraud": an accusation, no case brought
    how = licence_pronoun_end(trig, text)
    if how is not None and end_told(
        REL.licensed, None, how, view.sent.index, history.relations, table
    ):
        return []  # "granted X a licence, but suspended it": the licence ended, no ban
    if text.startswith(", accusing", trig.start - 2) and any(
        t.end <= trig.start for t in view.triggers
    ):
        return []  # "X sanctioned Y, accusing it of ...": the accusation restates the action
    cid = view.clauses.of(trig.start)
    in_clause = [
        m
        for m in view.mentions
        if view.clauses.of(m.start) == cid
        and not (m.start == view.sent.start and text.startswith(": ", m.end))
    ]  # (a digest's label, "Australia: A judge ordered ...", is no party of the sentence)
    before = [m for m in in_clause if m.end <= trig.start]
    aside = _DASH_ASIDE.search(text, view.sent.start, trig.start)
    if aside is not None:  # "Regulators in seven states - A, B and C - also sued X": the
        # subject is before the aside, which only lists what it names
        before = [
            m for m in view.mentions if view.sent.start <= m.start and m.end <= aside.start()
        ] + [m for m in before if m.start >= aside.end()]
    if pays_to_settle(trig, text):  # "pays a fine to settle charges brought by Y": Y's
        stop = view.sent.end
    after = [m for m in in_clause if trig.end <= m.start < stop]
    after += imposing_relative(trig, view, text)  # "The ban, which the FCA imposed on X, ..."
    after += _list_run(after, view, stop, text)
    after = _removed_from(trig, [m for m in after if not _teller(m, text, table)], text)
    if trig.voice == "passive":
        before = _own_passive_subjects(trig, before, view, table)
        if not before and _BUT_PASSIVE.fullmatch(
            text, view.clauses.start_of(trig.start), trig.start
        ):
            # "X fled the country but was later arrested": the first clause's subject
            shared = main_subject(view, trig.start, text)
            before = [shared] if shared is not None else []
    subject = next(
        (
            m
            for m in reversed(before)
            if not possessive(text, m.end)
            and not preceded_by_preposition(text, m.start)
            and (not modifier(text, m.end) or _body_staff(m, text, table))
            and m.text.lower() != "its"
            and not _parenthesised(text, m)  # "X of Y (YZ) fined": "(YZ)" names Y, not X
            and not HEADS_BODY.search(text, max(0, m.start - 60), m.start)  # "X, led by Y,"
        ),
        None,
    )
    decider = deciding_body(trig, before, text, table) if trig.voice == "active" else None
    if decider is None and subject is None and trig.voice == "active":
        decider = issuing_body(trig, after, text, table)
        if decider is not None:  # "an order barring Y was issued by X": X's order
            after = [m for m in after if m.end <= decider.start]
    if decider is not None:  # "X's decision to block Y", "an order by X blocking Y"
        subject = decider
        history.decided.add(trig.start)
    if subject is None and cid in view.clauses.antecedent:
        subject = antecedent(view, view.clauses.antecedent[cid])
        if (
            subject is not None
            and _BODY_ACTS.fullmatch(text, view.clauses.antecedent[cid], trig.start)
            and preceded_by_preposition(text, subject.start)
        ):
            subject = None  # "At the request of the SEC, a court froze ...": no apposition
    if subject is not None and trig.voice in ("active", "span"):
        subject = body_for_person(subject, state.mentions, text, table) or subject
    window_start = view.clauses.start_of(trig.start)
    if subject is None and trig.start == window_start + 2 and _PARTICIPLE.match(text, window_start):
        subject = main_subject(view, window_start, text)  # "X sanctioned Y, accusing it of ..."
    if subject is not None and _NEW_SUBJECT.search(text, window_start, subject.start):
        window_start = subject.start  # "X asked Y to block Z, and the Centre blocked Z"
    if (
        subject is not None
        and not is_actor(subject, table)
        and _COORDINATED_VERB.search(text, max(0, trig.start - 30), trig.start)
    ):  # "X fined Y in March and later ordered it to stop": X did both
        first = next(
            (
                m
                for m in before
                if is_actor(m, table) and m.how != "pronoun" and not possessive(text, m.end)
            ),
            None,
        )
        subject = first if first is not None and first.start < subject.start else subject
    # "the US regulator has dropped its case", "U.S. regulators are suing X": the place
    # names whose body acted, not the body; only an action told before may say which
    place_body = (
        subject is not None
        and subject.type == TYPE.jurisdiction
        and _REGULATOR_AFTER.match(text, subject.end) is not None
    )
    if place_body:
        subject = None
    subject_acts = subject is not None and is_actor(subject, table)
    closing = closing_warning(trig, subject, text)
    if (
        trig.voice != "case"
        and (trig.voice != "nominal" or subject is None or subject_acts)
        and hedged(
            text[
                (
                    subject.start
                    if closing and subject
                    else _conjunct_start(text, window_start, trig.start)
                ) : trig.start
            ]
        )
        and not (trig.voice == "nominal" and _CONTESTED.search(text, window_start, trig.start))
    ):
        return []
    if (
        trig.voice == "nominal"
        and not subject_acts
        and _BACK_REFERENCE.search(text, max(window_start, trig.start - 40), trig.start)
    ):
        return []  # "the size of these penalties underscores ...": ones told before
    if trig.voice == "span" and negated_span(text, trig.obj_start, trig.obj_end):
        return []  # "told Reuters it had not given X any deadline to cease": no directive
    if trig.voice == "nominal" and _FACES_MAYBE.search(text, window_start, trig.start):
        return []  # "X may face a penalty", "could face charges": a risk, not an action
    if _RISKS_BEING.search(text, window_start, trig.start):
        return []  # "it risked being fined", "faces being banned": a risk, not an action
    if trig.voice == "nominal" and trig.type == REL.fined and _conditional_fine(text, trig):
        return []  # "the threat of a daily fine", "a fine to be applied if it continues"
    if _PENDING.search(text, max(window_start, trig.start - 40), trig.start):
        return []  # "pending approval from the regulator": not given yet
    actor, targets, conf = read_roles(trig, subject, before, after, view, text, table)
    if closing and subject is not None and actor is not None and not targets:
        targets = warned_in_words(view, subject, actor, text, table)  # ", the FCA warned."
    if (
        trig.ended_how is not None
        and actor is not None
        and not targets
        and definite_object(trig, text)
        and end_told(trig.type, actor, trig.ended_how, view.sent.index, history.relations, table)
    ):
        return []  # "In 2023 the FCA suspended the licence": the one it granted, told before
    if actor is not None and not _sanctions_designation(trig, actor, text, table):
        return []  # "the SEC designated X a clearing agency": no sanctions
    if actor is None and targets and trig.voice == "passive":
        actor = _shared_agent(trig, view, text, table)  # "X was fined and Y banned by Z"
    if not targets and actor is not None and cid in view.clauses.antecedent:
        targets = relative_target(trig, subject, view, table)
    blocked = (
        subject is not None
        and trig.voice in ("active", "span")
        and (not subject_acts or (subject.how == "pronoun" and actor is None))
        and not _reports(subject, table)  # "CNN Brasil reported that one of those held was X"
    )
    if trig.voice == "prefix":
        blocked = True  # "SEC-licensed": the body is in the word or nowhere
    if subject is None and any(modifier(text, m.end) for m in before):
        blocked = True  # an unnamed body ("U.S. prosecutors") acted
    if trig.voice == "passive" and actor is None and _UNKNOWN_AGENT.match(text, trig.end):
        blocked = True  # "blocked by Roskomnadzor": an agent we could not name acted
    if trig.voice == "nominal" and actor is None and _FACING.search(text, window_start, trig.start):
        blocked = True  # "X is also facing an antitrust investigation": by whom, it is not said
    if (
        trig.voice == "active"
        and subject is None
        and _UNKNOWN_SUBJECT.search(text, window_start, trig.start)
    ):
        blocked = True  # "the SEC fined X" with "SEC" unresolved: no earlier actor
    if (
        actor is None
        and not blocked
        and (
            trig.ended_how is not None
            or trig.voice == "passive"
            or _RESTATED.search(text, max(0, trig.start - 12), trig.start)
        )
    ):
        # "X's licence was withdrawn", "the investigation slowed X's growth", "X has been
        # fined due to ...": the action the article already reported on that target, by
        # whoever took it
        actor = _who_took_it(trig.type, targets, history, table)
    if actor is None and not blocked and not place_body:
        actor = fallback_actor(trig, view, views, table, history)
        if actor is not None and (
            (
                trig.voice in ("active", "span")
                and kind_mismatch(text, window_start, trig.start, table.get(actor).type)
            )
            or (
                trig.voice == "passive"
                and agent_kind_mismatch(text, trig.end, table.get(actor).type)
            )
        ):
            actor = None  # "the court ordered X to pay": no court resolved, not the SEC
        if (
            actor is not None
            and trig.voice == "passive"
            and placed_elsewhere(actor, trig.end, after, state)
        ):
            actor = None  # "was arrested in Montenegro": not the US prosecutors named before
        conf -= 0.2
        if actor is not None and not targets and cid in view.clauses.antecedent:
            targets = relative_target(trig, subject, view, table)  # "X, which will pay"
    if trig.type == REL.fined and is_court(actor, table):
        # "the Tribunal approved a settlement between OSC staff and X that will see the
        # firm pay a penalty": the fine is the settling body's
        actor = settling_body(view.mentions, text, table) or actor
    if actor is not None and not targets:
        targets = _coordinated_target(trig, actor, view, history)
    if actor is not None and not targets:
        named = subject is not None and subject.how != "pronoun"
        targets = case_party(trig, actor, named, view.sent, history)  # "The DFPI imposed a $300,000
        # civil monetary penalty" after "a Consent Order against X"
    if actor is not None and not targets and trig.ended_how is not None and is_court(actor, table):
        # "the High Court lifted the ban on cryptocurrencies": no party named, but the words
        # end another body's ban, told before or after
        action_drafts(trig, actor, [], conf, view, state, history)
    if actor is not None and trig.type in (REL.banned, REL.warned):
        # "a cautionary statement on ICOs, specifically mentioning Kenicoin": a coin the
        # warning names outright is its target too, beside the conduct
        for m in after:
            if (
                table.get(m.key).type == TYPE.cryptoasset
                and _NAMING.search(text, max(trig.end, m.start - 40), m.start)
                and m.key not in targets
            ):
                targets.append(m.key)
    if (
        actor is not None
        and not targets
        and trig.type in (REL.banned, REL.warned)
        and trig.voice in ("active", "nominal")
    ):
        # "banned Bitcoin", "warnings by the central bank over the risks posed by bitcoin":
        # a coin is what a ban or a warning falls on only when no party is named (and it is
        # no example of what a party is banned from offering: "assets like Bitcoin")
        coin = next((m for m in after if table.get(m.key).type == TYPE.cryptoasset), None)
        if coin is not None and not _EXAMPLE_OR_PARTY.search(text, trig.end, coin.start):
            targets = [coin.key]
    if actor is not None and not targets and trig.type == REL.banned and trig.voice == "passive":
        # "the use of bitcoin is prohibited in Vietnam": the coin its subject names
        coin = next((m for m in before if table.get(m.key).type == TYPE.cryptoasset), None)
        if coin is not None and not _EXAMPLE.search(text, max(0, coin.start - 12), coin.start):
            targets = [coin.key]
    if actor is None or not targets:
        if trig.type == REL.referred_by and actor is not None:
            history.referrers.add(actor)
        if not targets and amount_of_told_fine(trig, view, history, state.country.main_country):
            return []  # "The penalty of £2 million was reduced": the fine told before
        _refuse_half(trig, actor, targets, subject, after, view, state)
        return []
    out: list[RelationDraft] = []
    actors = [actor]
    if subject is not None and subject.how != "pronoun" and actor == subject.key:
        co = co_actors(subject, before, text, table)
        head = listed_head(subject, co, before, view, table)  # "A, the B and the C fined"
        actors += co + ([head] if head is not None and head not in co + actors else [])
    elif trig.voice == "passive" or _PENALTY_TO.match(text, trig.start, trig.end):
        # "by authorities in A, B and C"; "to pay a civil penalty of $N to both A and B"
        actors += _co_agents(actor, after, text, state)  # "by authorities in A, B and C"
    # "The orders to X follow ...": an instrument named again is dated where it was told
    told = (date_as_told(trig, views, state, history),) if trig.retells >= 0 else None
    for who in actors:
        out += action_drafts(trig, who, targets, conf, view, state, history, told)
    if trig.voice == "nominal" and _WON_APPEAL.search(text, window_start, trig.start):
        for draft in out:  # "X won its appeal against the FCA's ban in March": the ban
            # was overturned then (the date told is the appeal's, not the ban's)
            won = PartialDate.parse(draft.date) if draft.date else None
            draft.date = None
            set_status(draft, ENDED.overturned, won)
    return out


# an aside set off by dashes a few words before the trigger: " - California, Kentucky and
# Vermont - also filed"
_DASH_ASIDE = re.compile(
    r" [-\u2013\u2014] [^-\u2013\u2014\n]{3,200} [-\u2013\u2014] (?:[a-z]+ ){0,3}$"
)


# between a ban or warning and a coin: the coin only an example, or a party's conduct
_NAMING = re.compile(
    r"\b(?:mentioning|naming|citing|singling out|identifying|specifically)"
    r"(?: (?:the |a )?(?:[\w-]+ )?(?:coin|token|cryptocurrency|digital currency))? $"
)
_EXAMPLE_OR_PARTY = re.compile(r"\b(?:like|such as|including|from|for)\b")
_EXAMPLE = re.compile(r"\b(?:like|such as|including) $")


# an appeal won against the action a noun names next
_WON_APPEAL = re.compile(
    r"\b(?:won|wins|winning) (?:its|an|the|their|his|her) (?:[\w-]+ )?appeal against"
    r" (?:the )?(?:[\w.&'-]+ ){0,4}$"
)


# a conjunct with a tense of its own: "has not been arrested and remains on OFAC's list",
# "did not ban X and fined Y" (not "may investigate and fine X": one hedge for both)
_OWN_TENSE = re.compile(
    r"(?:is|are|was|were|has|have|had|remains|remained|stays|stayed|[a-z]+ed)\b"
)


# a fronted clause of reason, time or concession: its words hedge nothing after its comma
# ("Since X operates without being registered, the watchdog has reprimanded it"); "if" and
# "unless" clauses are conditions and stay in scope
_FRONTED = re.compile(
    r"(?:(?:Since|Because|As|While|Although|Though|After|Once|When|Whereas|Given that)\b"
    # a request or complaint the action answered: "Through a request from the prosecutor's
    # office, the courts have ordered ...", "At the request of the SEC, a court froze ..."
    r"|(?:Through|Following|Upon|On|At|After|In response to|Acting on) (?:a|an|the) "
    r"(?:[\w-]+ )?(?:request|application|motion|petition|complaint|referral)s? (?:from|of|by)\b)"
    r"[^,;\n]{1,200}?, "
)


def _conjunct_start(text: str, start: int, trig_start: int) -> int:
    """Where the hedge scope of a trigger starts: its clause (past a fronted clause of
    reason, time or concession), or the conjunct "and" opens when that conjunct has a
    tense of its own."""
    conj = text.rfind(" and ", start, trig_start)
    if conj >= 0 and _OWN_TENSE.match(text, conj + 5):
        return conj + 5
    fronted = _FRONTED.match(text, start, trig_start)
    return fronted.end() if fronted is not None else start


# an accusation is a suit only where the sentence names the case it is made in ("sued X,
# accusing it of ...", "the complaint accuses X of ...", "charged X, accusing ...")
# an action that exists, whatever may be done about it: "said it may appeal a $25 million
# fine", "will challenge the ban", "could contest the order"
_CONTESTED = re.compile(
    r"\b(?:appeal(?:ing)?(?: against)?|challeng(?:e|ing)|contest(?:ing)?|fight(?:ing)?"
    r"|disput(?:e|ing)|comply with|complying with) (?:the |a |an |its |their |this |that )?"
    r"(?:[\w$\u20ac\u00a3\u00a5\u20b9\u20a9.,()-]+ ){0,5}?$"
)
_ACCUSE = re.compile(r"accus", re.IGNORECASE)
_LEGAL_VEHICLE = re.compile(
    r"\b(?:su(?:e|es|ed|ing|it|its)|lawsuits?|complaints?|charg(?:e|es|ed|ing)|indict\w*"
    r"|prosecut\w*|court|filing|petition|case|claims?|proceedings|action against)\b",
    re.IGNORECASE,
)

# a definite action noun restates an action already told: "the investigation had slowed it"
_RESTATED = re.compile(r"\b(?:the|this|that)\s+$", re.IGNORECASE)
# an unnamed body acting right after a phrase that ends in a name: "At the request of
# the SEC, a court froze ..." reads like an apposition ("the SEC, a court") but is none
_BODY_ACTS = re.compile(
    r", (?:the|a|an) (?:[\w-]+ ){0,2}?(?:court|tribunal|judge|regulator|watchdog|agency"
    r"|authority|authorities|police|prosecutors?|ministry|government) "
)
# a plural action noun pointing back: "these penalties", "such fines", "those two bans"
_BACK_REFERENCE = re.compile(r"\b(?:these|those|such)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


# a body's own people act for it: "Bank Indonesia officials went undercover to investigate"
_STAFF_AFTER = re.compile(r" (?:officials|officers|investigators|inspectors|agents|staff)\b")


def _body_staff(m: Mention, text: str, table: EntityTable) -> bool:
    """Whether `m`, a public body (not a place), names whose officials the next word are."""
    return (
        m.key in table
        and table.get(m.key).type in GROUP.public_body
        and _STAFF_AFTER.match(text, m.end) is not None
    )


# a passive verb phrase coordinated by "but" with the clause before: "... but was later"
_BUT_PASSIVE = re.compile(
    r",? (?:but|yet) (?:(?:was|were|is|are|has|have|had|been|\w+ly|later|then|also) )+"
)


def _list_run(after: list[Mention], view: View, stop: int, text: str) -> list[Mention]:
    """The rest of an object list the clause cutter cut off: in "A, B and C charged X, Y and
    Z", ", B and C" read as an apposition ends the verb's clause after X. Only a run that
    ends as a list does (", Y and Z"), and only past the clause's end."""
    if not after:
        return []
    last = after[-1]
    run: list[Mention] = []
    for m in view.mentions:
        if m.start < last.end or m.start >= stop:
            continue
        gap = _LIST_GAP.fullmatch(text, last.end, m.start)
        if gap is None or view.clauses.of(m.start) == view.clauses.of(after[-1].start):
            break
        run.append(m)
        last = m
        if " and " in gap.group():
            return run
    return []


_LIST_GAP = re.compile(r"(?:,? and |, )(?:the )?")
# between two coordinated passives: "fined and KuCoin was", "fined, and OKX" (then "banned")
_PASSIVE_LINK = re.compile(r",? (?:and|while|but) [^,;:.]{0,80}?(?:,? )?$")


def _own_passive_subjects(
    trig: Trigger, before: list[Mention], view: View, table: EntityTable
) -> list[Mention]:
    """A passive's targets stand after the trigger before it in the sentence: in "X was
    fined and Y was banned", only Y was banned ("X was fined and banned": both, so all)."""
    prev = next((t for t in reversed(view.triggers) if t.end <= trig.start), None)
    if prev is None:
        return before
    own = [m for m in before if m.start >= prev.end]
    return own if any(eligible(m, table) for m in own) else before


def _who_took_it(
    rtype: str, targets: list[str], history: ActionHistory, table: EntityTable
) -> str | None:
    """The actor of the latest earlier action of `rtype` on one of `targets`: the body an
    ending with no agent of its own ends ("the licence of X was revoked")."""
    wanted = {table.resolve(t) for t in targets}
    return next(
        (
            rel.source
            for _, rel in reversed(history.relations)
            if rel.type == rtype and table.resolve(rel.target) in wanted
        ),
        None,
    )


def _shared_agent(trig: Trigger, view: View, text: str, table: EntityTable) -> str | None:
    """The agent a passive shares with the coordinated passive after it: "X and Y were
    fined and Z was banned by the FCA", "X was fined, and Y banned, by the FCA"."""
    nxt = next((t for t in view.triggers if t.start >= trig.end), None)
    if nxt is None or nxt.voice != "passive" or not _PASSIVE_LINK.search(text, trig.end, nxt.start):
        return None
    later = [m for m in view.mentions if m.start >= nxt.end]
    agent = agent_after(later, text, nxt.end, table, ("by",))
    return actor_key(agent, view, table) if agent is not None else None


def _co_agents(actor: str, after: list[Mention], text: str, state: ArticleState) -> list[str]:
    """The agents listed with a passive's agent: "taken offline by authorities in the United
    States, Germany and Finland" is done by each of the three."""
    table = state.table
    at = next((i for i, m in enumerate(after) if m.key == actor), None)
    if at is None:
        return []
    kind = table.get(actor).type
    out: list[str] = []
    prev = after[at]
    for m in after[at + 1 :]:
        if not _LIST_GAP.fullmatch(text, prev.end, m.start):
            break
        if m.key not in table or not is_actor(m, table):
            break
        other = table.get(m.key).type
        if other != kind and not (kind in GROUP.public_body and other in GROUP.public_body):
            break  # (two public bodies of any kinds: "by the state attorney general and
            # seven state regulators"; places only with places)
        out.append(m.key)
        prev = m
    return out


def _refuse_half(
    trig: Trigger,
    actor: str | None,
    targets: list[str],
    subject: Mention | None,
    after: list[Mention],
    view: View,
    state: ArticleState,
) -> None:
    """Record a trigger that found one end of its relation but not the other.

    A trigger with neither end is only a word, not a candidate relation: it is not listed.
    """
    if actor is not None:
        reason = "no target recognised on the object side of the clause"
        state.refused.append(Refusal(trig.type, actor, None, view.sent.text, reason))
        return
    target = next((t for t in targets if t in state.table), None) or next(
        (m.key for m in after if m.key in state.table), None
    )  # a span's object ("ordered X to pay") is among the targets, not after the verb
    if target is None and subject is not None and trig.voice == "passive":
        target = subject.key
    if target is None:
        return
    reason = (
        "the subject is not a body that can act"
        if subject is not None and subject.key != target
        else "no actor recognised in the clause or before it"
    )
    state.refused.append(Refusal(trig.type, None, target, view.sent.text, reason))


_PARTICIPLE = re.compile(r", [a-z]+ing\b")

_COORDINATED_VERB = re.compile(
    r"\band (?:\w+ly |later |then |also |subsequently )?(?:has |have |had )?(?:also )?$"
)


def _parenthesised(text: str, m: Mention) -> bool:
    """Whether the mention is a bracketed gloss of the name before it ("(ADGM)")."""
    return text[m.start - 1 : m.start] == "(" and text[m.end : m.end + 1] == ")"


_UNKNOWN_AGENT = re.compile(r" by (?:the |a |an )?[A-Z]")
# A proper name we could not resolve right before an active verb: an acronym ("the SEC")
# or two capitalised words ("Zelkova Markets"), with at most an auxiliary or adverb between.
_UNKNOWN_SUBJECT = re.compile(
    r"(?:^|\s)(?:[A-Z]{2,}[a-z]?|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)"
    r"\s+(?:(?:has|had|have|also|then|later|subsequently|previously)\s+)*$"
)

_DESIGNATION = re.compile(r"(?:re-?)?designat(?:ed|es|ing)")
_SANCTIONS_BODY = re.compile(
    r"\b(?:Foreign Assets Control|OFAC|Treasury|Financial Sanctions|Sanctions)\b"
)
_DESIGNATED_AS = re.compile(r"(?: (?:the )?[A-Z][\w.&'-]*){1,5} (?:as|a|an) (?!result\b)")
_SANCTIONS_WORD = re.compile(r"\b(?:sanction(?:s|ed|ing)?|SDN|Specially Designated)\b")


def _sanctions_designation(trig: Trigger, actor: str, text: str, table: EntityTable) -> bool:
    """Whether a trigger is no bare designation, or one by a sanctions body ("OFAC
    designated X") or in an article about sanctions: else designating is no ban."""
    if trig.type != REL.banned or not _DESIGNATION.fullmatch(text, trig.start, trig.end):
        return True
    if _DESIGNATED_AS.match(text, trig.end):
        return False  # "designated X as a clearing agency", "... X a market maker": a role
    name = table.get(actor).name if actor in table else ""
    return bool(_SANCTIONS_BODY.search(name) or _SANCTIONS_WORD.search(text))


# a second measure joined to the first: "fined X ... and issued an institutional warning"
_AND_ISSUED = re.compile(
    r"\b(?:and|as well as)\s+(?:also\s+)?(?:issued|imposed|gave|handed(?: down)?|served|sent"
    r"|slapped)\s+(?:it\s+|them\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$"
)


def _coordinated_target(trig: Trigger, actor: str, view: View, history: ActionHistory) -> list[str]:
    """The party of the action the same body took earlier in the sentence, where this
    action noun is joined to it with "and issued ...", naming no party of its own."""
    text = view.doc_text
    if not _AND_ISSUED.search(text, max(view.sent.start, trig.start - 80), trig.start):
        return []
    earlier = [
        rel
        for at, rel in history.relations
        if at == view.sent.index and rel.source == actor and rel.type != trig.type
    ]
    return [earlier[-1].target] if earlier else []


# what something is removed from is no target: "had X's apps removed from the App Store"
_REMOVAL = re.compile(r"(?:remov|delist|tak|took|pull)", re.I)
_FROM_BEFORE = re.compile(r"\bfrom (?:the |their |its )?$")


_AND_NEXT = re.compile(r"(?:,| and| or|, and)(?: the)? ")


def _removed_from(trig: Trigger, after: list[Mention], text: str) -> list[Mention]:
    """`after` without the places a removal takes something from, and those listed
    with them ("from the App Store and Google Play")."""
    if not _REMOVAL.match(text, trig.start):
        return after
    out: list[Mention] = []
    place_end = -1
    for m in after:
        if _FROM_BEFORE.search(text, max(trig.end, m.start - 20), m.start) or (
            place_end >= 0 and _AND_NEXT.fullmatch(text, place_end, m.start)
        ):
            place_end = m.end
            continue
        out.append(m)
    return out


# who tells of an action, after its words: "..., Jordan Times has reported", "a ban
# announced by President X and reported by Y", "according to Z": the teller is no target
_TOLD_AFTER = re.compile(
    r",? (?:has |had |also )?(?:reported|reports|wrote|writes|quoted|said|says)\b"
)
_TOLD_BEFORE = re.compile(
    r"\b(?:(?:reported|announced|disclosed|quoted|cited|confirmed|stated) by|according to)"
    r"(?: the)?(?: [\w.'’-]+){0,3} $"
)


def _teller(m: Mention, text: str, table: EntityTable) -> bool:
    """Whether `m` (an outlet or a person) is who reports or announces the action."""
    if m.key not in table or table.get(m.key).type not in (TYPE.mediaoutlet, TYPE.person):
        return False
    return bool(
        _TOLD_AFTER.match(text, m.end) or _TOLD_BEFORE.search(text, max(0, m.start - 60), m.start)
    )


def _reports(subject: Mention, table: EntityTable) -> bool:
    """Whether the clause's subject is an outlet: it tells of the action, it takes none (an
    "it" an outlet was guessed for is no outlet reporting: "It closed down its platform")."""
    return (
        subject.how != "pronoun"
        and subject.key in table
        and table.get(subject.key).type == TYPE.mediaoutlet
    )


# an action the target faces or is under, with no body named: no earlier body is a guess
_FACING = re.compile(
    r"\b(?:fac(?:es|ed|ing)|(?:is|are|was|were|remains?) under) (?:an? |the )?"
    r"(?:[\w-]+ ){0,2}$"
)
_FACES_MAYBE = re.compile(
    r"\b(?:(?:may|might|could|would|will|can|to|risks?|risking) (?:\w+ )?(?:fac(?:e|es|ing)|risk)"
    r"|risks|risking|risked) (?:[\w$€£¥₹-]+ ){0,4}$"
)
_RISKS_BEING = re.compile(
    r"\b(?:risks?|risked|risking|faces?|faced|facing) (?:the (?:prospect|possibility|risk) of )?"
    r"being $"
)
_PENALTY_TO = re.compile(r"to pay .*penalt")
# a fine held over a party, not imposed: "under threat of a daily fine", "a daily fine of
# R$1,000, to be applied if the company continues", "a fine ... unless it complies"
_THREAT_BEFORE = re.compile(
    r"\b(?:threat|threats|threatened|threatening|prospect|possibility) (?:of )?(?:a |an )?"
    r"(?:[\w-]+ ){0,2}$"
)
_IF_AFTER = re.compile(
    r"[^.;]{0,80}?(?:\bto be (?:applied|imposed|charged) if\b|\bunless\b|, if\b)"
)


def _conditional_fine(text: str, trig: Trigger) -> bool:
    """Whether a fine noun is a threat held over a party rather than a fine imposed."""
    return bool(
        _THREAT_BEFORE.search(text, max(0, trig.start - 40), trig.start)
        or _IF_AFTER.match(text, trig.end)
    )


_REGULATOR_AFTER = re.compile(
    r" (?:[a-z-]+ ){0,2}?(?:regulators?|watchdogs?|supervisors?|prosecutors)\b"
)
_PENDING = re.compile(r"\bpending (?:(?:the|a|an|its|their|final|formal|regulatory) )*$")
_NEW_SUBJECT = re.compile(r"(?:,|;) (?:and|but|then) (?:the )?$")
