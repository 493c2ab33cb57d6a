// Suggests cities for the city box of a list page's filters through its <datalist>.
// Each suggestion's value is the city's slug, labelled with its name and country; without
// JavaScript the box takes a typed name, which the page matches in any of the six languages.
(function () {
  "use strict";
  document.querySelectorAll("input[data-city-autocomplete]").forEach(function (input) {
    var datalist = document.getElementById(input.getAttribute("list"));
    var endpoint = input.getAttribute("data-city-autocomplete");
    if (!datalist || !endpoint) return;
    var timer = null;

    function fill(cities) {
      datalist.textContent = "";
      cities.forEach(function (city) {
        var option = document.createElement("option");
        option.value = city.slug;
        option.label = city.label;
        option.textContent = city.label;
        datalist.appendChild(option);
      });
    }

    function suggest() {
      var typed = input.value.trim();
      if (typed.length < 2) { fill([]); return; }
      fetch(endpoint + "?q=" + encodeURIComponent(typed), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { cities: [] }; })
        .then(function (data) { fill(data.cities || []); })
        .catch(function () { fill([]); });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(suggest, 200);
    });
  });
})();
