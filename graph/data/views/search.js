/* electiongraph views: the landing page's search box, over the JSON index embedded in the page (offline).
   Accents and case are ignored; Enter opens the first match. */
(function () {
  "use strict";
  var input = document.getElementById("eg-search"), list = document.getElementById("eg-results");
  var status = document.getElementById("eg-search-status");
  if (!input || !list) { EG.done(); return; }
  var fold = function (s) { return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); };
  var index = (EG.data.search || []).map(function (e) {
    return {e: e, label: fold(e.l), aliases: (e.a || []).map(fold)};
  });

  function score(item, q) {
    if (item.label === q) { return 0; }
    if (item.label.indexOf(q) === 0) { return 1; }
    if (item.label.indexOf(" " + q) >= 0) { return 2; }
    if (item.label.indexOf(q) >= 0) { return 3; }
    return item.aliases.some(function (a) { return a.indexOf(q) >= 0; }) ? 4 : -1;
  }

  function find(text) {
    var q = fold(text).trim();
    if (!q) { return []; }
    return index.map(function (it, i) { return [score(it, q), i, it.e]; })
      .filter(function (r) { return r[0] >= 0; })
      .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; })
      .slice(0, 15).map(function (r) { return r[2]; });
  }

  function render() {
    var found = find(input.value);
    while (list.firstChild) { list.removeChild(list.firstChild); }
    found.forEach(function (e) {
      var li = EG.el("li");
      EG.append(li, [EG.page(e.h, e.l), EG.el("span", "eg-muted", " " + e.t + (e.n ? " · " + e.n : ""))]);
      list.appendChild(li);
    });
    status.textContent = input.value.trim() ? (found.length ? found.length + (found.length === 15 ? "+" : "") + " found" : "nothing found") : "";
  }

  input.addEventListener("input", render);
  input.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter") { return; }
    ev.preventDefault();
    var first = list.querySelector("a");
    if (first) { window.location.href = first.getAttribute("href"); }
  });
  render();
  EG.done();
})();
