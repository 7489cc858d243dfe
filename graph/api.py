"""The analyst's API: build or load a graph, read it as pandas DataFrames, query it with SPARQL, draw it.

``ElectionGraph`` wraps the networkx graph of a build. Its tables are pandas DataFrames with lower_snake
column names, fixed dtypes and a fixed row order: text columns are ``object`` (``str`` or ``None``), lists
are tuples, counts are ``int64``, dates are ``datetime64[ns]`` with ``NaT`` when undated, and every date
comes with a ``date_precision`` column (``day``, ``month``, ``year`` or ``None``), because a month-only date
such as ``2017-03`` is stored as the first day of that month.

pandas and matplotlib come with the ``analysis`` extra (``pip install 'electiongraph[analysis]'``); they are
imported only by the methods that need them, so ``electiongraph build`` runs without them.

Examples (``build_dir`` is a directory written by ``electiongraph build``):

>>> eg = ElectionGraph.load(build_dir)
>>> timeline = eg.timeline("Benoît Hamon")
>>> run_off = timeline[(timeline.kind == "defeats") & (timeline.date == "2017-01-29")]
>>> run_off.title.tolist()
['Benoît Hamon defeats Manuel Valls (58.65%)']
>>> eg.query("endorsements", entity="Manuel Valls")[["endorser", "endorsed", "date"]].values.tolist()
[['Manuel Valls', 'Emmanuel Macron', Timestamp('2017-03-29 00:00:00')]]
"""

from __future__ import annotations

import datetime as dt
import html
import importlib
import logging
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from extract.errors import ElectionGraphError
from extract.records import EntityType
from graph.ids import DEFAULT_BASE
from graph.schema import ATTR, RELATION_EDGES, EdgeKind, NodeKind, edge_kind
from graph.timeline import find_entity, timeline

if TYPE_CHECKING:
    import pandas as pd
    import pyoxigraph as ox
    from matplotlib.axes import Axes
    from rdflib import URIRef

    from extract.pipeline import Extractor

__all__ = ["ElectionGraph"]

logger = logging.getLogger(__name__)

PathLike = str | os.PathLike[str]
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = frozenset(_XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
    "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte"))
_FLOATS = frozenset(_XSD + t for t in ("decimal", "double", "float"))
_DATES = {_XSD + "date": "day", _XSD + "gYearMonth": "month", _XSD + "gYear": "year"}
_PRECISION = {10: "day", 7: "month", 4: "year"}
_DATE_RE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")
_NAV_RE = re.compile(r'<nav class="eg-nav">.*?</nav>\n?', re.S)  # links to pages an inline view does not have
_CAMEL_RE = re.compile(r"(?<=[a-z0-9])([A-Z])")
_EXTRA = "pip install 'electiongraph[analysis]'"
_EVENT_KINDS = frozenset({"page", "related", "sub_event"})
_SHIFTS = {kind: round((i - (len(RELATION_EDGES) - 1) / 2) * 0.1, 2) for i, kind in enumerate(RELATION_EDGES)}
_ENTITY_COLUMNS = {"id": object, "name": object, "type": object, "roles": object, "aliases": object,
                   "mentions": "int64", "n_documents": "int64", "n_events": "int64", "n_relations": "int64"}
_EVENT_COLUMNS = {"id": object, "date": "date", "kind": object, "title": object, "entities": object,
                  "contexts": object, "documents": object}
_TIMELINE_COLUMNS = {"date": "date", "kind": object, "title": object, "node": object, "documents": object}
_RELATION_COLUMNS = {"subject": object, "subject_name": object, "kind": object, "object": object,
                     "object_name": object, "date": "date", "value": "float64", "unit": object,
                     "confidence": "float64", "evidence": object, "document": object, "documents": object}
_COMENTION_COLUMNS = {"entity": object, "entity_name": object, "other": object, "other_name": object,
                      "documents": "int64"}


