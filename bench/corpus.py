"""The benchmark's synthetic corpus: seeded news articles with their gold facts.

Every article is written from the ontology's action relations and the shipped gazetteer's
regulators, exchanges and countries (plus invented exchanges, one per ten articles, so the
number of entities grows with the corpus as in real news): a regulator takes one to three
actions against exchanges, dated, a fine with its amount, and some exchanges' headquarters
are named. What each sentence states is recorded as the article's gold facts (typed entity
ids and (relation, source id, target id) triples, ids from `graph.ids.entity_id`), so an
extraction of the corpus can be scored (`score`).

The same seed and size give the same corpus, byte for byte; a bigger corpus starts with
the smaller one (article i depends only on the seed and i), so figures at several sizes
describe one growing corpus.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from graph.ids import entity_id
from graph.models import Article, Extraction
from graph.ontology import REL, TYPE
from ingest.gazetteer import GazetteerEntry, load_gazetteer

FIRST_DAY = dt.date(2017, 1, 1)
DAYS = 3000
INVENTED_PER_ARTICLE = 0.1  # invented exchanges per article of corpus
SYLLABLES = "ka lo mi zu ve ra to ni sha dor bex qui lum fen gar hol jun pry sto vel".split()
FILLER = (
    "Trading volumes fell in the following week.",
    "Analysts expect more scrutiny of the sector this year.",
    "Prices of the largest tokens were little changed.",
    "Lawyers said the case could take months to resolve.",
    "Industry groups have asked for clearer rules.",
    "The market has grown quickly since the last cycle.",
)

# One sentence per action: {R} the regulator, {X} the exchange, {D} the date, {A} an amount.
SENTENCES = {
    REL.fined: "The {R} fined {X} ${A} million on {D} for breaching anti-money-laundering rules.",
    REL.banned: "The {R} banned {X} on {D}, ordering it to stop serving local customers.",
    REL.sued: "The {R} sued {X} on {D}, accusing it of offering unregistered securities.",
    REL.warned: "The {R} warned {X} on {D} that it was operating without a licence.",
    REL.investigated: "The {R} opened an investigation into {X} on {D}.",
    REL.licensed: "The {R} granted {X} a licence on {D}.",
    REL.blocked: "The {R} blocked {X}'s website on {D}.",
}
HEADQUARTERS = "{X} is headquartered in {C}."

Fact = tuple[str, str, str]  # (relation type, source id, target id)


@dataclass(frozen=True)
class GoldArticle:
    """One synthetic article and what it states: typed entity ids and facts."""

    article: Article
    entities: frozenset[tuple[str, str]]  # (type, id)
    facts: frozenset[Fact]


@dataclass(frozen=True)
class Pools:
    regulators: tuple[GazetteerEntry, ...]
    exchanges: tuple[GazetteerEntry, ...]
    countries: tuple[GazetteerEntry, ...]


@cache
def pools() -> Pools:
    """The gazetteer entries articles name: plain (not context-dependent) names only."""
    entries = sorted(load_gazetteer().surface_forms(), key=lambda f: (f.entry.type, f.entry.name))
    seen: dict[tuple[str, str], GazetteerEntry] = {}
    for form in entries:
        e = form.entry
        if not (e.needs_context or e.case_sensitive or e.parent):
            seen.setdefault((e.type, e.name), e)
    plain = list(seen.values())
    return Pools(
        regulators=tuple(e for e in plain if e.type == TYPE.regulator and e.jurisdiction),
        exchanges=tuple(e for e in plain if e.type == TYPE.exchange),
        countries=tuple(e for e in plain if e.type == TYPE.jurisdiction and e.iso),
    )


def invented_exchange(k: int) -> str:
    """The k-th invented exchange's name ("Kalomi Exchange"), unique per k."""
    rng = random.Random(f"exchange-{k}")
    word = "".join(rng.choice(SYLLABLES) for _ in range(3)).title()
    return f"{word}{k} Exchange"


def _date_text(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def make_article(i: int, size: int, seed: int = 0) -> GoldArticle:
    """Article i of a corpus of `size` articles (the invented names grow with size)."""
    rng = random.Random(f"{seed}-{i}")
    p = pools()
    reg = rng.choice(p.regulators)
    reg_id = entity_id(TYPE.regulator, reg.name)
    entities = {(TYPE.regulator, reg_id)}
    facts: set[Fact] = set()
    n_invented = max(1, int(size * INVENTED_PER_ARTICLE))
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    paragraphs = []
    used: set[str] = set()
    for _ in range(rng.choice((1, 1, 2, 3))):
        name = (
            invented_exchange(rng.randrange(n_invented))
            if rng.random() < 0.3
            else rng.choice(p.exchanges).name
        )
        if name in used:
            continue
        used.add(name)
        ex_id = entity_id(TYPE.exchange, name)
        action = rng.choice(list(SENTENCES))
        sentence = SENTENCES[action].format(
            R=reg.name, X=name, D=_date_text(day), A=rng.randrange(1, 90)
        )
        entities.add((TYPE.exchange, ex_id))
        facts.add((action, reg_id, ex_id))
        if rng.random() < 0.5:
            country = rng.choice(p.countries)
            c_id = entity_id(TYPE.jurisdiction, country.name)
            sentence += " " + HEADQUARTERS.format(X=name, C=country.name)
            entities.add((TYPE.jurisdiction, c_id))
            facts.add((REL.headquartered_in, ex_id, c_id))
        paragraphs.append(sentence)
        day += dt.timedelta(days=rng.randrange(1, 30))
    paragraphs += [" ".join(rng.sample(FILLER, 3)) for _ in range(rng.randrange(1, 4))]
    published = min(day, FIRST_DAY + dt.timedelta(days=DAYS + 90))
    article = Article(
        id=f"bench-{seed}-{i:07d}",
        title=f"{reg.name} acts against {len(used)} exchange(s)",
        publisher="Bench Wire",
        published=published.isoformat(),
        text="\n\n".join(paragraphs),
    )
    return GoldArticle(article, frozenset(entities), frozenset(facts))


def make_corpus(size: int, seed: int = 0) -> list[GoldArticle]:
    """`size` articles, seeded."""
    return [make_article(i, size, seed) for i in range(size)]


@dataclass(frozen=True)
class Score:
    """Micro-averaged precision, recall and F1 over a corpus."""

    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _count(pairs: Iterable[tuple[frozenset[object], frozenset[object]]]) -> Score:
    tp = predicted = gold = 0
    for want, got in pairs:
        tp, predicted, gold = tp + len(want & got), predicted + len(got), gold + len(want)
    return Score(tp, predicted, gold)


def score(golds: Sequence[GoldArticle], extractions: Sequence[Extraction]) -> dict[str, Score]:
    """Entities (type, id) and facts (relation, source, target) of each extraction against
    its article's gold; named entities only (the corpus names no unnamed group)."""
    by_id = {x.article.id: x for x in extractions}
    ents, facts = [], []
    for g in golds:
        x = by_id.get(g.article.id)
        got_e = frozenset((e.type, e.id) for e in x.entities if not e.unnamed) if x else frozenset()
        got_f = frozenset((r.type, r.source, r.target) for r in x.relations) if x else frozenset()
        ents.append((frozenset[object](g.entities), frozenset[object](got_e)))
        facts.append((frozenset[object](g.facts), frozenset[object](got_f)))
    return {"entities": _count(ents), "facts": _count(facts)}
