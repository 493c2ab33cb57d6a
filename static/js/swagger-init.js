// Starts Swagger UI on /api/docs/ with the settings the page carries in data attributes
// (templates/drf_spectacular/swagger_ui.html). A file rather than inline code: the
// Content-Security-Policy allows scripts from 'self' only.
(function () {
  "use strict";
  var container = document.getElementById("swagger-ui");
  if (!container || typeof SwaggerUIBundle === "undefined") return;
  var data = container.dataset;
  var settings = {};
  try {
    settings = JSON.parse(data.settings || "{}");
  } catch (error) {
    settings = {};
  }
  // Writes from "Try it out" are same-origin requests: they carry the CSRF token.
  var requestInterceptor = function (request) {
    if (["GET", undefined].indexOf(request.method) === -1 && request.credentials === "same-origin") {
      request.headers[data.csrfHeaderName] = data.csrfToken;
    }
    return request;
  };
  window.ui = SwaggerUIBundle(
    Object.assign(
      {
        url: data.schemaUrl,
        dom_id: "#swagger-ui",
        presets: [SwaggerUIBundle.presets.apis],
        layout: "BaseLayout",
        requestInterceptor: requestInterceptor,
      },
      settings
    )
  );
})();