class ElectionGraph:
    """An election timeline graph and its tables, queries and views.

    Make one with ``ElectionGraph.build`` (documents in) or ``ElectionGraph.load`` (a build directory), or
    wrap a graph of ``graph.build.build_graph``: ``ElectionGraph(graph)``.

    Attributes:
        build_dir: the build directory it was loaded from or written to, or None (built in memory).
        files: the status of every input file (``graph.job.FileReport``) when it was built; () when loaded.
        base: the base IRI of the RDF made in memory for ``sparql`` when there is no RDF file to read.

    >>> eg  # doctest: +ELLIPSIS
    <ElectionGraph: 4 documents, ... entities, ... events, ... relations>
    """

    def __init__(self, graph: nx.MultiDiGraph, *, build_dir: PathLike | None = None, files: Iterable = (),
                 base: str = DEFAULT_BASE) -> None:
        self._graph = graph
        self.build_dir = Path(build_dir) if build_dir is not None else None
        self.files = tuple(files)
        self.base = base
        self._store: ox.Store | None = None

    @classmethod
    def build(cls, paths: PathLike | Iterable[PathLike] | None = None, out: PathLike | None = None, *,
              extractor: Extractor | None = None, gazetteers: Iterable[PathLike] = (), quiet: bool = True,
              **options: Any) -> ElectionGraph:
        """Extract documents and build their graph, in memory or into a build directory.

        Args:
            paths: files or directories of documents (walked recursively); None: the bundled sample corpus.
            out: write a full build here (``graph.ttl``, ``graph.json``, the HTML views, ``report.json``) with
                ``graph.job.run_build``; None: build in memory and write nothing (the RDF that ``sparql``
                needs is then made in memory, on first use).
            extractor: an ``extract.pipeline.Extractor`` to reuse, so its spaCy models are loaded once for
                several builds (in-memory builds only; it brings its own gazetteer).
            gazetteers: extra gazetteer files (as ``--gazetteer``).
            quiet: no progress bar.
            **options: for a build with ``out``, the other options of ``run_build`` (``formats``, ``base``,
                ``title``, ``max_nodes``, ``options``: a ``graph.job.ExtractOptions`` for the cache, processes
                or Dask); in memory, ``base`` and ``options`` (whose cache needs ``cache_dir``).

        Raises:
            ElectionGraphError: no input file, a missing path, or ``out`` cannot be written.
            TypeError: ``extractor`` with ``out`` or ``gazetteers``, or an option an in-memory build does not
                take.

        >>> seeds = ElectionGraph.build(seed_dir, extractor=extractor)   # seed_dir: a folder of documents
        >>> seeds.build_dir is None, [f.status for f in seeds.files if f.status == "skipped"]
        (True, [])
        """
        from extract import sample_corpus

        inputs = [Path(p) for p in _as_paths(paths)] or [sample_corpus()]
        if extractor is not None and (out is not None or gazetteers):
            raise TypeError("extractor= is for in-memory builds and brings its own gazetteer "
                            "(give out= or gazetteers= without it)")
        if out is not None:
            from graph.job import run_build

            result = run_build(inputs, Path(out), gazetteers=tuple(Path(g) for g in gazetteers), quiet=quiet,
                               **options)
            base = options.get("base", DEFAULT_BASE)
            return cls(result.graph, build_dir=out, files=result.files, base=base)
        base = options.pop("base", DEFAULT_BASE)
        how = options.pop("options", None)
        if options:
            raise TypeError(f"an in-memory build takes no option {', '.join(sorted(options))} (give out=DIR)")
        graph, files = _build_in_memory(inputs, extractor, gazetteers, quiet, how)
        return cls(graph, files=files, base=base)

    @classmethod
    def load(cls, build_dir: PathLike) -> ElectionGraph:
        """Read a build directory: its ``graph.json`` now, its RDF (``graph.nq`` ... ``graph.ttl``) when
        ``sparql`` or ``query`` first needs it.

        Raises:
            ElectionGraphError: the directory holds no ``graph.json``.

        >>> ElectionGraph.load(build_dir).graph.number_of_nodes() > 0
        True
        """
        from graph.export.json import read_json

        path = Path(build_dir) / "graph.json"
        if not path.is_file():
            raise ElectionGraphError(f"{build_dir}: no graph.json here; run `electiongraph build --out DIR` "
                                     "(with the json format) first")
        logger.info("loading %s", path)
        return cls(read_json(path), build_dir=build_dir)

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The networkx graph itself (nodes and edges as in ``graph.schema``), for graph algorithms.

        >>> eg.graph.nodes["person/benoit-hamon"]["label"]
        'Benoît Hamon'
        """
        return self._graph

    def __repr__(self) -> str:
        kinds = Counter(d.get(ATTR.KIND) for _, d in self._graph.nodes(data=True))
        relations = sum(edge_kind(k) in RELATION_EDGES for _, _, k in self._graph.edges(keys=True))
        return (f"<ElectionGraph: {kinds[NodeKind.DOCUMENT]} documents, {kinds[NodeKind.ENTITY]} entities, "
                f"{kinds[NodeKind.EVENT]} events, {relations} relations>")

    def find(self, name: str) -> str:
        """The id of the entity called ``name`` (a label, an alias or an id; case and accents ignored).

        Raises:
            graph.timeline.EntityNotFound: nothing answers to it (the message suggests close names).

        >>> eg.find("benoit hamon")
        'person/benoit-hamon'
        """
        return find_entity(self._graph, name)

    def entities(self, type: str | None = None, role: str | None = None) -> pd.DataFrame:
        """Entities, most mentioned first (documents, then mentions, then id).

        Args:
            type: only this type: person, party, election, org, place or media (any case).
            role: only entities with this role, e.g. ``candidate``.

        Returns:
            Columns ``id``, ``name``, ``type`` (``PERSON`` ...), ``roles`` and ``aliases`` (tuples),
            ``mentions``, ``n_documents`` (documents that mention or cite it), ``n_events`` (events that
            involve it), ``n_relations`` (election relations it takes part in).

        Raises:
            ValueError: an unknown type.

        >>> candidates = eg.entities(type="person", role="candidate")
        >>> list(candidates.columns)
        ['id', 'name', 'type', 'roles', 'aliases', 'mentions', 'n_documents', 'n_events', 'n_relations']
        >>> {"Benoît Hamon", "Manuel Valls"} <= set(candidates.name)
        True
        """
        wanted = _entity_type(type)
        rows = [self._entity_row(n, d) for n, d in self._graph.nodes(data=True)
                if d.get(ATTR.KIND) == NodeKind.ENTITY and (wanted is None or d.get(ATTR.TYPE) == wanted)
                and (role is None or role in (d.get(ATTR.ROLES) or ()))]
        rows.sort(key=lambda r: (-r["n_documents"], -r["mentions"], r["id"]))
        return _frame(rows, _ENTITY_COLUMNS)

    def _entity_row(self, node: str, data: Mapping[str, Any]) -> dict[str, Any]:
        g = self._graph
        into = [(u, edge_kind(k)) for u, _, k in g.in_edges(node, keys=True)]
        docs = {u for u, kind in into if kind in (EdgeKind.MENTIONS, EdgeKind.CITES)}
        relations = sum(edge_kind(k) in RELATION_EDGES for _, _, k in g.out_edges(node, keys=True))
        relations += sum(kind in RELATION_EDGES for _, kind in into)
        return {"id": node, "name": data.get(ATTR.LABEL, node), "type": data.get(ATTR.TYPE),
                "roles": tuple(data.get(ATTR.ROLES) or ()), "aliases": tuple(data.get(ATTR.ALIASES) or ()),
                "mentions": int(data.get(ATTR.COUNT) or 0), "n_documents": len(docs),
                "n_events": sum(kind == EdgeKind.INVOLVES for _, kind in into), "n_relations": relations}

    def events(self, start: Any = None, end: Any = None) -> pd.DataFrame:
        """Events in date order (undated last, ties by id), optionally those overlapping [start, end].

        Args:
            start, end: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` text, or a date; a month overlaps its days
                (``2017-03`` is kept for ``start="2017-03-15"``). With a bound, undated events are left out.

        Returns:
            Columns ``id``, ``date``, ``date_precision``, ``kind`` (page, related, sub_event), ``title``,
            ``entities`` (ids of the entities it involves), ``contexts`` (topic and context labels) and
            ``documents`` (ids of the documents that report or link to it), the last three as tuples.

        Raises:
            ValueError: a bound that is not a date.

        >>> march = eg.events(start="2017-03", end="2017-03")
        >>> sorted(set(march.date.dt.month)), any("Valls" in title for title in march.title)
        ([3], True)
        """
        lo, hi = _bound(start), _bound(end)
        rows = [self._event_row(n, d) for n, d in self._graph.nodes(data=True)
                if d.get(ATTR.KIND) == NodeKind.EVENT and _overlaps(d.get(ATTR.DATE), lo, hi)]
        rows.sort(key=lambda r: (r["date"] is None, r["date"] or "", r["id"]))
        return _frame(rows, _EVENT_COLUMNS)

    def _event_row(self, node: str, data: Mapping[str, Any]) -> dict[str, Any]:
        out = sorted((v, edge_kind(k)) for _, v, k in self._graph.out_edges(node, keys=True))
        contexts = [self._graph.nodes[v].get(ATTR.LABEL, v) for v, kind in out
                    if kind in (EdgeKind.HAS_TOPIC, EdgeKind.HAS_CONTEXT)]
        return {"id": node, "date": data.get(ATTR.DATE), "kind": data.get(ATTR.EVENT_KIND),
                "title": data.get(ATTR.LABEL, node),
                "entities": tuple(v for v, kind in out if kind == EdgeKind.INVOLVES),
                "contexts": tuple(contexts), "documents": tuple(data.get(ATTR.DOCS) or ())}

    def timeline(self, entity: str) -> pd.DataFrame:
        """An entity's events and relations in date order (undated last), as ``graph.timeline.timeline``.

        Args:
            entity: a name, an alias or an id (see ``find``).

        Returns:
            Columns ``date``, ``date_precision``, ``kind`` (an event kind or a relation name), ``title``,
            ``node`` (the event, or the relation's object) and ``documents`` (a tuple of document ids).

        Raises:
            graph.timeline.EntityNotFound: no entity answers to ``entity``.

        >>> tl = eg.timeline("Benoît Hamon")
        >>> tl.date.is_monotonic_increasing, "2017-01-29" in set(tl.date.dt.strftime("%Y-%m-%d"))
        (True, True)
        """
        rows = [{"date": e.date, "kind": e.kind, "title": e.title, "node": e.node, "documents": e.documents}
                for e in timeline(self._graph, entity)]
        return _frame(rows, _TIMELINE_COLUMNS)

    def relations(self, kind: str | Iterable[str] | None = None, entity: str | None = None) -> pd.DataFrame:
        """Election relations (endorses, member_of, candidate_in, defeats, vote_share, withdraws) in date
        order (undated last), then by kind, subject and object.

        Args:
            kind: one relation name or several; None: all.
            entity: only the relations this entity takes part in (a name, an alias or an id).

        Returns:
            Columns ``subject``, ``subject_name``, ``kind``, ``object``, ``object_name``, ``date``,
            ``date_precision``, ``value`` (float, NaN when none), ``unit`` (percent, seats, votes or None),
            ``confidence``, ``evidence`` (the sentence), ``document`` (where the evidence is) and
            ``documents`` (every document that states it, a tuple).

        Raises:
            ValueError: an unknown relation name.

        >>> endorsements = eg.relations(kind="endorses")
        >>> by_valls = endorsements[endorsements.subject_name == "Manuel Valls"]
        >>> by_valls[["object_name", "date"]].values.tolist()
        [['Emmanuel Macron', Timestamp('2017-03-29 00:00:00')]]
        """
        kinds = _relation_kinds(kind)
        node = self.find(entity) if entity is not None else None
        rows = [self._relation_row(u, v, edge_kind(k), d)
                for u, v, k, d in self._graph.edges(keys=True, data=True)
                if edge_kind(k) in kinds and (node is None or node in (u, v))]
        rows.sort(key=lambda r: (r["date"] is None, r["date"] or "", r["kind"], r["subject"], r["object"],
                                 -1.0 if r["value"] is None else r["value"]))
        return _frame(rows, _RELATION_COLUMNS)

    def _relation_row(self, u: str, v: str, kind: str, data: Mapping[str, Any]) -> dict[str, Any]:
        nodes = self._graph.nodes
        return {"subject": u, "subject_name": nodes[u].get(ATTR.LABEL, u), "kind": kind, "object": v,
                "object_name": nodes[v].get(ATTR.LABEL, v), "date": data.get(ATTR.DATE),
                "value": data.get(ATTR.VALUE), "unit": data.get(ATTR.UNIT),
                "confidence": data.get(ATTR.CONFIDENCE), "evidence": data.get(ATTR.EVIDENCE),
                "document": data.get(ATTR.DOC), "documents": tuple(data.get(ATTR.DOCS) or ())}

    def comentions(self, entity: str | None = None, *, period: str | None = None) -> pd.DataFrame:
        """Pairs of entities mentioned in the same documents, counted by document (and by period).

        Args:
            entity: only the pairs with this entity (a name, an alias or an id), which is then ``entity``.
            period: ``month`` or ``year``: count per period of the documents' dates, in a first column
                ``period`` (the period's first day; NaT for undated documents). None: over all documents.

        Returns:
            Columns [``period``], ``entity``, ``entity_name``, ``other``, ``other_name``, ``documents``;
            by period (NaT last), most shared documents first, then by ids. Without ``entity`` each pair is
            one row, ``entity`` < ``other``.

        Raises:
            ValueError: an unknown period.

        >>> pairs = eg.comentions("Manuel Valls")
        >>> pairs.documents.is_monotonic_decreasing, "Benoît Hamon" in set(pairs.other_name)
        (True, True)
        """
        if period not in (None, "month", "year"):
            raise ValueError(f"period must be None, 'month' or 'year', not {period!r}")
        focus = self.find(entity) if entity is not None else None
        counts: Counter[tuple[str, str, str]] = Counter()
        for doc, mentioned in self._mentions().items():
            when = _period(self._graph.nodes[doc].get(ATTR.DATE), period)
            for a, b in combinations(sorted(mentioned), 2):
                if focus is None or focus in (a, b):
                    counts[(when, *((a, b) if focus in (None, a) else (b, a)))] += 1
        names = self._graph.nodes
        rows = [{"period": when or None, "entity": a, "entity_name": names[a].get(ATTR.LABEL, a), "other": b,
                 "other_name": names[b].get(ATTR.LABEL, b), "documents": n}
                for (when, a, b), n in counts.items()]
        rows.sort(key=lambda r: (not r["period"], r["period"] or "", -r["documents"], r["entity"],
                                 r["other"]))
        columns = ({"period": "date"} if period else {}) | _COMENTION_COLUMNS
        frame = _frame(rows, columns)
        return frame.drop(columns="period_precision") if period else frame

    def _mentions(self) -> dict[str, set[str]]:
        found: dict[str, set[str]] = defaultdict(set)
        for u, v, k in self._graph.edges(keys=True):
            if edge_kind(k) == EdgeKind.MENTIONS:
                found[u].add(v)
        return found

    def entity_graph(self) -> nx.Graph:
        """Entities linked by what they share: an undirected graph for centrality, communities and paths.

        Two entities are linked when an event involves both or an election relation joins them. Edge
        attributes: ``events`` (shared events), ``relations`` (relation names, sorted) and ``weight``
        (events + relations). Nodes are every entity, with ``name`` and ``type``.

        >>> people = eg.entity_graph()
        >>> hamon, macron = eg.find("Benoît Hamon"), eg.find("Emmanuel Macron")
        >>> people.nodes[hamon]["name"], nx.has_path(people, hamon, macron)
        ('Benoît Hamon', True)
        """
        g = self._graph
        out = nx.Graph()
        out.add_nodes_from(sorted((n, {"name": d.get(ATTR.LABEL, n), "type": d.get(ATTR.TYPE)})
                                  for n, d in g.nodes(data=True) if d.get(ATTR.KIND) == NodeKind.ENTITY))
        shared: Counter[tuple[str, str]] = Counter()
        for ev, d in g.nodes(data=True):
            if d.get(ATTR.KIND) == NodeKind.EVENT:
                involved = sorted({v for _, v, k in g.out_edges(ev, keys=True) if k == EdgeKind.INVOLVES})
                shared.update(combinations(involved, 2))
        kinds: dict[tuple[str, str], list[str]] = defaultdict(list)
        for u, v, k in g.edges(keys=True):
            if edge_kind(k) in RELATION_EDGES and u != v:
                kinds[tuple(sorted((u, v)))].append(edge_kind(k))  # type: ignore[index]
        for pair in sorted(set(shared) | set(kinds)):
            out.add_edge(*pair, events=shared[pair], relations=tuple(sorted(kinds[pair])),
                         weight=shared[pair] + len(kinds[pair]))
        return out

    @property
    def store(self) -> ox.Store:
        """The pyoxigraph store that ``sparql`` and ``query`` run on, loaded on first use: the build's RDF
        file (``graph.store.open_store``), or for a graph built in memory its RDF made with
        ``graph.export.rdf.to_statements`` (the default graph and one named graph per document).

        >>> len(eg.store) > 0
        True
        """
        if self._store is None:
            self._store = self._open_store()
        return self._store

    def _open_store(self) -> ox.Store:
        import pyoxigraph as ox

        from graph.rdfio import RDF_FORMATS
        from graph.store import open_store

        files = [self.build_dir / spec.filename for spec in RDF_FORMATS.values()] if self.build_dir else []
        if any(path.is_file() for path in files):
            return open_store(self.build_dir)
        from graph.export.rdf import to_statements

        store = ox.Store()
        store.extend(to_statements(self._graph, base=self.base).ox_quads())
        logger.info("made the RDF of the graph in memory: %d quads", len(store))
        return store

    def iri(self, entity: str) -> URIRef:
        """The IRI of an entity in the RDF (a name, an alias, an id or an IRI), to bind in ``sparql``.

        Raises:
            graph.lookup.NotFound: nothing answers to it.

        >>> str(eg.iri("Benoît Hamon")).endswith("/person/benoit-hamon")
        True
        """
        from rdflib import URIRef

        from graph.lookup import find_entity_iri

        return URIRef(find_entity_iri(self.store, entity).value)

    def sparql(self, query: str, **params: Any) -> pd.DataFrame | bool:
        """Run a SPARQL query (pyoxigraph) and return its solutions as a DataFrame of Python values.

        The project prefixes (``eg:``, ``schema:``, ``sem:``, ``prov:``, ``dcterms:``, ``skos:``, ``rdfs:``,
        ``rdf:``, ``xsd:``, ``owl:``) are predeclared. Each keyword binds a variable to an RDF term before
        evaluation, never pasted into the text: an ``rdflib`` or ``pyoxigraph`` term as it is (``iri``
        gives an entity's), ``str`` a string literal, ``int``/``float``/``bool``/``Decimal`` typed literals,
        ``date``/``datetime`` ``xsd:date``/``xsd:dateTime``. A bound variable must be in the SELECT clause (or
        ``SELECT *``); its column is dropped from the result. A trailing ``_`` is dropped from a keyword.

        Columns are named after the query's variables. Cells: IRIs as ``str``, integers as ``int``, decimals and doubles as ``float``, booleans as ``bool``,
        strings as ``str``, unbound as None/NaN. A column of dates becomes ``datetime64[ns]`` followed by a
        ``<name>_precision`` column (``day``, ``month``, ``year``); integer columns with unbound cells are
        ``Int64``. ASK returns a ``bool``; CONSTRUCT and DESCRIBE a frame of ``subject``, ``predicate``,
        ``object``.

        Raises:
            graph.sparql.SparqlSyntaxError: the query does not parse (the message shows where).
            extract.errors.ElectionGraphError: it cannot run (an update, a binding not projected, ...).

        >>> q = '''SELECT ?endorsed ?date ?who WHERE {
        ...   ?r a eg:Endorsement ; eg:endorser ?who ; eg:endorsed/rdfs:label ?endorsed ;
        ...      dcterms:date ?date }'''
        >>> eg.sparql(q, who=eg.iri("Manuel Valls")).values.tolist()
        [['Emmanuel Macron', Timestamp('2017-03-29 00:00:00'), 'day']]
        >>> eg.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?r a eg:Endorsement }").n.dtype
        dtype('int64')
        """
        from graph.sparql import run_query

        bindings = {name.rstrip("_"): _term(value) for name, value in params.items()}
        result = run_query(self.store, query, bindings=bindings)
        if result.form == "select" and bindings:
            result = result.without(list(bindings))
        return _result_frame(result)

    def query(self, name: str, params: Mapping[str, Any] | None = None, **kwargs: Any) -> pd.DataFrame:
        """Run a named query of the library (``graph/data/queries/*.rq``), as ``electiongraph query --name``.

        Parameters are bound as RDF terms: entities and documents are looked up by name, alias, id or IRI,
        dates are ``YYYY[-MM[-DD]]`` text or dates. ``from`` is a Python keyword: write ``from_=...`` or pass
        ``params={"from": ...}``. Bound parameters are not columns of the result. Cells as in ``sparql``;
        the queries' camelCase variables become snake_case columns (``electionName`` -> ``election_name``).

        Raises:
            graph.queries.ParameterError: an unknown query, an unknown or missing parameter, a bad date, or
                a name that matches nothing.

        >>> events = eg.query("events", from_="2017-03", to="2017-03")
        >>> list(events.columns[:4]), len(events) == len(eg.events("2017-03", "2017-03"))
        (['date', 'date_precision', 'kind', 'title'], True)
        """
        from graph.lookup import bind_params
        from graph.queries import named_query
        from graph.sparql import run_query

        named = named_query(name)
        values = {**(params or {}), **{key.rstrip("_"): value for key, value in kwargs.items()}}
        texts = {key: _param_text(value) for key, value in values.items() if value is not None}
        bindings = bind_params(self.store, named, texts)
        result = run_query(self.store, named.text, bindings=bindings).without(named.param_names)
        return _result_frame(result, snake_case=True)  # type: ignore[return-value]

    @staticmethod
    def queries() -> pd.DataFrame:
        """The named queries ``query`` runs: ``name``, ``summary``, ``parameters`` (``[optional]`` ones
        bracketed) and ``text`` (the SPARQL, usable in any SPARQL tool), by name.

        >>> ElectionGraph.queries().set_index("name").loc["events", "parameters"]
        '[from] [to]'
        """
        from graph.queries import named_queries

        rows = [{"name": q.name, "summary": q.summary, "text": q.text,
                 "parameters": " ".join(p.name if p.required else f"[{p.name}]" for p in q.params)}
                for q in named_queries().values()]
        rows.sort(key=lambda r: r["name"])
        return _frame(rows, {"name": object, "summary": object, "parameters": object, "text": object})

    def network_html(self, entity: str | None = None, *, depth: int = 1, max_nodes: int = 150,
                     height: int = 820, title: str = "electiongraph") -> str:
        """The interactive network as an ``<iframe>`` whose page is inlined (``srcdoc``, HTML-escaped).

        The page is the build's ``network.html`` (vis-network inline, no CDN, a CSP that forbids every fetch,
        document text escaped); nothing is written to disk. The iframe is sandboxed: its scripts run in an
        opaque origin and cannot reach the notebook.

        Args:
            entity: draw this entity and its neighbours (a name, alias or id); None: the whole linked graph,
                or its most connected part above ``max_nodes``.
            depth: with ``entity``, how many links away the neighbours go (the most connected first).
            max_nodes: nodes drawn at most.
            height: of the iframe, in pixels.
            title: shown (escaped) in the page and the iframe's title.

        >>> frame = eg.network_html("Benoît Hamon")
        >>> frame.startswith("<iframe") and "<script" not in frame and "vis.DataSet" in html.unescape(frame)
        True
        """
        from graph.export.views.network import render_network
        from graph.export.views.select import Selection, select_network, view_graph

        view = view_graph(self._graph)
        if entity is None:
            selection = select_network(self._graph, view, max_nodes)
        else:
            nodes = _neighbourhood(view, self.find(entity), depth, max_nodes)
            selection = Selection(tuple(sorted(nodes)), len(nodes))
        page = render_network(self._graph, view, selection, {}, title=title)
        page = _NAV_RE.sub("", page, count=1)
        return (f'<iframe title="{html.escape(title)} network" srcdoc="{html.escape(page, quote=True)}" '
                'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
                f'style="width: 100%; height: {int(height)}px; border: 1px solid #ddd"></iframe>')

    def show(self, entity: str | None = None, **options: Any) -> Any:
        """Show the interactive network inline in Jupyter (an ``IPython.display.HTML`` of ``network_html``).

        ``entity`` and ``options`` (``depth``, ``max_nodes``, ``height``, ``title``) are ``network_html``'s.

        >>> eg.show("Manuel Valls", depth=1).data.startswith('<div class="electiongraph-view"><iframe')
        True
        """
        display = _require("IPython.display", "IPython (it comes with Jupyter)")
        # a bare <iframe> would make IPython warn and suggest its IFrame (a URL, not inline HTML)
        return display.HTML(f'<div class="electiongraph-view">{self.network_html(entity, **options)}</div>')

    def plot_timeline(self, entities: str | Iterable[str] | None = None, *,
                      kinds: Iterable[str] | None = None, start: Any = None, end: Any = None,
                      ax: Axes | None = None, limit: int = 8) -> Axes:
        """Plot entities' timelines with matplotlib: one lane per entity, one mark per dated entry.

        Events are grey circles on the lane; relations are diamonds coloured by kind (as in the HTML views),
        each kind slightly above or below the lane so that marks of one day stay visible. Month-only dates
        are drawn on the 15th, as the views do. Undated entries are left out.

        Args:
            entities: names, aliases or ids; None: the ``limit`` most mentioned candidates.
            kinds: only these entry kinds (``page``, ``related``, ``sub_event`` or relation names).
            start, end: only the entries whose date overlaps [start, end] (as in ``events``).
            ax: the Axes to draw on; None: a new figure.

        >>> ax = eg.plot_timeline(["Benoît Hamon", "Manuel Valls"])
        >>> [t.get_text() for t in ax.get_yticklabels()]
        ['Benoît Hamon', 'Manuel Valls']
        """
        names = self._plot_entities(entities, limit)
        if ax is None:
            plt = _require("matplotlib.pyplot", "matplotlib")
            _, ax = plt.subplots(figsize=(10, 1.2 + 0.45 * max(len(names), 1)))
        window = (_bound(start), _bound(end))
        marks = self._plot_marks(names, None if kinds is None else set(kinds), window)
        _draw_marks(ax, marks)
        ax.set_yticks(range(len(names)), [self._graph.nodes[n].get(ATTR.LABEL, n) for n in names])
        ax.set_ylim(len(names) - 0.5, -0.5)
        ax.grid(axis="x", alpha=0.3)
        ax.set_title("Timeline")
        if marks:
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
        return ax

    def _plot_entities(self, entities: str | Iterable[str] | None, limit: int) -> list[str]:
        if entities is None:
            return self.entities(role="candidate").id.head(limit).tolist()
        wanted = [entities] if isinstance(entities, str) else list(entities)
        return list(dict.fromkeys(self.find(name) for name in wanted))

    def _plot_marks(self, nodes: list[str], kinds: set[str] | None,
                    window: tuple[str | None, str | None]) -> dict[str, list[tuple[Any, int]]]:
        """Kind -> (day, lane) of every dated entry to draw."""
        marks: dict[str, list[tuple[Any, int]]] = defaultdict(list)
        for lane, node in enumerate(nodes):
            for entry in timeline(self._graph, node):
                day = _plot_day(entry.date)
                wanted = kinds is None or entry.kind in kinds
                if day is not None and wanted and _overlaps(entry.date, *window):
                    marks["event" if entry.kind in _EVENT_KINDS else entry.kind].append((day, lane))
        return dict(sorted(marks.items(), key=lambda kv: (kv[0] != "event", kv[0])))


def _build_in_memory(paths: list[Path], extractor: Extractor | None, gazetteers: Iterable[PathLike],
                     quiet: bool, how: Any = None) -> tuple[nx.MultiDiGraph, list]:
    from graph.build import build_graph
    from graph.job import extract_documents, read_corpus

    documents, reports = read_corpus(paths)
    if not reports:
        raise ElectionGraphError(f"no input files under {', '.join(str(p) for p in paths)}")
    if extractor is None:
        extra = [Path(g) for g in gazetteers]
        chosen = {} if how is None else {"options": how}  # the job's default: no cache without a directory
        extractions = list(extract_documents(documents, gazetteers=extra, quiet=quiet, **chosen))
    elif how is not None:
        raise TypeError("options= chooses how extraction runs; it does not go with extractor=")
    else:
        extractions = list(extractor.extract(documents))
    logger.info("built the graph of %d documents in memory", len(extractions))
    return build_graph(extractions), reports


def _as_paths(paths: PathLike | Iterable[PathLike] | None) -> list[PathLike]:
    if paths is None:
        return []
    if isinstance(paths, (str, os.PathLike)):
        return [paths]
    return list(paths)


def _require(module: str, what: str) -> Any:
    """Import an optional dependency, or say how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ImportError(f"{what} is needed for this; install the analysis extra: {_EXTRA}") from e


def _pandas() -> Any:
    return _require("pandas", "pandas")


def _frame(rows: list[dict[str, Any]], columns: Mapping[str, Any]) -> pd.DataFrame:
    """A DataFrame with these columns and dtypes; a ``date`` column is followed by its ``_precision``."""
    pd = _pandas()
    data: dict[str, Any] = {}
    for name, dtype in columns.items():
        values = [row[name] for row in rows]
        if dtype == "date":
            data[name], data[f"{name}_precision"] = _dates(values)
        else:
            data[name] = pd.Series(values, dtype=dtype)
    return pd.DataFrame(data)


def _dates(texts: list[str | None]) -> tuple[pd.Series, pd.Series]:
    """``YYYY[-MM[-DD]]`` texts as datetime64[ns] (a month or year as its first day) and their precisions."""
    pd = _pandas()
    valid = [t if isinstance(t, str) and _DATE_RE.fullmatch(t) else None for t in texts]
    padded = [None if t is None else t + "-01-01"[: 10 - len(t)] for t in valid]
    days = pd.to_datetime(pd.Series(padded, dtype=object), format="%Y-%m-%d", errors="coerce")
    precision = [None if t is None else _PRECISION[len(t)] for t in valid]
    return days.astype("datetime64[ns]"), pd.Series(precision, dtype=object)


def _entity_type(value: str | None) -> str | None:
    if value is None:
        return None
    known = [str(t) for t in EntityType]
    if value.upper() not in known:
        raise ValueError(f"unknown entity type {value!r}; choose from {', '.join(t.lower() for t in known)}")
    return value.upper()


def _relation_kinds(kind: str | Iterable[str] | None) -> frozenset[str]:
    if kind is None:
        return frozenset(RELATION_EDGES)
    kinds = frozenset([kind] if isinstance(kind, str) else kind)
    unknown = sorted(kinds - set(RELATION_EDGES))
    if unknown:
        raise ValueError(f"unknown relation {', '.join(unknown)}; choose from {', '.join(RELATION_EDGES)}")
    return kinds


def _bound(value: Any) -> str | None:
    """A date bound as ``YYYY[-MM[-DD]]`` text."""
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):  # pandas Timestamps are datetimes
        return value.isoformat()[:10]
    text = str(value).strip()
    if not _DATE_RE.fullmatch(text):
        raise ValueError(f"not a date: {value!r} (expected YYYY, YYYY-MM, YYYY-MM-DD or a date)")
    return text


def _overlaps(day: str | None, lo: str | None, hi: str | None) -> bool:
    """Whether a date overlaps [lo, hi], compared at the coarser precision of the two (as ``events.rq``)."""
    if lo is None and hi is None:
        return True
    if not day:
        return False
    after = lo is None or day[: len(lo)] >= lo[: len(day)]
    return after and (hi is None or day[: len(hi)] <= hi[: len(day)])


def _period(day: str | None, period: str | None) -> str:
    """A date's month (``YYYY-MM``) or year (``YYYY``); ``""`` when it has none or is coarser than that."""
    if period is None:
        return ""
    size = 7 if period == "month" else 4
    return day[:size] if isinstance(day, str) and len(day) >= size else ""


def _param_text(value: Any) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


def _term(value: Any) -> Any:
    """A Python value as a pyoxigraph term to bind (see ``ElectionGraph.sparql``)."""
    import pyoxigraph as ox
    from rdflib.term import Identifier

    from graph.rdfterms import to_ox

    if isinstance(value, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return value
    if isinstance(value, Identifier):  # before str: URIRef and Literal are str subclasses
        return to_ox(value)  # type: ignore[arg-type]
    if isinstance(value, Decimal):
        return ox.Literal(str(value), datatype=ox.NamedNode(_XSD + "decimal"))
    if isinstance(value, dt.datetime):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(_XSD + "dateTime"))
    if isinstance(value, dt.date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(_XSD + "date"))
    if isinstance(value, (bool, int, float, str)):
        return ox.Literal(value)
    raise TypeError(f"cannot bind a {type(value).__name__} in a SPARQL query; "
                    "give a str, a number, a date or an RDF term")


def _python(term: Any) -> Any:
    """A result term as a Python value; an xsd date stays a ``_Date`` (its text) until its column is typed."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if not isinstance(term, ox.Literal):
        return str(term)
    datatype = term.datatype.value
    try:
        if datatype in _INTEGERS:
            return int(term.value)
        if datatype in _FLOATS:
            return float(term.value)
    except ValueError:
        return term.value
    if datatype == _XSD + "boolean":
        return term.value in ("true", "1")
    if datatype in _DATES and _DATE_RE.fullmatch(term.value):
        return _Date(term.value)
    if datatype == _XSD + "dateTime":
        try:
            return dt.datetime.fromisoformat(term.value)
        except ValueError:
            return term.value
    return term.value


class _Date(str):
    """The lexical form of an xsd:date, xsd:gYearMonth or xsd:gYear, until its column is typed."""


def _result_frame(result: Any, *, snake_case: bool = False) -> pd.DataFrame | bool:
    pd = _pandas()
    if result.form == "ask":
        return bool(result.boolean)
    if result.form == "graph":
        rows = [[_plain(_python(t)) for t in (x.subject, x.predicate, x.object)] for x in result.triples]
        return pd.DataFrame(rows, columns=["subject", "predicate", "object"], dtype=object)
    data: dict[str, Any] = {}
    for i, name in enumerate(result.variables):
        name = _CAMEL_RE.sub(r"_\1", name).lower() if snake_case else name
        data |= _column(name, [_python(row[i]) for row in result.rows])
    return pd.DataFrame(data, index=pd.RangeIndex(len(result.rows)))


def _column(name: str, cells: list[Any]) -> dict[str, Any]:
    """One result column, typed by its values: dates, integers, floats, booleans, or Python objects."""
    pd = _pandas()
    present = [c for c in cells if c is not None]
    if present and all(isinstance(c, _Date) for c in present):
        days, precision = _dates([None if c is None else str(c) for c in cells])
        return {name: days, f"{name}_precision": precision}
    if present and all(isinstance(c, int) and not isinstance(c, bool) for c in present):
        return {name: pd.Series(cells, dtype="int64" if len(present) == len(cells) else "Int64")}
    if present and all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in present):
        return {name: pd.Series([float("nan") if c is None else float(c) for c in cells], dtype="float64")}
    if present and len(present) == len(cells) and all(isinstance(c, bool) for c in present):
        return {name: pd.Series(cells, dtype="bool")}
    return {name: pd.Series([_plain(c) for c in cells], dtype=object)}


def _plain(cell: Any) -> Any:
    """A date of a mixed column as a ``datetime.date`` (a month or year stays text)."""
    if isinstance(cell, _Date):
        return dt.date.fromisoformat(cell) if len(cell) == 10 else str(cell)
    return cell


def _neighbourhood(view: Any, node: str, depth: int, max_nodes: int) -> set[str]:
    """``node`` and the nodes up to ``depth`` view links away, the most connected first when capped."""
    kept, frontier = {node}, [node]
    for _ in range(max(depth, 0)):
        nearby = {m for n in frontier for m in view.neighbours.get(n, ())} - kept
        frontier = view.rank(nearby)[: max(max_nodes - len(kept), 0)]
        kept.update(frontier)
    return kept


def _plot_day(date: str | None) -> dt.date | None:
    """Where a date is drawn: its day, the 15th of a month-only date, the 1st of July of a year-only date."""
    if not date or not _DATE_RE.fullmatch(date):
        return None
    return dt.date.fromisoformat({4: f"{date}-07-01", 7: f"{date}-15", 10: date}[len(date)])


def _draw_marks(ax: Axes, marks: Mapping[str, list[tuple[Any, int]]]) -> None:
    import matplotlib.dates as mdates

    from graph.export.views.style import EDGE_STYLES, NODE_STYLES

    for kind, points in marks.items():
        days, lanes = zip(*points)
        # each relation kind a little above or below the lane, so marks of one day do not hide each other
        shift = _SHIFTS.get(kind, 0.0)
        if kind == "event":
            style = {"color": "#9a9a9a", "marker": "o", "s": 26, "label": "event", "zorder": 2}
        else:
            color = EDGE_STYLES[kind].color if kind in EDGE_STYLES else NODE_STYLES[NodeKind.EVENT].color
            style = {"color": color, "marker": "D", "s": 40, "label": kind.replace("_", " "), "zorder": 3}
        ys = [lane + shift for lane in lanes]
        ax.scatter(mdates.date2num(days), ys, edgecolors="white", linewidths=0.5, **style)
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
