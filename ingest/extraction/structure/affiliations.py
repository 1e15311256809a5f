"""Affiliations (AFFILIATED_WITH): who holds which role where, with the role words as `role`.

Patterns: "<Org> <title> <Name>" ("SEC Chairperson Emilio Aquino", "Binance chief
executive Richard Teng"), "<Name>, <Org>'s <role>" ("Samuel Lim, Binance's former chief
compliance officer"), "<Name>, <role> of <Org>", "<Name>, who leads <Org>'s ...",
"founded by <Name>", "<Name> stepped down as <role>", "replaced him with <Name>". A
bare title ("Chair Gary Gensler") takes the nearest organisation the text names before
it, a public body for public offices and a firm for corporate ones.
"""

from __future__ import annotations

import re
from collections import Counter

from graph.ontology import GROUP, REL, TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.country_context import CountryContext
from ingest.extraction.entities.drafts import EntityTable, Mention, RelationDraft
from ingest.extraction.names.person_names import ROLE_WORDS, may_hold_role
from ingest.extraction.text.literal_gate import gate
from ingest.extraction.time_budget import check

# The role patterns are searched only where their opening words stand (`literal_gate`): a
# case-blind alternation of role words is otherwise tried at every offset of the window
# (about 0.1 ms per search for `_TITLE_BEFORE`). The optional words before a role multiply
# those opening words past the gate's default limit.
_ROLE_LITERALS = 8_000
_ROLE = gate(
    re.compile(
        rf"\b(?:(?:former|acting|interim|deputy|then-|outgoing|ex-) ?)?(?:{ROLE_WORDS})\b", re.I
    ),
    _ROLE_LITERALS,
)
_TITLE_BEFORE = gate(
    re.compile(
        rf"(?:\b(?P<its>[Ii]ts|[Tt]heir|[Hh]is|[Hh]er) )?(?:(?i:{ROLE_WORDS}) (?:and|&) )?"
        rf"(?P<role>(?:(?:former|acting|interim|deputy|"
        rf"outgoing) )?(?i:{ROLE_WORDS}))(?P<plural>s)?"
        # "assistant managing director for Capital Markets Lee Boon Ngiap"
        r"(?: for (?:[A-Z][\w&-]*|and)(?: (?:[A-Z][\w&-]*|and)){0,3})?"
        r"(?: (?:Mr|Ms|Mrs|Dr)\.?)?[, ]*$"
    ),
    _ROLE_LITERALS,
)
# "two former directors of Three Arrows Capital Pte Ltd (TACPL), Mr Zhu Su and ..."
_ROLE_OF_BEFORE = gate(
    re.compile(
        rf"\b(?P<role>(?i:{ROLE_WORDS}))s? (?:of|at) (?P<org>[^,;]{{2,80}}?)(?: \([\w.-]+\))?"
        r", (?:(?:Mr|Ms|Mrs|Dr)\.? )?$"
    )
)
# a title naming its body right before the name: "Under Secretary of the Treasury for
# Terrorism and Financial Intelligence John K. Hurley", "Deputy Governor of the Central
# Bank of Nigeria Philip Ikeazor"
_TITLE_OF_BODY = gate(
    re.compile(
        rf"\b(?P<role>(?i:{ROLE_WORDS})) (?:of|at) (?:the )?(?P<org>[A-Z][^,;()]{{1,90}}?) $"
    )
)
# between two people of one list: "Roman Storm and Roman Semenov", "A, B and C", "A, a
# Lithuanian national, and B"
_LIST_GAP = re.compile(
    r"(?:, (?:a|an|the) [^,;:.()]{1,60}?)?(?:,? and |, )(?:(?:Mr|Ms|Mrs|Dr)\.? )?"
)
# a colon list led by the firm's people: "two Garantex executives: A, B and C", "Zenmo
# Ltd's founders: A and B"
_COLON_ROLE = re.compile(rf"(?P<gap>'s | )(?P<role>(?i:{ROLE_WORDS}|employee|staff member))s?: $")
_PUBLIC_ROLES = re.compile(
    r"chair|commissioner|governor|superintendent|secretary|director|minister|president|judge|"
    r"justice|prosecutor|mayor|senator|lawmaker|attorney|inspector|chancellor|treasurer"
    r"|comptroller",
    re.I,
)
_CORPORATE_ROLES = re.compile(
    r"founder|chief|ceo|cfo|coo|cto|executive|counsel|officer|manager|head|adviser|advisor|"
    r"partner|spokes",
    re.I,
)
_ADVISER_ROLE = re.compile(r"\b(?:partner|counsel|associate|lawyer|solicitor|barrister)\b", re.I)
_JUDICIAL_ROLE = re.compile(r"\b(?:judge|justice|magistrate)s?\b", re.I)
_VERB_ROLE = re.compile(
    r"^,? (?:[^,.;]{0,60}? )?who (?P<verb>leads|heads|runs|founded|co-founded|advises|chairs|"
    r"remains|is|was|oversees|manages|operated|operates|ran|owned|owns)\b(?P<rest>[^.;]{0,80})"
)
_OWNING_VERBS = frozenset(("operated", "operates", "ran", "owned", "owns"))
_STEPPED_DOWN = re.compile(
    r"^ (?:stepped down|resigned|quit) as (?P<role>[\w -]+?)\b(?= in | after| on|,|\.)"
)
# a person who founded the organisation named right after, past an age, apposition or
# bracketed aside: "Li Wenhao, 41, a Chinese national, founded Velmora in 2018", "Dang Van
# Tho (born 1986) had established Maxx Group", "Ana Ruiz set up Korvel Capital"
_FOUNDED_AFTER = re.compile(
    r"^(?: \([^()\n]{1,60}\))?(?:, [^,.;()\n]{1,40}){0,2},? (?:(?:had|has) )?(?:also )?"
    r"(?P<verb>co-founded|founded|established|set up|co-established)(?= [A-Z])"
)
# a person who joined the organisation named right after, past asides ("John Doe, 41, a
# former regulator, joined Zolta Ltd as chief compliance officer")
_JOINED_AFTER = re.compile(
    r"^(?: \([^()\n]{1,60}\))?(?:, [^,.;()\n]{1,40}){0,2},? (?:(?:had|has) )?(?:later |then )?"
    r"joined (?=[A-Z])"
)
_JOINED_AS = re.compile(rf" as (?:a |an |its |the )?(?P<role>(?:[\w-]+ )?(?i:{ROLE_WORDS}))\b")
_FOUNDED_BY = re.compile(
    r"\b(?P<verb>founded|co-founded|created|started|launched|run|led|headed|owned|controlled)"
    r" (?:[\w ,]{0,40} )?by (?:(?:twin |his |her |the )?(?:brothers|sisters|siblings|couple"
    r"|entrepreneurs?|businessm[ae]n|businesswom[ae]n) )?$"
)  # "an exchange run by twin brothers Cameron and Tyler Winklevoss"
_ROLE_OF_VERB = {"run": "head", "led": "head", "headed": "head", "owned": "owner"}
_BARE_BODY = re.compile(r"\b(central bank|regulator|watchdog|exchange|court) $", re.I)
_BARE_TYPES = {
    "central bank": TYPE.centralbank,
    "regulator": TYPE.regulator,
    "watchdog": TYPE.regulator,
    "exchange": TYPE.exchange,
    "court": TYPE.court,
}
_FOUNDED_BY_TITLED = re.compile(
    r"\b(?P<verb>co-founded|founded) by (?:the )?[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)? "
    r"(?:[\w-]+ ){1,3}$"
)
_HIRING = tuple(
    f"{verb} {title}"
    for verb in ("employed", "hired", "appointed", "recruited", "engaged")
    for title in ("", "Mr ", "Ms ", "Mrs ", "Dr ", "Mr. ", "Ms. ", "Mrs. ", "Dr. ")
)
_HIRED_BY = re.compile(
    r"\b(?:employed|hired|appointed|recruited|engaged) (?:(?:Mr|Ms|Mrs|Dr)\.? )?$"
)
_HIRED_AS = re.compile(rf"^ as (?:a |an |its |their )?(?P<role>(?:[\w-]+ )?(?i:{ROLE_WORDS}))\b")


