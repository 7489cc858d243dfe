/* electiongraph views: the lane timeline (EG.lanes). x = date, one lane per candidate or party; events are
   dots, relations (endorses, defeats, withdraws ...) are coloured marks on the lane's lower row, joined by a
   line when both ends have a lane. Click a mark to see its documents and sources. */
(function () {
  "use strict";
  var LABEL_W = 200, AXIS_H = 30, ROW_H = 12, GAP = 9, MAX_ROWS = 8, PAD_R = 24;

  function ticks(t0, t1, width) {
    var days = t1 - t0, out = [], step = days > 1500 ? 12 : days > 500 ? 3 : days > 120 ? 1 : 0;
    var d = new Date(t0 * 86400000), y = d.getUTCFullYear(), m = d.getUTCMonth();
    if (step === 0) {
      var every = Math.max(1, Math.ceil(days / Math.max(2, width / 90)));
      for (var t = t0; t <= t1; t += every) { out.push([t, EG.fmtDay(t)]); }
      return out;
    }
    m = Math.ceil(m / step) * step;
    for (;;) {
      var tt = Math.round(Date.UTC(y, m, 1) / 86400000);
      if (tt > t1) { break; }
      if (tt >= t0) { out.push([tt, step === 12 ? String(y + Math.floor(m / 12)) : EG.fmtDay(tt).slice(0, 7)]); }
      m += step;
    }
    return out;
  }

  /* Greedy rows: a dot goes on the first row where it does not touch the previous dot. */
  function rows(items, x, key) {
    var ends = [];
    items.slice().sort(function (a, b) { return a.t - b.t; }).forEach(function (it) {
      var px = x(it.t), r = 0;
      while (r < ends.length && px - ends[r] < GAP) { r++; }
      if (r >= MAX_ROWS) { r = MAX_ROWS - 1; }
      ends[r] = px;
      it[key] = r;
    });
    return Math.max(1, ends.length);
  }

  function title(node, text) { node.appendChild(EG.svg("title")).textContent = text; return node; }

  function focusable(node, label, onClick) {
    node.setAttribute("tabindex", "0");
    node.setAttribute("role", "button");
    node.setAttribute("aria-label", label);
    node.addEventListener("click", onClick);
    node.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); onClick(); } });
    return node;
  }

  function showEvent(spec, panel, ev) {
    var lanes = ev.lanes.map(function (i) { return spec.lanes[i]; });
    EG.openPanel(panel, ev.label, "event · " + ev.kind + " · " + (ev.date || "undated"));
    if (lanes.length) {
      var sec = EG.section(panel, "Involves");
      lanes.forEach(function (l, i) { if (i) { sec.appendChild(document.createTextNode(", ")); } sec.appendChild(EG.page(l.href, l.label)); });
    }
    EG.docs(panel, ev.docs, ev.ndocs);
  }

  function showRelation(panel, rel) {
    EG.openPanel(panel, rel.text, rel.rel.replace(/_/g, " ") + " · " + (rel.date || "undated"));
    EG.relationBlock(panel, rel);
  }

  function select(svg, key) {
    svg.setAttribute("data-selected", key);
    Array.prototype.forEach.call(svg.querySelectorAll(".eg-sel"), function (n) { n.classList.remove("eg-sel"); });
    Array.prototype.forEach.call(svg.querySelectorAll("[data-key]"), function (n) {
      if (n.getAttribute("data-key") === key) { n.classList.add("eg-sel"); }
    });
  }

  function draw(box, spec, panel, win) {
    var width = Math.max(760, box.clientWidth || 0);
    var t0 = win[0], t1 = Math.max(win[1], win[0] + 1);
    var x = function (t) { return LABEL_W + (t - t0) / (t1 - t0) * (width - LABEL_W - PAD_R); };
    var inWin = function (it) { return it.t !== null && it.t >= t0 && it.t <= t1; };
    var perLane = spec.lanes.map(function () { return {events: [], rels: []}; });
    spec.events.filter(inWin).forEach(function (ev) { ev.lanes.forEach(function (i) { perLane[i].events.push(ev); }); });
    spec.relations.filter(inWin).forEach(function (r) {
      [r.a, r.b].forEach(function (i, k) { if (i >= 0 && (k === 0 || r.b !== r.a)) { perLane[i].rels.push(r); } });
    });
    var y = AXIS_H;
    perLane.forEach(function (lane, i) {
      var n = rows(lane.events, x, "_row"), m = lane.rels.length ? rows(lane.rels, x, "_rrow" + i) : 0;
      lane.top = y;
      lane.relY = y + 8 + n * ROW_H + 6;
      lane.height = Math.max(40, n * ROW_H + m * ROW_H + 20);
      y += lane.height;
    });
    var svg = EG.svg("svg", {width: width, height: y + 6, "class": "eg-lanes-svg", role: "img",
                             "aria-label": "timeline of " + spec.lanes.length + " lanes"});
    ticks(t0, t1, width - LABEL_W).forEach(function (tk) {
      var px = x(tk[0]);
      svg.appendChild(EG.svg("line", {x1: px, x2: px, y1: AXIS_H - 6, y2: y, "class": "eg-tick"}));
      svg.appendChild(EG.svg("text", {x: px + 3, y: AXIS_H - 12, "class": "eg-tick-label"})).textContent = tk[1];
    });
    perLane.forEach(function (lane, i) {
      var info = spec.lanes[i];
      svg.appendChild(EG.svg("rect", {x: 0, y: lane.top, width: width, height: lane.height, "class": i % 2 ? "eg-lane eg-odd" : "eg-lane"}));
      var label = EG.svg("text", {x: 8, y: lane.top + 17, "class": "eg-lane-label"});
      label.textContent = info.short || info.label;
      var swatch = EG.svg("rect", {x: 0, y: lane.top, width: 4, height: lane.height, fill: info.color});
      svg.appendChild(swatch);
      if (info.href) {
        var a = EG.svg("a", {"class": "eg-lane-link"});
        a.setAttribute("href", EG.root + info.href);
        a.appendChild(label);
        svg.appendChild(title(a, info.label + " — open its page"));
      } else { svg.appendChild(title(label, info.label)); }
      svg.appendChild(EG.svg("text", {x: 8, y: lane.top + 31, "class": "eg-lane-count"})).textContent =
        EG.plural(lane.events.length, "event") + " · " + EG.plural(lane.rels.length, "relation");
    });
    spec.relations.filter(function (r) { return inWin(r) && r.a >= 0 && r.b >= 0 && r.a !== r.b; }).forEach(function (r) {
      var px = x(r.t);
      svg.appendChild(EG.svg("line", {x1: px, x2: px, y1: perLane[r.a].relY + r["_rrow" + r.a] * ROW_H,
        y2: perLane[r.b].relY + r["_rrow" + r.b] * ROW_H,
        stroke: EG.relColor(r.rel), "class": "eg-rel-link", "data-key": "r" + r.i}));
    });
    perLane.forEach(function (lane, li) {
      lane.events.forEach(function (ev) {
        var dot = EG.svg("circle", {cx: x(ev.t), cy: lane.top + 12 + ev._row * ROW_H, r: ev.kind === "page" ? 4.5 : 3.5,
          "class": "eg-ev eg-ev-" + ev.kind, "data-key": "e" + ev.i, "data-id": ev.id});
        title(dot, (ev.date || "") + " · " + ev.label);
        svg.appendChild(focusable(dot, ev.label, function () { select(svg, "e" + ev.i); showEvent(spec, panel, ev); }));
      });
      lane.rels.forEach(function (r) {
        var px = x(r.t), ry = lane.relY + r["_rrow" + li] * ROW_H;
        var mark = EG.svg("rect", {x: px - 5, y: ry - 5, width: 10, height: 10, rx: 2,
          fill: EG.relColor(r.rel), "class": "eg-relmark", "data-key": "r" + r.i, "data-rel": r.rel});
        title(mark, (r.date || "") + " · " + r.text);
        svg.appendChild(focusable(mark, r.text, function () { select(svg, "r" + r.i); showRelation(panel, r); }));
      });
    });
    while (box.firstChild) { box.removeChild(box.firstChild); }
    box.appendChild(svg);
    return svg;
  }

  /* Render spec into box; controls: optional {from, to, reset, status} inputs for the date window. */
  EG.lanes = function (box, spec, panel, controls) {
    spec.events.forEach(function (ev, i) { ev.i = i; });
    spec.relations.forEach(function (r, i) { r.i = i; });
    var win = spec.window.slice();
    var c = controls || {};
    function redraw() {
      var old = box.querySelector("svg"), key = old && old.getAttribute("data-selected");
      var svg = draw(box, spec, panel, win);
      if (key) { select(svg, key); }
      if (c.status) {
        var shown = svg.querySelectorAll("circle.eg-ev").length, rel = svg.querySelectorAll("rect.eg-relmark").length;
        c.status.textContent = shown + " event marks and " + rel + " relation marks between " + EG.fmtDay(win[0]) +
          " and " + EG.fmtDay(win[1]);
      }
    }
    function fromInputs() {
      var a = Date.parse(c.from.value), b = Date.parse(c.to.value);
      win = [isNaN(a) ? spec.window[0] : Math.round(a / 86400000), isNaN(b) ? spec.window[1] : Math.round(b / 86400000)];
      if (win[1] < win[0]) { win = [win[1], win[0]]; }
      redraw();
    }
    if (c.from && c.to) {
      c.from.value = EG.fmtDay(win[0]);
      c.to.value = EG.fmtDay(win[1]);
      c.from.addEventListener("change", fromInputs);
      c.to.addEventListener("change", fromInputs);
    }
    if (c.reset) {
      c.reset.addEventListener("click", function () {
        win = spec.span.slice();
        if (c.from) { c.from.value = EG.fmtDay(win[0]); c.to.value = EG.fmtDay(win[1]); }
        redraw();
      });
    }
    EG.watch(box, redraw);
  };
})();
