/* electiongraph views: the timeline page. */
(function () {
  "use strict";
  var get = function (id) { return document.getElementById(id); };
  EG.lanes(get("eg-lanes"), EG.data.lanes, get("eg-details"),
           {from: get("eg-from"), to: get("eg-to"), reset: get("eg-reset"), status: get("eg-status")});
  EG.done();
})();