_SUBJECT_GAP = re.compile(r" (?:(?:had|has|have|also|then|later) )*")  # "X had also hired"


_REPLACED = re.compile(r"\b(?:replaced (?:him|her) with|succeeded by) $")
# a person named with the firm or body they are from: "Dan Orr from Zolta Ltd said"; the
# role a copula gave just before: "its chief executive is Dan Orr from Zolta Ltd"
_FROM_ORG = re.compile(r" from (?:the )?(?=[A-Z])")
_FROM_ORG_TYPES = frozenset((*GROUP.firm, *GROUP.public_body))
_TITLE_IS = re.compile(rf"\b(?P<role>(?i:{ROLE_WORDS})) (?:is|was) $")


def read_affiliations(state: ArticleState) -> list[RelationDraft]:
    """Every person-to-organisation role the text states (AFFILIATED_WITH, with `role`)."""
    doc, table = state.doc, state.table
    text = doc.text
    out: list[RelationDraft] = []
    ordered = sorted(state.mentions, key=lambda m: m.start)
    listed: tuple[int, list[tuple[str | None, str]]] = (-1, [])  # the last person's end, roles
    salience = Counter(table.resolve(m.key) for m in ordered if m.key in table)
    for i, m in enumerate(ordered):
        if m.key not in table or table.get(m.key).type != TYPE.person or m.how == "pronoun":
            continue
        if table.get(m.key).unnamed:
            continue  # "nine others", "two Acme executives": a group holds no named role
        check("affiliations")
        sent = doc.sentence_at(m.start)
        evidence = sent.text if sent else m.text
        roles = _roles_of(m, i, ordered, state, salience)
        if not roles and listed[1] and _LIST_GAP.fullmatch(text, listed[0], m.start):
            roles = listed[1]  # "co-founders Roman Storm and Roman Semenov": both
        listed = (m.end, roles)
        for org, role in roles:
            if (
                org is not None
                and _JUDICIAL_ROLE.search(role)
                and table.get(org).type
                not in (
                    TYPE.court,
                    TYPE.jurisdiction,
                )
            ):
                continue  # a judge sits on a court, never on the body whose case it heard
            if org is not None and org != m.key:
                out.append(
                    RelationDraft(
                        REL.affiliated_with,
                        m.key,
                        org,
                        evidence,
                        0.75,
                        properties={"role": role} if role else {},  # "X joined Y": no role told
                    )
                )
        prev_person = _replaced(m, i, ordered, text, table, out)
        if prev_person is not None:
            out.append(prev_person)
    return out


