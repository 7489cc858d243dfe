"""Timeline queries on the seed graph."""

from __future__ import annotations

import pytest

from graph.timeline import EntityNotFound, find_entity, timeline

pytestmark = pytest.mark.model


def test_hamon_timeline_in_date_order(seed_graph):
    entries = timeline(seed_graph, "Benoît Hamon")
    dates = [e.date for e in entries if e.date]
    assert dates == sorted(dates)
    by_date = {}
    for e in entries:
        by_date.setdefault(e.date, []).append(e)
    assert any(e.kind == "candidate_in" for e in by_date["2017-01-22"])            # first round, "on Sunday"
    assert any("run-off" in e.title for e in by_date["2017-01-29"])                # the run-off
    assert any(e.kind == "defeats" and "58.65" in e.title for e in by_date["2017-01-29"])
    assert any("Jadot drops out" in e.title for e in by_date["2017-02-23"])         # Jadot's withdrawal
    assert any("Valls (PS) announces his support" in e.title for e in by_date["2017-03-29"])


def test_entity_lookup_by_alias_without_accents(seed_graph):
    assert find_entity(seed_graph, "benoit hamon") == "person/benoit-hamon"
    assert find_entity(seed_graph, "PS") == "party/socialist-party"
    with pytest.raises(EntityNotFound, match="did you mean 'Benoît Hamon'"):
        find_entity(seed_graph, "Benoit Hamonn")
