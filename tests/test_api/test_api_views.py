"""The inline network view (offline, escaped, sandboxed, nothing written) and the matplotlib timeline."""

from __future__ import annotations

import datetime as dt
import html
import re

import matplotlib.dates as mdates

import networkx as nx
import pytest

from graph import ElectionGraph

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
HOSTILE_HEADLINE = 'Hamon wins </script><script>alert(2)</script> "the primary"'
SRCDOC = re.compile(r'\ssrcdoc="([^"]*)"')
REMOTE_TAG = re.compile(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//",
                        re.I)


def hostile_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("person/evil", kind="entity", type="PERSON", label=HOSTILE, roles=["candidate"], aliases=[],
               count=3)
    g.add_node("person/benoit-hamon", kind="entity", type="PERSON", label="Benoît Hamon",
               roles=["candidate"], aliases=["Hamon"], count=5)
    g.add_node("event/2017-01-29/hamon-wins", kind="event", label=HOSTILE_HEADLINE, date="2017-01-29",
               event_kind="page", documents=["doc/d1"])
    g.add_node("doc/d1", kind="document", label=HOSTILE, date="2017-01-29", lang="en", doc_kind="article",
               source_path="d1.txt", sources=[{"name": "Evil", "url": "javascript:alert(3)"},
                                               {"name": "Le Monde", "url": "https://www.lemonde.fr/a"}])
    g.add_edge("event/2017-01-29/hamon-wins", "person/evil", key="involves")
    g.add_edge("event/2017-01-29/hamon-wins", "person/benoit-hamon", key="involves")
    g.add_edge("person/evil", "person/benoit-hamon", key="endorses", date="2017-01-29", confidence=0.7,
               evidence=HOSTILE, document="doc/d1", documents=["doc/d1"])
    return g


def inner_page(frame: str) -> str:
    m = SRCDOC.search(frame)
    assert m, "no srcdoc attribute"
    return html.unescape(m[1])


def test_the_iframe_inlines_an_escaped_offline_page(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    frame = ElectionGraph(hostile_graph()).network_html(title="<b>my build</b>")
    assert frame.startswith("<iframe ") and frame.endswith("></iframe>")
    assert frame.count("<") == 2  # the iframe's own tags: everything else is escaped in srcdoc
    assert 'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"' in frame
    assert "allow-same-origin" not in frame
    page = inner_page(frame)
    assert "vis.DataSet" in page and "Content-Security-Policy" in page
    assert HOSTILE not in page and "<img src=x" not in page and "alert(2)</script>" not in page
    assert "Hamon wins \\u003c/script\\u003e" in page  # the headline is there, as escaped JSON
    assert "<b>my build</b>" not in page and "&lt;b&gt;my build&lt;/b&gt;" in page
    assert not REMOTE_TAG.search(page) and not re.search(r"<script\b[^>]*\bsrc=", page, re.I)
    assert '<nav class="eg-nav">' not in page  # no links to pages the inline view does not have
    assert list(tmp_path.iterdir()) == []  # nothing written into the working directory


def test_an_entity_view_draws_its_neighbourhood(eg):
    page = inner_page(eg.network_html("Manuel Valls", depth=1))
    drawn = set(re.findall(r'"id":"((?:person|party|election|org|place|media|event)/[^"|]+)"', page))
    view = eg.entity_graph()
    assert "person/manuel-valls" in drawn and "person/emmanuel-macron" in drawn
    assert all(n == "person/manuel-valls" or n.startswith("event/") or n in view["person/manuel-valls"]
               for n in drawn)
    capped = inner_page(eg.network_html("Manuel Valls", depth=2, max_nodes=5))
    assert capped.count('"etype":') == 5


def test_show_returns_inline_html(eg):
    shown = eg.show("Benoît Hamon", height=400)
    assert type(shown).__name__ == "HTML"
    assert shown.data.startswith('<div class="electiongraph-view"><iframe ')
    assert "height: 400px" in shown.data and shown._repr_html_() == shown.data


def test_plot_timeline_returns_an_axes_with_a_point_per_dated_entry(eg, agg):
    names = ["Benoît Hamon", "Manuel Valls"]
    ax = eg.plot_timeline(names)
    points = [tuple(p) for c in ax.collections for p in c.get_offsets()]
    expected = sum(eg.timeline(n).date.notna().sum() for n in names)
    assert len(points) == expected > 0
    assert {round(y) for _, y in points} == {0, 1} and all(abs(y - round(y)) < 0.3 for _, y in points)
    assert [t.get_text() for t in ax.get_yticklabels()] == names
    valls_on_29_march = [y for x, y in points if x == mdates.date2num(dt.date(2017, 3, 29)) and round(y) == 1]
    assert len(valls_on_29_march) == len(set(valls_on_29_march)) >= 2  # endorses, member_of: both visible
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[0] == "event" and "defeats" in legend


def test_plot_timeline_filters_and_draws_on_a_given_axes(eg, agg):
    _, ax = agg.subplots()
    same = eg.plot_timeline("Benoît Hamon", kinds=["defeats"], end="2017-01-28", ax=ax)
    assert same is ax
    points = [tuple(p) for c in ax.collections for p in c.get_offsets()]
    # the live blog's month-only defeat overlaps the window and is drawn mid-month; the run-off is after it
    assert [(x, round(y)) for x, y in points] == [(mdates.date2num(dt.date(2017, 1, 15)), 0)]
    default = eg.plot_timeline(limit=3)
    assert len(default.get_yticklabels()) == 3
    with pytest.raises(ValueError, match="not a date"):
        eg.plot_timeline("Benoît Hamon", end="soon")