def _roles_of(
    m: Mention, i: int, ordered: list[Mention], state: ArticleState, salience: Counter[str]
) -> list[tuple[str | None, str]]:
    text, table, ctx = state.doc.text, state.table, state.country
    found: list[tuple[str | None, str]] = []
    line_start = text.rfind("\n", 0, m.start) + 1
    before = text[max(line_start, m.start - 80) : m.start]
    title = _TITLE_BEFORE.search(before) if may_hold_role(before) else None
    role_of = _ROLE_OF_BEFORE.search(before) if title is None and may_hold_role(before) else None
    titled_of = (
        _TITLE_OF_BODY.search(before)
        if title is None and role_of is None and may_hold_role(before)
        else None
    )
    if titled_of:
        org_start = m.start - len(before) + titled_of.start("org")
        org = next((x.key for x in ordered[:i] if x.start == org_start and _is_org(x, table)), None)
        if org is not None:
            found.append((org, titled_of.group("role").lower()))
    colon = _COLON_ROLE.search(before) if before.endswith(": ") else None
    if colon is not None:
        org_end = m.start - len(before) + colon.start()
        org = next(
            (x.key for x in reversed(ordered[:i]) if x.end == org_end and _is_org(x, table)),
            None,
        )
        if org is not None:
            found.append((org, colon.group("role").lower()))
    if role_of:
        org_start = m.start - len(before) + role_of.start("org")
        org = next((x.key for x in ordered[:i] if x.start >= org_start and _is_org(x, table)), None)
        if org is not None:
            found.append((org, role_of.group("role").lower()))
    if title:
        role = title.group("role").lower()
        title_at = m.start - len(before) + title.start()
        org = (
            _org_inside_title(ordered, i, title_at, table)
            or _org_before_title(ordered, i, title_at, text, table)
            or _org_right_after(ordered, i, text, table)
        )
        owners = _listed_owners(ordered, i, title_at, text, table)
        if title.group("its"):
            its = next((x for x in ordered if x.start == title_at and x.how == "pronoun"), None)
            org = its.key if its is not None and _is_org(its, table) else org
        if title.group("its") in ("their", "Their") and len(owners) > 1:
            found += [(owner, role) for owner in owners[:-1]]  # "A, B and their founder X"
            org = owners[-1]
        if org is None and _PUBLIC_ROLES.search(role):
            org = _country_of_office(text, title_at, table, ctx)  # "Montenegro's justice minister"
        if org is None:
            sentence = state.doc.sentence_at(m.start)
            org = _nearest_org(
                ordered,
                i,
                table,
                role,
                ctx,
                salience=salience,
                title=title.group(),
                sentence=sentence.text if sentence is not None else "",
            )
        found.append((org, role))
    founded = _FOUNDED_BY.search(before) if " by " in before else None  # no newline in it
    if founded is not None:
        role = _ROLE_OF_VERB.get(founded.group("verb"), "founder")
        org = _nearest_org(ordered, i, table, role, ctx, same_sentence=True, any_type=True)
        if org is not None and table.get(org).type == TYPE.cryptoasset:
            table.get(org).type = TYPE.company  # what someone founded is an organisation
        found.append((org, role))
    elif title is not None and "by " in before:
        titled = _FOUNDED_BY_TITLED.search(before)  # "co-founded by OpenAI chief executive X"
        if titled is not None:
            verb_at = m.start - len(before) + titled.start()
            org = next(
                (
                    x.key
                    for x in reversed(ordered[:i])
                    if x.end <= verb_at and x.sentence == m.sentence and _is_org(x, table)
                ),
                None,
            )
            if org is not None:
                found.append(
                    (
                        org,
                        titled.group("verb")
                        .replace("co-founded", "co-founder")
                        .replace("founded", "founder"),
                    )
                )
    tail = text[m.end : m.end + 160]
    hired = _HIRED_AS.match(tail) if before.endswith(_HIRING) else None
    hirer = _HIRED_BY.search(before) if hired is not None else None
    if hired is not None and hirer is not None:  # "X had employed Y as a manager"
        verb_at = m.start - len(before) + hirer.start()
        org = next(
            (
                x.key
                for x in reversed(ordered[:i])
                if (x.how != "pronoun" or table.get(x.key).type in GROUP.firm)
                and _is_org(x, table)
                and _SUBJECT_GAP.fullmatch(text, x.end, verb_at)
            ),
            None,
        )
        if org is not None:
            found.append((org, hired.group("role").lower()))
    appos = re.match(  # "X, Assistant Managing Director (Policy, Payments), MAS, said"
        r"^, (?P<body>[^,;.()]*(?: \([^()]{1,80}\))?(?:, [^,;.]*?)?)"
        r"(?:,|\.|:| said| says|(?<=\)) (?=[a-z]+ed\b))",  # "..., head of X (ABBR) warned"
        tail,
    )
    if appos and not _VERB_ROLE.match(tail):
        body = appos.group("body")
        role_m = _ROLE.search(body) if may_hold_role(body) else None
        if role_m:
            org = _org_inside(ordered, i, m.end, m.end + 2 + appos.end("body"), table)
            if org is None and _SIGNED_BY.search(before):
                # "a circular signed by X, director for banking supervision": an official
                # of the body whose document it is, the article's salient public body
                org = _salient_public_body(salience, table)
            if org is not None:
                # "head of Bank Indonesia's office": the body's name is no part of the role
                role = re.sub(r" of [A-Z].*", "", role_m.group()).lower()
                found.append((org, role))
    verb = _VERB_ROLE.match(tail)
    if verb:
        rest = verb.group("rest")
        role_m = _ROLE.search(rest) if may_hold_role(rest) else None
        role = (
            role_m.group().lower()
            if role_m
            else {
                "leads": "head",
                "heads": "head",
                "runs": "head",
                "founded": "founder",
                "advises": "adviser",
                "chairs": "chair",
                "operated": "operator",
                "operates": "operator",
                "ran": "head",
                "owned": "owner",
                "owns": "owner",
            }.get(verb.group("verb"), "")
        )
        end = m.end + verb.end()
        if verb.group("verb") in _OWNING_VERBS:  # "who operated X, was ...": X alone
            end = m.end + verb.start("rest") + len(rest.split(",")[0])
        org = _org_inside(ordered, i, m.end, end, table) or (
            _nearest_org(ordered, i, table, role, ctx) if re.search(r"\bits\b", rest) else None
        )
        if role:
            found.append((org, role))
    joined = _JOINED_AFTER.match(tail) if verb is None else None
    if joined:  # "John Doe, the former head of the SEC, joined Zolta Ltd in 2022"
        org = _org_inside(ordered, i, m.end + joined.end(), m.end + joined.end() + 2, table)
        if org is not None:
            role_m = _JOINED_AS.search(text, m.end + joined.end(), m.end + joined.end() + 80)
            found.append((org, role_m.group("role").lower() if role_m else ""))
    founded = _FOUNDED_AFTER.match(tail) if verb is None else None
    if founded:  # "Li Wenhao, 41, a Chinese national, founded Velmora in 2018"
        org = _org_inside(ordered, i, m.end + founded.end(), m.end + founded.end() + 2, table)
        if org is not None:
            verb_word = founded.group("verb")
            found.append((org, "co-founder" if verb_word.startswith("co-") else "founder"))
    came = _FROM_ORG.match(tail) if not found else None
    if came:  # "its CEO is Nicholas Orr from Harbour Vale Markets", "Dan Orr from Zolta said"
        org = _org_inside(ordered, i, m.end + came.end(), m.end + came.end() + 2, table)
        if org is not None and table.get(org).type in _FROM_ORG_TYPES:
            titled = _TITLE_IS.search(text, max(0, m.start - 40), m.start)
            found.append((org, titled.group("role").lower() if titled else ""))
    down = _STEPPED_DOWN.match(tail)
    if down:
        found.append(
            (
                _nearest_org(ordered, i, table, "chief executive", ctx),
                "former " + down.group("role").strip().lower(),
            )
        )
    return found


