"""The DataFrames of the API on the seeds: columns, dtypes, row order and the facts the seeds state."""

from __future__ import annotations

import subprocess
import sys

import networkx as nx
import pandas as pd
import pytest

from extract.errors import ElectionGraphError
from graph import ElectionGraph
from graph.export.json import graph_to_json
from graph.timeline import EntityNotFound

HAMON, VALLS, MACRON = "person/benoit-hamon", "person/manuel-valls", "person/emmanuel-macron"
DATE = "datetime64[ns]"


def dtypes(frame):
    return {name: str(dtype) for name, dtype in frame.dtypes.items()}


def date_order(frame):
    """Rows are in date order with the undated last."""
    dated = frame.date.dropna()
    return dated.is_monotonic_increasing and frame.date.isna().tolist() == sorted(frame.date.isna().tolist())


def test_importing_the_api_needs_neither_pandas_nor_matplotlib():
    code = "import sys, graph, graph.api; print('pandas' in sys.modules, 'matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_a_missing_pandas_names_the_extra_to_install(eg, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now raises ImportError
    with pytest.raises(ImportError, match=r"pip install 'electiongraph\[analysis\]'"):
        eg.entities()


def test_load_reads_the_build_and_build_in_memory_gives_the_same_graph(eg, eg_memory, build_dir):
    assert eg.build_dir == build_dir and eg.files == ()
    assert eg_memory.build_dir is None and len(eg_memory.files) == 4
    assert graph_to_json(eg.graph) == graph_to_json(eg_memory.graph)
    assert isinstance(eg.graph, nx.MultiDiGraph)
    assert repr(eg).startswith("<ElectionGraph: 4 documents, ")


def test_load_without_graph_json_says_what_to_run(tmp_path):
    with pytest.raises(ElectionGraphError, match="no graph.json"):
        ElectionGraph.load(tmp_path)


def test_build_with_out_writes_a_full_build(tmp_path, seed_dir, extractor, monkeypatch):
    import graph.job

    # the job's own extractor would load the spaCy models a second time: lend it the session's
    monkeypatch.setattr(graph.job, "extract_documents", lambda docs, **_: extractor.extract(docs))
    out = tmp_path / "build"
    built = ElectionGraph.build([seed_dir], out, formats=("turtle", "json"))
    written = {p.name for p in out.iterdir()}
    assert {"graph.json", "graph.ttl", "report.json"} <= written and not any(n.endswith(".html") for n in written)
    assert built.build_dir == out and len(built.files) == 4
    assert {f.status for f in built.files} <= {"ok", "repaired"}
    assert graph_to_json(ElectionGraph.load(out).graph) == graph_to_json(built.graph)


def test_build_refuses_options_it_cannot_honour(seed_dir, extractor, tmp_path):
    with pytest.raises(TypeError, match="in-memory"):
        ElectionGraph.build(seed_dir, tmp_path, extractor=extractor)
    with pytest.raises(TypeError, match="own gazetteer"):
        ElectionGraph.build(seed_dir, extractor=extractor, gazetteers=[tmp_path / "mine.jsonl"])
    with pytest.raises(TypeError, match="formats"):
        ElectionGraph.build(seed_dir, extractor=extractor, formats=("json",))
    with pytest.raises(ElectionGraphError, match="no input files"):
        ElectionGraph.build(tmp_path, extractor=extractor)


def test_entities_columns_dtypes_and_order(eg):
    frame = eg.entities()
    assert dtypes(frame) == {"id": "object", "name": "object", "type": "object", "roles": "object",
                             "aliases": "object", "mentions": "int64", "n_documents": "int64",
                             "n_events": "int64", "n_relations": "int64"}
    keys = list(zip(-frame.n_documents, -frame.mentions, frame.id))
    assert keys == sorted(keys) and frame.id.is_unique
    hamon = frame.set_index("id").loc[HAMON]
    assert hamon["name"] == "Benoît Hamon" and hamon["type"] == "PERSON"
    assert isinstance(hamon["roles"], tuple) and "candidate" in hamon["roles"]
    assert hamon["n_documents"] == 4 and hamon["n_relations"] >= 3 and hamon["n_events"] >= 3


def test_entities_filters_by_type_and_role(eg):
    parties = eg.entities(type="party")
    assert len(parties) > 0 and set(parties.type) == {"PARTY"}
    assert "party/socialist-party" in set(parties.id)
    candidates = eg.entities(role="candidate")
    assert {HAMON, VALLS, MACRON} <= set(candidates.id)
    assert all("candidate" in roles for roles in candidates.roles)
    assert eg.entities(type="ELECTION").type.eq("ELECTION").all()
    with pytest.raises(ValueError, match="choose from person, party"):
        eg.entities(type="people")


def test_events_in_date_order_with_precision(eg):
    frame = eg.events()
    assert list(frame.columns) == ["id", "date", "date_precision", "kind", "title", "entities", "contexts",
                                   "documents"]
    assert str(frame.date.dtype) == DATE and date_order(frame)
    by_id = frame.set_index("id")
    month = by_id[by_id.date_precision == "month"]
    assert len(month) > 0 and month.index.str.startswith("event/2017-01/").all()
    assert (month.date == pd.Timestamp("2017-01-01")).all()  # a month-only date is its first day
    assert set(frame.date_precision.dropna()) <= {"day", "month", "year"}
    run_off = frame[frame.title.str.contains("second round run-off")].iloc[0]
    assert run_off.date == pd.Timestamp("2017-01-29") and run_off.kind == "page"
    assert HAMON in run_off.entities and VALLS in run_off.entities
    assert len(run_off.documents) == 2 and all(d.startswith("doc/") for d in run_off.documents)


