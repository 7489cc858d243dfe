/* electiongraph views: an entity page (ego network, lane timeline, entries in date order). */
(function () {
  "use strict";
  var get = function (id) { return document.getElementById(id); };
  var panel = get("eg-details");
  EG.ego(get("eg-ego"), EG.data.ego, panel);
  EG.lanes(get("eg-lanes"), EG.data.lanes, panel,
           {from: get("eg-from"), to: get("eg-to"), reset: get("eg-reset"), status: get("eg-status")});
  Array.prototype.forEach.call(document.querySelectorAll("#eg-entries tr[data-i]"), function (row) {
    var open = function () {
      var entry = EG.data.entries[Number(row.getAttribute("data-i"))];
      Array.prototype.forEach.call(document.querySelectorAll("#eg-entries tr.eg-sel"), function (r) { r.classList.remove("eg-sel"); });
      row.classList.add("eg-sel");
      EG.openPanel(panel, entry.title, entry.kind.replace(/_/g, " ") + " · " + (entry.date || "undated"));
      EG.docs(panel, entry.docs, entry.ndocs);
    };
    row.addEventListener("click", open);
    row.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { open(); } });
  });
  EG.done();
})();