def _org_inside_title(
    ordered: list[Mention], i: int, title_at: int, table: EntityTable
) -> str | None:
    """The organisation a title names inside itself: "the head of the monetary regulator,
    X" (a role word that takes an "of" phrase, ROLE_WORDS' "head of ...")."""
    person = ordered[i]
    inside = [
        x for x in ordered[:i] if x.start > title_at and x.end <= person.start and _is_org(x, table)
    ]
    return inside[-1].key if inside else None


def _org_before_title(
    ordered: list[Mention], i: int, title_start: int, text: str, table: EntityTable
) -> str | None:
    bare = _BARE_BODY.search(text[max(0, title_start - 30) : title_start])
    if bare:
        wanted = _BARE_TYPES[bare.group(1).lower()]
        for x in reversed(ordered[:i]):
            if x.key in table and table.get(x.key).type == wanted and not table.get(x.key).unnamed:
                return x.key
        found = [d for d in table.all() if d.type == wanted and not d.unnamed]
        if len(found) == 1:
            return found[0].key
    for x in reversed(ordered[:i]):
        if x.end > title_start:
            continue
        gap = text[x.end : title_start]
        # "SEC's", "UIF-Mexico's" (the place that qualifies a body's abbreviation), "MAS (x)"
        if re.fullmatch(r"(?:-[A-Z][a-z]+)?(?:'s)?(?: \([A-Z][\w-]*\))? ?", gap) and _is_org(
            x, table
        ):
            return x.key
        break
    return None