def test_events_between_dates_overlap_by_precision(eg):
    feb = eg.events(start="2017-02", end="2017-02-28")
    assert len(feb) > 0 and (feb.date.dt.month == 2).all()
    # the month-only events of January 2017 overlap a range starting on the 15th
    january = eg.events(start=pd.Timestamp("2017-01-15"), end="2017-01-20")
    assert len(january) > 0 and set(january.date_precision) == {"month"}
    assert len(eg.events(start="2017-03-30", end="2017-03-30")) == 0
    assert eg.events(start="2017-05").date.min() >= pd.Timestamp("2017-05-01")
    with pytest.raises(ValueError, match="not a date"):
        eg.events(start="March")


def test_timeline_of_hamon(eg):
    frame = eg.timeline("benoit hamon")
    assert list(frame.columns) == ["date", "date_precision", "kind", "title", "node", "documents"]
    assert str(frame.date.dtype) == DATE and date_order(frame)
    run_off = frame[frame.date == pd.Timestamp("2017-01-29")]
    assert set(run_off.date_precision) == {"day"}
    assert {"page", "defeats"} <= set(run_off.kind)
    page = run_off[run_off.kind == "page"].iloc[0]
    assert "run-off" in page.title and page.node.startswith("event/2017-01-29/")
    defeat = run_off[run_off.kind == "defeats"].iloc[0]
    assert defeat.title == "Benoît Hamon defeats Manuel Valls (58.65%)" and defeat.node == VALLS
    with pytest.raises(EntityNotFound, match="did you mean"):
        eg.timeline("Benoit Hammon")


def test_relations_valls_endorses_macron(eg):
    frame = eg.relations(kind="endorses")
    assert dtypes(frame) == {
        "subject": "object", "subject_name": "object", "kind": "object", "object": "object",
        "object_name": "object", "date": DATE, "date_precision": "object", "value": "float64",
        "unit": "object", "confidence": "float64", "evidence": "object", "document": "object",
        "documents": "object"}
    assert set(frame.kind) == {"endorses"}
    valls = frame[frame.subject == VALLS].iloc[0]
    assert (valls.object, valls.object_name) == (MACRON, "Emmanuel Macron")
    assert valls.date == pd.Timestamp("2017-03-29") and valls.date_precision == "day"
    assert "Macron" in valls.evidence and 0 < valls.confidence <= 1 and valls.document in valls.documents


def test_relations_all_kinds_ordered_and_filtered(eg):
    frame = eg.relations()
    assert set(frame.kind) <= {"endorses", "member_of", "candidate_in", "defeats", "vote_share", "withdraws"}
    assert {"defeats", "vote_share", "withdraws", "endorses"} <= set(frame.kind)
    assert date_order(frame)
    shares = frame[frame.kind == "vote_share"]
    assert shares.value.notna().all() and set(shares.unit) == {"percent"}
    assert 58.65 in set(shares.value)
    mine = eg.relations(["defeats", "withdraws"], entity="Hamon")
    assert set(mine.kind) == {"defeats", "withdraws"}
    assert ((mine.subject == HAMON) | (mine.object == HAMON)).all()
    with pytest.raises(ValueError, match="unknown relation supports"):
        eg.relations(kind="supports")


def test_comentions_count_shared_documents(eg):
    g = eg.graph
    docs = {n for n, d in g.nodes(data=True) if d["kind"] == "document"}

    def mentioned(node):
        return {u for u, _, k in g.in_edges(node, keys=True) if k == "mentions" and u in docs}

    frame = eg.comentions("Manuel Valls")
    assert list(frame.columns) == ["entity", "entity_name", "other", "other_name", "documents"]
    assert set(frame.entity) == {VALLS} and frame.documents.is_monotonic_decreasing
    hamon = frame[frame.other == HAMON].iloc[0]
    assert hamon.documents == len(mentioned(VALLS) & mentioned(HAMON)) > 0
    pairs = eg.comentions()
    assert (pairs.entity < pairs.other).all()
    assert pairs.set_index(["entity", "other"]).loc[(HAMON, VALLS), "documents"] == hamon.documents


def test_comentions_over_time(eg):
    monthly = eg.comentions("Manuel Valls", period="month")
    assert list(monthly.columns[:2]) == ["period", "entity"] and str(monthly.period.dtype) == DATE
    assert monthly.period.dropna().dt.day.eq(1).all()
    assert monthly.groupby("other").documents.sum().loc[HAMON] == \
        eg.comentions("Manuel Valls").set_index("other").loc[HAMON, "documents"]
    with pytest.raises(ValueError, match="period"):
        eg.comentions(period="week")


def test_entity_graph_for_graph_algorithms(eg):
    people = eg.entity_graph()
    assert isinstance(people, nx.Graph) and not people.is_directed()
    assert set(people) == set(eg.entities().id)
    edge = people.edges[VALLS, MACRON]
    assert "endorses" in edge["relations"] and edge["weight"] == edge["events"] + len(edge["relations"])
    g = eg.graph
    events = {u for u, _, k in g.in_edges(HAMON, keys=True) if k == "involves"}
    with_him = {v for ev in events for _, v, k in g.out_edges(ev, keys=True) if k == "involves"}
    partners = set(eg.relations(entity=HAMON)[["subject", "object"]].stack())
    assert set(people[HAMON]) == (with_him | partners) - {HAMON}
    assert nx.shortest_path_length(people, HAMON, MACRON) >= 1
