"""An alias's `sources` changed without being read (graph/store/neo4j/alias_sources.py)
ends as the whole list changed in memory would: the same elements in the same order,
and the same answers to `in` and emptiness on the way (no server needed)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.store.neo4j.alias_sources import AliasSources

OTHERS = [f"old-{i}" for i in range(4)]  # stored articles outside the batch
BATCH = ["a", "b", "c"]  # the batch's articles
Op = tuple[str, str]


def server_list(stored: list[str], s: AliasSources) -> list[str]:
    """What write_queries.UPDATE_ALIASES makes of the stored list from `s.row()`."""
    row = s.row()
    tail = list(row["tail"])
    if row["reset"]:
        return tail
    removed = set(row["removed"])
    return [x for x in stored if x not in removed] + tail


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
    assert server_list(stored, s) == whole
    assert s.changed or whole == stored


def test_a_batch_that_adds_only_appends() -> None:
    stored = ["old-1", "old-0"]
    whole, s = replay(stored, [("add", "b"), ("add", "a"), ("add", "b")])
    assert whole == ["old-1", "old-0", "b", "a"]
    assert s.row() == {"reset": False, "removed": [], "tail": ["b", "a"]}


def test_an_article_given_again_moves_to_the_end() -> None:
    stored = ["a", "old-0"]
    whole, s = replay(stored, [("discard", "a"), ("add", "a")])
    assert whole == server_list(stored, s) == ["old-0", "a"]


def test_emptied_when_its_last_article_goes() -> None:
    _, s = replay(["a"], [("discard", "a")])
    assert not s
    _, s = replay(["a", "old-0"], [("discard", "a")])
    assert s