_GAP_TO_ORG = re.compile(r"(?:,| of| at)? (?:the )?")


def _org_right_after(ordered: list[Mention], i: int, text: str, table: EntityTable) -> str | None:
    """ "Under Acting Chairman Mark Uyeda, the SEC ...", "Commissioner X of the DFPI": the
    organisation that follows the name."""
    if i + 1 >= len(ordered):
        return None
    x = ordered[i + 1]
    gap = text[ordered[i].end : x.start]
    return x.key if _GAP_TO_ORG.fullmatch(gap) and _is_org(x, table) else None


def _org_inside(
    ordered: list[Mention], i: int, start: int, end: int, table: EntityTable
) -> str | None:
    for x in ordered[i + 1 :]:
        if x.start >= end:
            break
        if x.start >= start and _is_org(x, table):
            return x.key
    return None


_OWNER_GAP = re.compile(r",? and |, ")


def _listed_owners(
    ordered: list[Mention], i: int, title_at: int, text: str, table: EntityTable
) -> list[str]:
    """The organisations listed right before a title: "A, B, and their founder X": A, B."""
    owners: list[str] = []
    edge = title_at
    for x in reversed(ordered[:i]):
        if x.end > edge or x.how == "pronoun" and x.start >= title_at:
            continue
        if not _is_org(x, table) or not _OWNER_GAP.fullmatch(text, x.end, edge):
            break
        owners.insert(0, x.key)
        edge = x.start
    return owners


