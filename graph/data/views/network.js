/* electiongraph views: the network page's behaviour on top of pyvis's drawing (globals nodes, edges,
   network). Settles the layout, then physics goes off; filters by type, relation and date hide nodes and
   edges; a click opens the details panel with the evidence and the sources. */
(function () {
  "use strict";
  var panel = document.getElementById("eg-details");
  var status = document.getElementById("eg-visible");
  var from = document.getElementById("eg-from"), to = document.getElementById("eg-to");
  var span = EG.data.span || ["", ""];
  var bar = document.getElementById("loadingBar");
  var card = document.getElementById("mynetwork").parentNode;
  if (bar) { card.appendChild(bar); }

  function checked(attr) {
    var out = {};
    Array.prototype.forEach.call(document.querySelectorAll("input[" + attr + "]"), function (box) {
      if (box.checked) { out[box.getAttribute(attr)] = true; }
    });
    return out;
  }

  function apply() {
    var types = checked("data-type"), rels = checked("data-rel");
    var lo = from.value || span[0], hi = to.value || span[1];
    var narrowed = lo > span[0] || hi < span[1];
    var inRange = function (d) { return d ? d >= lo && d <= hi : !narrowed; };
    var hidden = {}, linked = {}, shownEdges = 0, changes = [];
    nodes.forEach(function (n) { hidden[n.id] = !types[n.etype] || (n.etype === "event" && !inRange(n.dk)); });
    var edgeChanges = [];
    edges.forEach(function (e) {
      var hide = !rels[e.relation] || hidden[e.from] || hidden[e.to] || (e.dk ? !inRange(e.dk) : false);
      if (!hide) { linked[e.from] = linked[e.to] = true; shownEdges++; }
      if (!!e.hidden !== hide) { edgeChanges.push({id: e.id, hidden: hide}); }
    });
    var shown = 0;
    nodes.forEach(function (n) {
      var hide = hidden[n.id] || (narrowed && !linked[n.id]);
      if (!hide) { shown++; }
      if (!!n.hidden !== hide) { changes.push({id: n.id, hidden: hide}); }
    });
    nodes.update(changes);
    edges.update(edgeChanges);
    status.textContent = shown + " of " + nodes.length + " nodes and " + shownEdges + " of " + edges.length + " links shown";
  }

  function names(ids) {
    var sec = EG.el("p", "eg-names");
    ids.forEach(function (id, i) {
      var n = nodes.get(id);
      if (!n) { return; }
      if (i) { sec.appendChild(document.createTextNode(", ")); }
      sec.appendChild(n.page ? EG.page(n.page, n.name) : EG.el("span", null, n.name));
    });
    return sec;
  }

  function showNode(id) {
    var n = nodes.get(id);
    if (!n) { return; }
    EG.openPanel(panel, n.name, n.meta);
    if (n.page) { EG.section(panel).appendChild(EG.page(n.page, "Open the page of " + n.name + " (ego network and timeline)")); }
    if (n.also) { EG.section(panel, "Also written").appendChild(EG.el("p", null, n.also)); }
    var around = edges.get({filter: function (e) { return e.from === id || e.to === id; }});
    var rels = around.filter(function (e) { return e.text; });
    if (rels.length) {
      var sec = EG.section(panel, "Relations");
      rels.forEach(function (e) { EG.relationBlock(sec, e); });
    }
    var others = around.filter(function (e) { return !e.text; }).map(function (e) { return e.from === id ? e.to : e.from; });
    if (others.length) {
      var heading = n.etype === "event" ? "Involves and related" : "Events (" + others.length + " drawn)";
      EG.section(panel, heading).appendChild(names(others.slice(0, 40)));
    }
    if (n.etype === "event") { EG.docs(panel, n.docs, n.ndocs); }
  }

  function showEdge(id) {
    var e = edges.get(id);
    if (!e) { return; }
    if (e.text) {
      EG.openPanel(panel, e.text, e.relation.replace(/_/g, " ") + " · " + (e.date || "undated"));
      EG.relationBlock(panel, e);
      return;
    }
    var a = nodes.get(e.from), b = nodes.get(e.to);
    EG.openPanel(panel, (a ? a.name : e.from) + " — " + (b ? b.name : e.to), e.relation.replace(/_/g, " "));
    panel.appendChild(names([e.from, e.to]));
  }

  var done = false;
  function settled() {
    if (done) { return; }
    done = true;
    if (bar) { bar.style.display = "none"; }
    network.setOptions({physics: {enabled: false}});
    window.electiongraphStabilizedAt = Math.round(performance.now());
    var wanted = decodeURIComponent(window.location.hash.slice(1));
    if (wanted && nodes.get(wanted)) {
      network.selectNodes([wanted]);
      network.focus(wanted, {scale: 1.1});
      showNode(wanted);
    }
    EG.done();
  }

  Array.prototype.forEach.call(document.querySelectorAll("#eg-controls input"), function (box) {
    box.addEventListener("change", apply);
  });
  document.getElementById("eg-reset").addEventListener("click", function () {
    Array.prototype.forEach.call(document.querySelectorAll("#eg-controls input[type=checkbox]"), function (b) { b.checked = true; });
    from.value = span[0];
    to.value = span[1];
    apply();
  });
  from.value = span[0];
  to.value = span[1];
  network.on("click", function (p) {
    if (p.nodes.length) { showNode(p.nodes[0]); } else if (p.edges.length) { showEdge(p.edges[0]); } else { EG.closePanel(panel); }
  });
  apply();
  if (nodes.length === 0) { settled(); } else {
    network.once("stabilizationIterationsDone", settled);
    network.once("stabilized", settled);  /* in case the first was emitted before this script ran */
    setTimeout(settled, 15000);  /* and whatever happens, the layout stops moving */
  }
})();
