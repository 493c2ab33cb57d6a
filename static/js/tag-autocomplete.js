// Suggests existing tags for comma-separated tag fields through a <datalist>.
// Without JavaScript the field still takes typed tags; this only saves typing and duplicates.
(function () {
  "use strict";
  var endpoint = "/editor/tags/";
  var datalist = document.getElementById("tag-options");
  if (!datalist) return;
  var timer = null;

  function split(value) {
    var cut = value.lastIndexOf(",");
    return { head: cut === -1 ? "" : value.slice(0, cut + 1) + " ", term: value.slice(cut + 1).trim() };
  }

  function fill(head, names) {
    datalist.textContent = "";
    names.forEach(function (name) {
      var option = document.createElement("option");
      option.value = head + name; // the whole field's value once chosen
      datalist.appendChild(option);
    });
  }

  function suggest(input) {
    var parts = split(input.value);
    if (!parts.term) { fill(parts.head, []); return; }
    fetch(endpoint + "?q=" + encodeURIComponent(parts.term), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { tags: [] }; })
      .then(function (data) { fill(parts.head, data.tags || []); })
      .catch(function () { fill(parts.head, []); });
  }

  document.querySelectorAll("input[data-tag-autocomplete]").forEach(function (input) {
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { suggest(input); }, 150);
    });
  });
})();