def _is_org(x: Mention, table: EntityTable) -> bool:
    return (
        x.key in table
        and table.get(x.key).type in GROUP.organisation
        and not table.get(x.key).unnamed
    )


# a document signed by the person (and perhaps another before): "a circular signed by X,"
_SIGNED_BY = re.compile(r"\b(?:signed|issued|authored|undersigned) by (?:[^.;:]{1,80}?,? and )?$")


def _salient_public_body(salience: Counter[str], table: EntityTable) -> str | None:
    """The public body the article names most often, if one clearly leads."""
    bodies = [
        (n, k)
        for k, n in salience.most_common()
        if k in table and table.get(k).type in GROUP.public_body and not table.get(k).unnamed
    ]
    if not bodies or (len(bodies) > 1 and bodies[1][0] == bodies[0][0]):
        return None
    return bodies[0][1]


def _nearest_org(
    ordered: list[Mention],
    i: int,
    table: EntityTable,
    role: str,
    ctx: CountryContext,
    same_sentence: bool = False,
    any_type: bool = False,
    salience: Counter[str] | None = None,
    title: str | None = None,
    sentence: str = "",
) -> str | None:
    """The organisation a role without one named beside it belongs to (`salience`: how
    often the article names each entity; `title`: the whole title, "Director and CEO";
    `sentence`: the person's sentence, whose country a head of government serves)."""
    salience = salience or Counter()
    if re.search(r"\b(?:president|prime minister)\b", role):
        head_of = _head_of_state_org(ordered, i, table, ctx, sentence)
        if not isinstance(head_of, bool):
            return head_of
        gov = next((d for d in table.all() if d.name.startswith("Government of")), None)
        if gov is not None:
            return gov.key
        place = table.find(ctx.main_country) if ctx.main_country else None
        return place.key if place is not None else None
    if _JUDICIAL_ROLE.search(role):
        return _court_of_judge(ordered, i, table)
    public = bool(_PUBLIC_ROLES.search(role)) and not _CORPORATE_ROLES.search(role)
    wanted = GROUP.public_body if public else GROUP.firm
    if "prosecutor" in role:
        wanted = wanted - {TYPE.court}  # a prosecutor pleads before a court, not on it
    if "founder" in role:
        wanted = wanted | {TYPE.app}  # "co-founders X and Y" of a mixer or wallet app
    if title is not None and _PUBLIC_ROLES.search(title) and _CORPORATE_ROLES.search(title):
        wanted = GROUP.public_body | GROUP.firm  # "Director and Chief Executive": either
    sent = ordered[i].sentence
    reach = 0 if same_sentence else 2
    candidates: list[Mention] = []
    for x in reversed(ordered[:i]):  # mentions are in text order: stop past the reach
        if sent - x.sentence > reach:
            break
        candidates.append(x)
    for x in candidates:
        if x.key not in table or table.get(x.key).unnamed:
            continue
        t = table.get(x.key).type
        if any_type and t in GROUP.organisation | {TYPE.cryptoasset}:
            return x.key
    fitting = [
        x
        for x in candidates
        if x.key in table and table.get(x.key).type in wanted and not table.get(x.key).unnamed
    ]
    if fitting:
        # a bare title belongs to an organisation of its own sentence (the nearest, an
        # exchange first), else to the one the passage is about: of those in reach, the
        # one the article names most (ties: the nearest)
        def rank(pos: int, x: Mention) -> tuple[bool, int, bool, int]:
            exchange = public or (
                table.get(x.key).type == TYPE.exchange and not _ADVISER_ROLE.search(role)
            )  # a partner or counsel belongs to the nearest firm, seldom to an exchange
            here = x.sentence == sent
            return (here, 0 if here else salience.get(table.resolve(x.key), 0), exchange, -pos)

        key = max(enumerate(fitting), key=lambda px: rank(*px))[1].key
        if table.get(key).type == TYPE.app:
            table.get(key).type = TYPE.company  # what someone founded is an organisation
        return key
    if same_sentence:
        return None
    # further back: the article's one organisation of the wanted kind, if it has only one
    # ("Director and Chief Executive Sarah Paquet said" paragraphs after FINTRAC is named),
    # or the one the article is plainly about (named at least 1.5 times as often as any other)
    earlier: set[str] = set()
    for x in ordered[:i]:
        if x.key in table and table.get(x.key).type in wanted and not table.get(x.key).unnamed:
            earlier.add(table.resolve(x.key))
    if len(earlier) > 1:
        ranked = sorted(earlier, key=lambda k: -salience.get(k, 0))
        if 2 * salience.get(ranked[0], 0) < 3 * max(salience.get(ranked[1], 0), 1):
            return None
        earlier = {ranked[0]}
    chosen = earlier.pop() if earlier else None
    if chosen is not None and table.get(chosen).type == TYPE.app:
        table.get(chosen).type = TYPE.company  # what someone founded is an organisation
    return chosen


