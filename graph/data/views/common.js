/* electiongraph views: shared helpers (EG). Document text reaches the page only through textContent and
   setAttribute; a link is made only for an http(s) URL or one of the build's own pages. */
(function () {
  "use strict";
  var EG = window.EG = {};
  var WEB = /^https?:\/\/\S+$/i;
  var LOCAL = /^[a-z0-9][a-z0-9._\/-]*\.html(#[A-Za-z0-9._\/%-]*)?$/i;
  var block = document.getElementById("eg-data");
  EG.data = block ? JSON.parse(block.textContent) : {};
  EG.root = EG.data.root || "";
  EG.SVG = "http://www.w3.org/2000/svg";

  EG.el = function (tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  };
  EG.svg = function (tag, attrs) {
    var node = document.createElementNS(EG.SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  };
  /* A link to one of the build's pages (href relative to the build root), or plain text. */
  EG.page = function (href, text) {
    if (!href || !LOCAL.test(href)) { return EG.el("span", null, text); }
    var a = EG.el("a", null, text);
    a.setAttribute("href", EG.root + href);
    return a;
  };
  /* A link to a source on the web, only for http(s) URLs; anything else is shown as text. */
  EG.web = function (url, text) {
    if (!url || !WEB.test(url)) { return EG.el("span", null, text); }
    var a = EG.el("a", "eg-source", text || url);
    a.setAttribute("href", url);
    a.setAttribute("rel", "noopener noreferrer");
    a.setAttribute("target", "_blank");
    return a;
  };
  EG.append = function (parent, children) {
    children.forEach(function (c) { if (c) { parent.appendChild(typeof c === "string" ? document.createTextNode(c) : c); } });
    return parent;
  };
  EG.plural = function (n, word) { return n + " " + word + (n === 1 ? "" : "s"); };
  EG.fmtDay = function (t) {
    return new Date(t * 86400000).toISOString().slice(0, 10);
  };

  /* The details panel: a heading, a line of facts, then sections added by the views. */
  EG.openPanel = function (panel, title, meta) {
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
    var close = EG.el("button", "eg-close", "×");
    close.setAttribute("type", "button");
    close.setAttribute("aria-label", "close the details");
    close.addEventListener("click", function () { EG.closePanel(panel); });
    EG.append(panel, [close, EG.el("h2", null, title)]);
    if (meta) { panel.appendChild(EG.el("p", "eg-meta", meta)); }
    panel.hidden = false;
    return panel;
  };
  EG.closePanel = function (panel) { panel.hidden = true; };
  EG.section = function (panel, heading) {
    var sec = EG.el("section", "eg-section");
    if (heading) { sec.appendChild(EG.el("h3", null, heading)); }
    panel.appendChild(sec);
    return sec;
  };
  EG.quote = function (parent, text) {
    if (text) { parent.appendChild(EG.el("blockquote", "eg-evidence", text)); }
  };
  /* One document: its title, date and source links (or its file when it has no link). */
  EG.docItem = function (id) {
    var doc = (EG.data.docs || {})[id];
    var li = EG.el("li", "eg-doc");
    if (!doc) { li.textContent = id; return li; }
    EG.append(li, [EG.el("span", "eg-doc-title", doc.t), doc.d ? EG.el("span", "eg-muted", " " + doc.d) : null]);
    var links = EG.el("div", "eg-links");
    doc.s.forEach(function (s, i) {
      if (i) { links.appendChild(document.createTextNode(" · ")); }
      links.appendChild(EG.web(s[1], s[0] || s[1]));
    });
    if (!doc.s.length && doc.p) { links.appendChild(EG.el("span", "eg-muted", "file: " + doc.p)); }
    li.appendChild(links);
    return li;
  };
  EG.docs = function (parent, ids, total, heading) {
    var sec = EG.section(parent, heading || "Documents and sources");
    var ul = sec.appendChild(EG.el("ul", "eg-doclist"));
    (ids || []).forEach(function (id) { ul.appendChild(EG.docItem(id)); });
    if (!ids || !ids.length) { ul.appendChild(EG.el("li", "eg-muted", "no document")); }
    if (total > (ids || []).length) { sec.appendChild(EG.el("p", "eg-muted", "and " + (total - ids.length) + " more")); }
    return sec;
  };
  /* A relation (endorses, defeats ...): its sentence, date, evidence sentence and documents. */
  EG.relationBlock = function (parent, rel) {
    var box = EG.el("div", "eg-rel");
    var head = EG.el("p", "eg-rel-text");
    var swatch = EG.el("span", "eg-swatch eg-line");
    swatch.style.background = EG.relColor(rel.rel);
    EG.append(head, [swatch, rel.text, rel.date ? EG.el("span", "eg-muted", " · " + rel.date) : null]);
    box.appendChild(head);
    EG.quote(box, rel.evidence);
    EG.docs(box, rel.docs, rel.ndocs, "Reported in");
    parent.appendChild(box);
    return box;
  };
  EG.relColor = function (rel) {
    var s = ((EG.data.styles || {}).edges || {})[rel];
    return s ? s.color : "#999";
  };
  EG.nodeColor = function (key) {
    var s = ((EG.data.styles || {}).nodes || {})[key];
    return s ? s.color : "#ccc";
  };
  EG.done = function () { window.electiongraphStabilized = true; document.body.setAttribute("data-ready", "1"); };
  /* Draw now, and again whenever box changes width (a window resize, the details panel opening). */
  EG.watch = function (box, draw) {
    var width = -1;
    var redraw = function () {
      if (Math.abs(box.clientWidth - width) > 4) { width = box.clientWidth; draw(); }
    };
    redraw();
    if (window.ResizeObserver) { new ResizeObserver(redraw).observe(box); }
    else { window.addEventListener("resize", redraw); }
  };
})();
