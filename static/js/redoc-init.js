// Starts Redoc on /api/redoc/ with the settings in the container's data attributes
// (templates/drf_spectacular/redoc.html); a file because the CSP allows no inline script.
(function () {
  "use strict";
  var container = document.getElementById("redoc-container");
  if (!container || typeof Redoc === "undefined") return;
  var settings = {};
  try {
    settings = JSON.parse(container.dataset.settings || "{}");
  } catch (error) {
    settings = {};
  }
  Redoc.init(container.dataset.schemaUrl, settings, container);
})();