_CAPITAL_WORD = re.compile(r"\b[A-Z][a-z]+\b")


_PLACE_OWNS = re.compile(r"\b([A-Z][\w.]*(?: [A-Z][\w.]*)?)'s (?:[a-z-]+ ){0,2}$")


def _country_of_office(
    text: str, title_at: int, table: EntityTable, ctx: CountryContext
) -> str | None:
    """A public office a country's possessive names ("Montenegro's justice minister") is
    held in that country's government (or the country, when the article names no
    government of it)."""
    owner = _PLACE_OWNS.search(text, max(0, title_at - 50), title_at)
    if owner is None:
        return None
    place = table.find(owner.group(1))
    if place is None or place.type != TYPE.jurisdiction:
        return None
    gov = table.find(f"Government of {place.name}")
    return gov.key if gov is not None else place.key


def _head_of_state_org(
    ordered: list[Mention], i: int, table: EntityTable, ctx: CountryContext, sentence: str
) -> str | None | bool:
    """Whose president or prime minister: a government of a country the sentence names
    or qualifies; else the one country a demonym of the sentence gives ("Polish lawmakers
    ... President X": Poland, never another country's government); False when the
    sentence says nothing of a country."""
    sent = ordered[i].sentence
    named = {
        ctx.country_of(table.get(x.key).name)
        for x in ordered
        if x.sentence == sent and x.key in table and table.get(x.key).type == TYPE.jurisdiction
    }
    demonyms = {
        ctx.country_of(country)
        for word in _CAPITAL_WORD.findall(sentence)
        if (country := ctx.index.country_of_adjective(word))
    }
    for d in table.all():
        if d.name.startswith("Government of") and d.jurisdiction:
            if ctx.country_of(d.jurisdiction) in named | demonyms:
                return d.key
    if len(demonyms) != 1:
        return False
    country = demonyms.pop()
    found = table.find(f"Government of {country}") or table.find(country)
    return found.key if found is not None else None


def _court_of_judge(ordered: list[Mention], i: int, table: EntityTable) -> str | None:
    """A judge sits on a court: the one named in the same sentence (before or after), else
    the nearest one before, else the article's only court."""
    sent = ordered[i].sentence

    def court(x: Mention) -> bool:
        return x.key in table and table.get(x.key).type == TYPE.court

    same = [x for x in ordered if x.sentence == sent and court(x)]
    if same:
        return min(same, key=lambda x: abs(x.start - ordered[i].start)).key
    before = next((x for x in reversed(ordered[:i]) if court(x)), None)
    if before is not None:
        return before.key
    courts = {x.key for x in ordered if court(x)}
    return courts.pop() if len(courts) == 1 else None


def _replaced(
    m: Mention,
    i: int,
    ordered: list[Mention],
    text: str,
    table: EntityTable,
    so_far: list[RelationDraft],
) -> RelationDraft | None:
    before = text[max(0, m.start - 40) : m.start]
    if not _REPLACED.search(before):
        return None
    for x in reversed(ordered[:i]):
        if x.key in table and table.get(x.key).type == TYPE.person and x.key != m.key:
            prior = next((r for r in so_far if r.source == x.key), None)
            if prior is not None:
                role = str(prior.properties.get("role", "")).replace("former ", "")
                return RelationDraft(
                    REL.affiliated_with,
                    m.key,
                    prior.target,
                    prior.evidence,
                    0.7,
                    properties={"role": role},
                )
            return None
    return None
