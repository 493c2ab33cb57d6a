// Fills the <datalist> of a list page's filter box (a city, a partner) with suggestions as one
// types. The box names where to ask (data-suggestions) and the list in the answer
// (data-suggestions-key); each suggestion's value is a slug, labelled in the reader's language.
// Without JavaScript the box takes a typed name, which the page matches itself.
(function () {
  "use strict";
  document.querySelectorAll("input[data-suggestions]").forEach(function (input) {
    if (input.hasAttribute("data-suggestions-ready")) return; // the script is on the page once per box
    input.setAttribute("data-suggestions-ready", "");
    var datalist = document.getElementById(input.getAttribute("list"));
    var endpoint = input.getAttribute("data-suggestions");
    var key = input.getAttribute("data-suggestions-key");
    if (!datalist || !endpoint || !key) return;
    var timer = null;
    var asked = 0; // the number of the latest question: an answer to an older one is dropped

    function fill(suggestions) {
      datalist.textContent = "";
      suggestions.forEach(function (suggestion) {
        var option = document.createElement("option");
        option.value = suggestion.slug;
        option.label = suggestion.label;
        option.textContent = suggestion.label;
        datalist.appendChild(option);
      });
    }

    function suggest() {
      var typed = input.value.trim();
      var question = ++asked;
      if (typed.length < 2) { fill([]); return; }
      // A slow answer to what was typed before must not replace the answer to what is typed now.
      function answer(suggestions) { if (question === asked) fill(suggestions); }
      fetch(endpoint + "?q=" + encodeURIComponent(typed), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : {}; })
        .then(function (data) { answer(data[key] || []); })
        .catch(function () { answer([]); });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(suggest, 200);
    });
  });
})();
