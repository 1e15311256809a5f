"""Which articles give an alias, changed without being read whole
(graph/store/neo4j/alias_sources.py), ends as the whole set changed in memory would: the
same articles, and the same answers to `in` and emptiness on the way (no server needed)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.models import Alias
from graph.store.neo4j.alias_sources import AliasSources
from graph.store.neo4j.working import _stored_size
from graph.store.neo4j.write import _AliasRow
from graph.store.neo4j.write_queries import ALIAS_KEYS, ALIAS_STATE

OTHERS = [f"old-{i}" for i in range(4)]  # stored articles outside the batch
BATCH = ["a", "b", "c"]  # the batch's articles
Op = tuple[str, str]


def server_set(stored: list[str], s: AliasSources) -> set[str]:
    """The articles the alias has relationships to once working.py `_write_aliases` has
    written `s.row()`: the stored ones (none after a reset) less those it drops, plus
    those it adds (each added once: it must not give the alias already)."""
    row = s.row()
    tail = list(row["tail"])
    assert len(set(tail)) == len(tail)
    kept = set() if row["reset"] else set(stored) - set(row["removed"])
    assert not kept & set(tail)
    return kept | set(tail)


def replay(stored: list[str], ops: list[Op]) -> tuple[list[str], AliasSources]:
    """The ops on the whole list (as the store did) and on an `AliasSources` of it."""
    whole = list(stored)
    s = AliasSources(stored=len(stored), present={x for x in stored if x in BATCH})
    for op, aid in ops:
        if op == "add":
            if aid not in whole:
                whole.append(aid)
            s.add(aid)
        elif op == "discard":
            whole = [x for x in whole if x != aid]
            s.discard(aid)
        else:
            whole = []
            s.clear()
        assert (aid in whole) == (aid in s)
        assert bool(whole) == bool(s)
    return whole, s


@settings(max_examples=400, deadline=None)
@given(
    st.permutations(OTHERS + BATCH).flatmap(
        lambda xs: st.tuples(st.just(xs), st.integers(0, len(xs)))
    ),
    st.lists(
        st.tuples(st.sampled_from(["add", "discard", "clear"]), st.sampled_from(BATCH)),
        max_size=12,
    ),
)
def test_the_server_side_rewrite_gives_the_whole_list(
    stored_cut: tuple[list[str], int], ops: list[Op]
) -> None:
    order, size = stored_cut
    stored = order[:size]
    whole, s = replay(stored, ops)
    assert server_set(stored, s) == set(whole)
    assert s.changed or set(whole) == set(stored)


def test_a_batch_that_adds_only_appends() -> None:
    stored = ["old-1", "old-0"]
    whole, s = replay(stored, [("add", "b"), ("add", "a"), ("add", "b")])
    assert whole == ["old-1", "old-0", "b", "a"]
    assert s.row() == {"reset": False, "removed": [], "tail": ["b", "a"]}


def test_an_article_given_again_keeps_its_relationship() -> None:
    stored = ["a", "old-0"]
    whole, s = replay(stored, [("discard", "a"), ("add", "a")])
    assert server_set(stored, s) == set(whole) == {"a", "old-0"}
    assert not s.changed  # nothing deleted and created again


def test_emptied_when_its_last_article_goes() -> None:
    _, s = replay(["a"], [("discard", "a")])
    assert not s
    _, s = replay(["a", "old-0"], [("discard", "a")])
    assert s


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(OTHERS), min_size=1, max_size=4, unique=True),
    st.lists(
        st.tuples(st.sampled_from(["add", "discard", "clear"]), st.sampled_from(BATCH)),
        max_size=12,
    ),
)
def test_a_batch_of_new_articles_needs_no_size(stored: list[str], ops: list[Op]) -> None:
    """When none of the batch's articles is stored, the state read does not load the
    list (`ALIAS_STATE` gives no size): the one `_stored_size` stands for answers `in`
    and emptiness as the true size does, and the server's rewrite is the same."""
    exact = AliasSources(stored=len(stored))
    unread = AliasSources(stored=_stored_size(None))
    for op, aid in ops:
        for s in (exact, unread):
            getattr(s, op)(*([aid] if op != "clear" else []))
        assert (aid in exact) == (aid in unread)
        assert bool(exact) == bool(unread)
    assert exact.row() == unread.row()


def test_the_state_read_gives_every_property_an_alias_node_is_made_with() -> None:
    """`ALIAS_STATE` names the properties it reads: they must be those a new alias node
    is written with."""
    row = _AliasRow("k", "exchange:x", Alias(name="X Ex", kind="abbreviation"), "Exchange", "x")
    assert set(row.create()) == set(ALIAS_KEYS)
    assert all(f".{k}" in ALIAS_STATE for k in ALIAS_KEYS)
