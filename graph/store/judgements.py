"""Judgements: a person's decisions on identity (merge, split, distinct), kept by the store.

Ids are name keys (graph/ids.py), so nothing is merged by a fuzzy score; what a curator
may still want is to say "these two ids are one body" (a bare "Securities and Exchange
Commission" beside the SEC), "this name is not that body" or "never merge these". As
nomenklatura does, each decision is a stored `Judgement` that every later write obeys:

* `merge` (`entity` A into `other` B): every incoming entity whose id is A, or an id
  merged into A, lands on B, so A's mentions, aliases and facts are B's; A's own name
  becomes an alias of B (graph/identity.py `_with_name_alias`). Merges chain: A -> B -> C.
* `split` (`entity` ID, `name` NAME; `other` is the id NAME gets,
  `graph.ids.entity_id(type, NAME)`): an incoming entity that would land on ID and whose
  own name has NAME's key lands on that id instead, with what the article said of it.
  ID and that id are then distinct.
* `distinct` (A, B): never one entity. Ingests never join two ids (graph/identity.py),
  so only a merge could, and a merge that would make two distinct ids one is refused.

`Rules` applies the judgements to an extraction as it arrives, before identity
resolution (`apply`), and checks a new judgement against those stored (`check`). The
stores keep each article's extraction as it arrived (before any judgement), so recording
or undoing a judgement replays the articles it touches (`replay_ids`) under the new set
of judgements, inside the store, with no source file read again: graph/store/embedded/
judgements.py, graph/store/neo4j/judgements.py. `explain` says why an entity is what it
is from those stored extractions.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Literal

from pydantic import BaseModel, Field

from graph.errors import ConflictError, InvalidInputError, NotFoundError
from graph.ids import entity_id, name_key, normalize_name
from graph.models import Article, Entity, Extraction
from graph.store.protocol import EntitySummary

JudgementKind = Literal["merge", "split", "distinct"]
MAX_EXPLAIN_ARTICLES = 20  # articles listed per name in an explanation (all are counted)
# articles whose kept extraction an explanation reads (a hub is mentioned by thousands,
# and its names are all there in the first ones); the rest are counted as `not_read`
MAX_EXPLAIN_READ = 2000


class JudgementIn(BaseModel):
    """A judgement as asked for: `merge` `entity` into `other`; `split` the name `name`
    off `entity`; `distinct`: `entity` and `other` are never one."""

    kind: JudgementKind
    entity: str = Field(min_length=1, max_length=300, description="A (merge: merged away).")
    other: str | None = Field(
        None, max_length=300, description="B (merge: the target); unused by split."
    )
    name: str | None = Field(None, max_length=500, description="split: the name to split off.")
    note: str | None = Field(None, max_length=2000, description="Why, in the curator's words.")


class Judgement(JudgementIn):
    """A stored judgement: numbered in the order recorded, with its time (UTC). A split's
    `other` is the id the name gets."""

    id: int
    at: str


class Named(BaseModel):
    """One name an entity has, and why it is this entity's: how it came (`via`: `text`,
    the article wrote it, `sentence` is where; `gazetteer`, the extractor named the body
    by its gazetteer entry or added the entry's alias; `judgement`, judgement `judgement`
    brought the id `came_as` here), and the articles that gave it."""

    name: str
    kind: str  # "name" (an entity's own name) or the alias kind
    came_as: str  # the id the article's extraction gave
    via: Literal["text", "gazetteer", "judgement"]
    judgement: int | None = None
    sentence: str | None = None
    articles: list[str] = Field(default_factory=list)
    article_count: int = 0


class Explanation(BaseModel):
    """Why an entity is this id: the rule, every name it got and from where, and the
    judgements that touch it. `unexplained` counts the articles mentioning it whose
    extraction the store does not have (stored before judgements existed), `not_read`
    those left unread past MAX_EXPLAIN_READ."""

    entity: EntitySummary
    rule: str
    names: list[Named] = Field(default_factory=list)
    judgements: list[Judgement] = Field(default_factory=list)
    unexplained: int = 0
    not_read: int = 0


class Rules:
    """The stored judgements as lookups."""

    def __init__(self, judgements: Iterable[Judgement]) -> None:
        self.all = sorted(judgements, key=lambda j: j.id)
        self.merges: dict[str, Judgement] = {}
        self.splits: dict[tuple[str, str], Judgement] = {}
        self.distinct: dict[frozenset[str], Judgement] = {}
        for j in self.all:
            if j.kind == "merge" and j.other:
                self.merges[j.entity] = j
            elif j.kind == "split" and j.other and j.name:
                self.splits[(j.entity, name_key(j.name))] = j
                self.distinct[frozenset((j.entity, j.other))] = j
            elif j.kind == "distinct" and j.other:
                self.distinct[frozenset((j.entity, j.other))] = j

    def target(self, eid: str) -> str:
        """Where an id lands after the merges (itself when none applies)."""
        seen = {eid}
        while (j := self.merges.get(eid)) is not None and j.other not in seen:
            eid = j.other or eid
            seen.add(eid)
        return eid

    def land(self, e: Entity, text: str = "") -> tuple[str, Judgement | None]:
        """The id an incoming named entity lands on, and the judgement that decided it
        (the last of a merge chain, or the split); unnamed groups are left alone."""
        if e.unnamed:
            return e.id, None
        merged = self.target(e.id)
        split = self._split_of(merged, e, text)
        if split is not None and split.other:
            return split.other, split
        return merged, self.merges.get(self._last_hop(e.id)) if merged != e.id else None

    def _split_of(self, landed: str, e: Entity, text: str) -> Judgement | None:
        """The split that takes `e` off `landed`: its own name is the split name, or the
        article writes the split name (one of its aliases) and not its own name."""
        if not self.splits:
            return None
        if (s := self.splits.get((landed, name_key(e.name)))) is not None:
            return s
        if sentence_with(text, e.name) is not None:
            return None
        for alias in e.aliases:
            s = self.splits.get((landed, name_key(alias.name)))
            if s is not None and s.name and sentence_with(text, alias.name) is not None:
                return s
        return None

    def _last_hop(self, eid: str) -> str:
        """The id whose merge judgement put a chain on its final target."""
        seen = {eid}
        while (j := self.merges.get(eid)) is not None and j.other and j.other not in seen:
            if j.other not in self.merges:
                return eid
            eid = j.other
            seen.add(eid)
        return eid

    def group(self, eid: str) -> set[str]:
        """`eid` and every id that lands on it by merges."""
        out = {eid}
        grew = True
        while grew:
            more = {a for a, j in self.merges.items() if j.other in out} - out
            out |= more
            grew = bool(more)
        return out

    def apply(self, x: Extraction) -> Extraction:
        """The extraction with each entity on the id the judgements give it; relations
        follow, and one that a merge turned into a loop is dropped. An entity moved
        loses its QID (it was its old id's); a split one is named by the split name,
        keeping the aliases the article wrote."""
        mapping: dict[str, str] = {}
        entities = []
        for e in x.entities:
            landed, how = self.land(e, x.article.text)
            if landed == e.id:
                entities.append(e)
                continue
            mapping[e.id] = landed
            update: dict[str, object] = {"id": landed, "qid": None}
            if how is not None and how.kind == "split" and how.name:
                own = name_key(how.name)
                update["name"] = how.name
                update["aliases"] = [
                    a
                    for a in e.aliases
                    if name_key(a.name) != own and sentence_with(x.article.text, a.name)
                ]
            entities.append(e.model_copy(update=update))
        if not mapping:
            return x
        relations = []
        for r in x.relations:
            src, tgt = mapping.get(r.source, r.source), mapping.get(r.target, r.target)
            if src == tgt and r.source != r.target:
                continue
            relations.append(r.model_copy(update={"source": src, "target": tgt}))
        return x.model_copy(update={"entities": entities, "relations": relations})

    def check(self, j: JudgementIn, types: Mapping[str, EntitySummary]) -> None:
        """Refuse a judgement that contradicts the stored ones (`ConflictError`) or makes
        no sense (`InvalidInputError`); `types` has the stored entities it names."""
        if j.kind == "merge":
            self._check_merge(j.entity, j.other or "")
        elif j.kind == "distinct":
            self._check_distinct(j.entity, j.other or "")
        else:
            self._check_split(j, types)

    def _check_merge(self, a: str, b: str) -> None:
        if a == b:
            raise InvalidInputError(f"cannot merge {a!r} into itself")
        if (j := self.merges.get(b)) is not None:
            raise ConflictError(
                f"{b!r} is itself merged into {self.target(b)!r} (judgement {j.id}): "
                f"merge into {self.target(b)!r}"
            )
        if self.target(a) == b:
            raise ConflictError(f"{a!r} is already merged into {b!r}")
        for x in self.group(a):
            for y in self.group(b):
                if (d := self.distinct.get(frozenset((x, y)))) is not None:
                    raise ConflictError(
                        f"judgement {d.id} says {x!r} and {y!r} are distinct: undo it "
                        f"first to merge {a!r} into {b!r}"
                    )

    def _check_distinct(self, a: str, b: str) -> None:
        if a == b:
            raise InvalidInputError(f"{a!r} cannot be distinct from itself")
        if (d := self.distinct.get(frozenset((a, b)))) is not None:
            raise ConflictError(f"judgement {d.id} already keeps {a!r} and {b!r} apart")
        if self.target(a) == self.target(b):
            merged = self.merges.get(a) or self.merges.get(b)
            how = f" (judgement {merged.id})" if merged else ""
            raise ConflictError(
                f"{a!r} and {b!r} are merged{how}: undo the merge first to keep them apart"
            )

    def _check_split(self, j: JudgementIn, types: Mapping[str, EntitySummary]) -> None:
        if not j.name or not name_key(j.name):
            raise InvalidInputError("split needs the name to split off (`name`)")
        if (m := self.merges.get(j.entity)) is not None:
            raise ConflictError(
                f"{j.entity!r} is merged into {self.target(j.entity)!r} (judgement {m.id})"
            )
        new = split_id(types[j.entity].type, j.name)
        if new == j.entity:
            raise InvalidInputError(
                f"{j.name!r} is the name {j.entity!r} is made of: nothing to split off"
            )
        if (s := self.splits.get((j.entity, name_key(j.name)))) is not None:
            raise ConflictError(f"judgement {s.id} already split {j.name!r} off {j.entity!r}")
        if (m := self.merges.get(new)) is not None and m.other == j.entity:
            raise ConflictError(
                f"judgement {m.id} merged {new!r} into {j.entity!r}: undo it instead"
            )

    def replay_ids(self, j: Judgement, other: Rules) -> set[str]:
        """The ids whose articles a change between these rules and `other` (one with or
        without `j`) may move. A merge of A moves only what lands on A (A and the ids
        merged into it), not the target's own articles (a hub has thousands); a split
        of ID may move any article landing on ID, and gives back those on its own id;
        a distinct moves nothing."""
        if j.kind == "distinct":
            return set()
        moved = self.group(j.entity) | other.group(j.entity)
        return moved | {j.other} if j.kind == "split" and j.other else moved


def kept_body(raw: Extraction) -> str:
    """How a store keeps an extraction as it arrived: JSON, without its article (the
    store has it) and its refused facts (a replay refuses nothing new)."""
    return raw.model_dump_json(exclude={"article", "refused"})


def kept_extraction(body: str, article: Article) -> Extraction:
    """The extraction `kept_body` kept, with its article again."""
    data = json.loads(body)
    data["article"] = article.model_dump()
    return Extraction.model_validate(data)


def split_id(entity_type: str, name: str) -> str:
    """The id a split name gets: the id an entity of that type and name has."""
    return entity_id(entity_type, name)


# a sentence ends at . ! or ? before white space and a capital or quote, unless the
# period closes an initial ("U.S. SEC", "J. Smith")
_SENTENCE_END = re.compile(r"(?<![\s.][A-Z]\.)(?<=[.!?])\s+(?=[\"“'(A-Z])|\n+")


def sentences(text: str) -> list[str]:
    """The text cut into sentences (a rough cut, enough to show where a name was)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def sentence_with(text: str, name: str) -> str | None:
    """The first sentence of `text` that writes `name` (case and accents aside)."""
    norm = normalize_name(name)
    if not norm:
        return None
    pattern = re.compile(rf"(?<!\w){re.escape(norm)}(?!\w)")
    for sentence in sentences(text):
        if pattern.search(normalize_name(sentence)):
            return sentence
    return None


def explain(
    entity: EntitySummary,
    judgements: list[Judgement],
    extractions: Mapping[str, Extraction],
    mentioned_in: list[str],
) -> Explanation:
    """Why `entity` is what it is, from the stored extractions of the articles that
    mention it (`mentioned_in`) under the stored judgements."""
    rules = Rules(judgements)
    named: dict[tuple[str, str, str, str, int | None], Named] = {}

    def add(name: str, kind: str, e: Entity, how: Judgement | None, x: Extraction) -> None:
        sentence = sentence_with(x.article.text, name)
        via: Literal["text", "gazetteer", "judgement"]
        via = "judgement" if how else ("text" if sentence else "gazetteer")
        key = (name, kind, e.id, via, how.id if how else None)
        item = named.get(key)
        if item is None:
            item = named[key] = Named(
                name=name,
                kind=kind,
                came_as=e.id,
                via=via,
                judgement=how.id if how else None,
                sentence=sentence,
            )
        item.article_count += 1
        if len(item.articles) < MAX_EXPLAIN_ARTICLES:
            item.articles.append(x.article.id)

    for aid in mentioned_in:
        x = extractions.get(aid)
        if x is None:
            continue
        for e in x.entities:
            landed, how = rules.land(e, x.article.text)
            if landed != entity.id:
                continue
            add(e.name, "name", e, how, x)
            for alias in e.aliases:
                add(alias.name, alias.kind, e, how, x)
    touching = rules.group(entity.id) | {entity.id}
    return Explanation(
        entity=entity,
        rule=_rule(entity),
        names=sorted(named.values(), key=lambda n: (n.via != "judgement", -n.article_count)),
        judgements=[j for j in rules.all if {j.entity, j.other} & touching],
        unexplained=sum(1 for aid in mentioned_in if aid not in extractions),
    )


def _rule(entity: EntitySummary) -> str:
    if entity.unnamed:
        return "an unnamed group: its id is its event's (actor, action, count, year)"
    return (
        f"a named entity's id is its type and its name's key ({name_key(entity.name)!r}):"
        " every spelling with that key is this entity; other names joined it by the"
        " gazetteer (the extractor names a body by its entry) or by a judgement"
    )


def describe(j: Judgement) -> str:
    """One line for a judgement, as the CLI prints it."""
    if j.kind == "merge":
        text = f"#{j.id} merge {j.entity} into {j.other}"
    elif j.kind == "split":
        text = f"#{j.id} split {j.name!r} off {j.entity} (as {j.other})"
    else:
        text = f"#{j.id} distinct {j.entity} / {j.other}"
    return text + (f" ({j.note})" if j.note else "") + f" at {j.at}"


EntityGetter = Callable[[str], EntitySummary | None]


def checked_request(
    j: JudgementIn, get: EntityGetter
) -> tuple[JudgementIn, dict[str, EntitySummary]]:
    """The request with a split's target id filled in, and the stored entities it names;
    NotFoundError for an unknown entity, InvalidInputError for what cannot be judged."""
    ids = [j.entity] + ([j.other] if j.kind != "split" and j.other else [])
    if j.kind != "split" and not j.other:
        raise InvalidInputError(f"{j.kind} needs two entity ids (`entity` and `other`)")
    found: dict[str, EntitySummary] = {}
    for eid in ids:
        summary = get(eid)
        if summary is None:
            raise NotFoundError(f"no entity {eid!r}")
        found[eid] = summary
    if j.kind == "merge":
        a, b = found[j.entity], found[j.other or ""]
        if a.type != b.type:
            raise InvalidInputError(
                f"{a.id!r} is a {a.type} and {b.id!r} a {b.type}: entities of two types "
                "are never one"
            )
    if j.kind == "split":
        j = j.model_copy(update={"other": split_id(found[j.entity].type, j.name or "")})
    return j, found
