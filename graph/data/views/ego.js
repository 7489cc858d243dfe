/* electiongraph views: an entity's ego network (EG.ego). The entity sits in the middle; around it, the
   entities it has a relation with (coloured lines, by relation) and those it shares the most events with
   (grey lines, thicker for more events). Click a neighbour for the relations and events that link them. */
(function () {
  "use strict";
  function polygon(cx, cy, r, n, inner, rot) {
    var pts = [];
    for (var i = 0; i < n * (inner ? 2 : 1); i++) {
      var rr = inner && i % 2 ? r * inner : r, a = rot + i * Math.PI / (inner ? n : n / 2);
      pts.push((cx + rr * Math.cos(a)).toFixed(1) + "," + (cy + rr * Math.sin(a)).toFixed(1));
    }
    return EG.svg("polygon", {points: pts.join(" ")});
  }

  function shape(kind, cx, cy, r) {
    if (kind === "hexagon") { return polygon(cx, cy, r, 6, 0, 0); }
    if (kind === "star") { return polygon(cx, cy, r * 1.3, 5, 0.45, -Math.PI / 2); }
    if (kind === "diamond") { return polygon(cx, cy, r * 1.2, 4, 0, 0); }
    if (kind === "square") { return EG.svg("rect", {x: cx - r, y: cy - r, width: 2 * r, height: 2 * r}); }
    if (kind === "triangle" || kind === "triangleDown") {
      return polygon(cx, cy, r * 1.2, 3, 0, kind === "triangle" ? -Math.PI / 2 : Math.PI / 2);
    }
    return EG.svg("circle", {cx: cx, cy: cy, r: r});
  }

  function height(n) { return Math.max(440, Math.min(780, 160 + 20 * n)); }

  /* Relation partners spread evenly around the ring; shared-event neighbours fill the other places. */
  function slots(neighbours) {
    var n = neighbours.length, rel = [], other = [], slot = [], used = {}, free = [];
    neighbours.forEach(function (nb, i) { (nb.rels.length ? rel : other).push(i); });
    rel.forEach(function (i, j) {
      var s = Math.round(j * n / rel.length) % n;
      while (used[s]) { s = (s + 1) % n; }
      used[s] = true;
      slot[i] = s;
    });
    for (var s = 0; s < n; s++) { if (!used[s]) { free.push(s); } }
    other.forEach(function (i, j) { slot[i] = free[j]; });
    return slot;
  }

  /* One ellipse, wider than tall, so labels written sideways have room at the top and bottom. */
  function place(neighbours, width, h) {
    var n = neighbours.length, slot = slots(neighbours);
    var rx = Math.min(width / 2 - 175, 400), ry = h / 2 - 48;
    return neighbours.map(function (nb, i) {
      var a = -Math.PI / 2 + 2 * Math.PI * slot[i] / Math.max(n, 1);
      return {x: width / 2 + rx * Math.cos(a), y: h / 2 + ry * Math.sin(a), a: a};
    });
  }

  function showNeighbour(spec, panel, nb) {
    EG.openPanel(panel, nb.label, nb.legend + (nb.nshared ? " · " + EG.plural(nb.nshared, "shared event") : ""));
    if (nb.href) { EG.section(panel).appendChild(EG.page(nb.href, "Open the page of " + nb.label)); }
    if (nb.rels.length) {
      var sec = EG.section(panel, "Relations");
      nb.rels.forEach(function (r) { EG.relationBlock(sec, r); });
    }
    if (nb.shared.length) {
      var evs = EG.section(panel, "Shared events" + (nb.nshared > nb.shared.length ? " (latest " + nb.shared.length + " of " + nb.nshared + ")" : ""));
      nb.shared.forEach(function (id) {
        var ev = spec.events[id] || {label: id, date: "", docs: [], ndocs: 0};
        var det = EG.el("details", "eg-shared");
        det.appendChild(EG.el("summary", null, (ev.date || "undated") + " · " + ev.label));
        EG.docs(det, ev.docs, ev.ndocs, "Sources");
        evs.appendChild(det);
      });
    }
  }

  EG.ego = function (box, spec, panel) {
    function draw() {
      var width = Math.max(640, Math.min(1100, box.clientWidth || 0)), H = height(spec.neighbours.length);
      var cx = width / 2, cy = H / 2, pos = place(spec.neighbours, width, H);
      var svg = EG.svg("svg", {width: width, height: H, "class": "eg-ego-svg", role: "img",
                               "aria-label": "ego network of " + spec.center.label});
      spec.links.forEach(function (l) {
        svg.appendChild(EG.svg("line", {x1: pos[l.a].x, y1: pos[l.a].y, x2: pos[l.b].x, y2: pos[l.b].y,
          stroke: EG.relColor(l.rel), "class": "eg-chord"}));
      });
      spec.neighbours.forEach(function (nb, i) {
        var rel = nb.rels.length ? nb.rels[0].rel : null;
        svg.appendChild(EG.svg("line", {x1: cx, y1: cy, x2: pos[i].x, y2: pos[i].y,
          stroke: rel ? EG.relColor(rel) : "#c8c8c8", "stroke-width": rel ? 3 : Math.min(6, 1 + Math.log2(1 + nb.nshared)),
          "class": rel ? "eg-spoke eg-spoke-rel" : "eg-spoke"}));
        if (rel) {
          var mid = EG.svg("text", {x: cx + 0.62 * (pos[i].x - cx), y: cy + 0.62 * (pos[i].y - cy) - 3, "class": "eg-spoke-label"});
          mid.textContent = nb.rels.map(function (r) { return r.rel.replace(/_/g, " "); }).filter(function (v, k, a) { return a.indexOf(v) === k; }).join(", ");
          svg.appendChild(mid);
        }
      });
      spec.neighbours.forEach(function (nb, i) {
        var g = EG.svg("g", {"class": "eg-ego-node", "data-id": nb.id, tabindex: 0, role: "button", "aria-label": nb.label});
        var s = shape(nb.shape, pos[i].x, pos[i].y, 9);
        s.setAttribute("fill", nb.color);
        g.appendChild(s);
        var cos = Math.cos(pos[i].a), up = Math.sin(pos[i].a) < 0, side = Math.abs(cos) >= 0.2;
        var label = EG.svg("text", side
          ? {x: pos[i].x + (cos > 0 ? 13 : -13), y: pos[i].y + 4, "text-anchor": cos > 0 ? "start" : "end"}
          : {x: pos[i].x, y: pos[i].y + (up ? -14 : 24), "text-anchor": "middle"});
        label.textContent = nb.short;
        g.appendChild(label);
        g.appendChild(EG.svg("title")).textContent = nb.label + " — " + nb.summary;
        var open = function () {
          Array.prototype.forEach.call(svg.querySelectorAll(".eg-sel"), function (n) { n.classList.remove("eg-sel"); });
          g.classList.add("eg-sel");
          showNeighbour(spec, panel, nb);
        };
        g.addEventListener("click", open);
        g.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { open(); } });
        svg.appendChild(g);
      });
      var c = shape(spec.center.shape, cx, cy, 16);
      c.setAttribute("fill", spec.center.color);
      c.setAttribute("class", "eg-ego-center");
      svg.appendChild(c);
      var name = EG.svg("text", {x: cx, y: cy + 36, "text-anchor": "middle", "class": "eg-ego-center-label"});
      name.textContent = spec.center.label;
      svg.appendChild(name);
      var old = box.querySelector(".eg-ego-node.eg-sel");
      if (old) {
        var again = svg.querySelector('.eg-ego-node[data-id="' + CSS.escape(old.getAttribute("data-id")) + '"]');
        if (again) { again.classList.add("eg-sel"); }
      }
      while (box.firstChild) { box.removeChild(box.firstChild); }
      box.appendChild(svg);
    }
    if (!spec.neighbours.length) {
      box.appendChild(EG.el("p", "eg-muted", "No relation or shared event links this entity to another candidate, party or election."));
      return;
    }
    EG.watch(box, draw);
  };
})();
