// Forms, enhanced where JavaScript runs (each works without it):
// - a select with many options gets a search box (Tom Select);
// - "Add another" copies a blank row in place instead of posting the form back;
// - after a refused submission, focus goes to the error summary so it is read first.
(function () {
  "use strict";

  function searchable(select) {
    if (typeof window.TomSelect !== "function" || select.tomselect) return;
    var options = { maxOptions: null, allowEmptyOption: true, hidePlaceholder: false };
    if (select.multiple) options.plugins = ["remove_button"];
    new window.TomSelect(select, options);
    // Tom Select points the label at its own search box; the original select, still in the
    // page for the form's submission, keeps its name for assistive technology too.
    var label = document.getElementById(select.id + "-ts-label") ||
      document.querySelector('label[for="' + select.id + '-ts-control"]');
    if (label) {
      if (!label.id) label.id = select.id + "-ts-label";
      select.setAttribute("aria-labelledby", label.id);
    }
  }

  function addRow(formset) {
    var total = formset.querySelector('input[name$="-TOTAL_FORMS"]');
    var template = formset.querySelector("template[data-formset-template]");
    var rows = formset.querySelector("[data-formset-rows]");
    if (!total || !template || !rows) return false;
    var index = parseInt(total.value, 10);
    var copy = template.content.cloneNode(true);
    copy.querySelectorAll("*").forEach(function (element) {
      ["id", "name", "for", "aria-describedby"].forEach(function (attribute) {
        var value = element.getAttribute(attribute);
        if (value) element.setAttribute(attribute, value.replace(/__prefix__/g, index));
      });
    });
    var row = copy.firstElementChild;
    rows.appendChild(copy);
    total.value = String(index + 1);
    row.querySelectorAll("select[data-searchable]").forEach(searchable);
    var first = row.querySelector("input:not([type=hidden]), select, textarea");
    if (first) first.focus();
    return true;
  }

  function start() {
    document.querySelectorAll("select[data-searchable]").forEach(searchable);
    document.querySelectorAll("[data-formset]").forEach(function (formset) {
      var button = formset.querySelector("[data-formset-add]");
      if (!button) return;
      button.addEventListener("click", function (event) {
        if (addRow(formset)) event.preventDefault();
      });
    });
    var summary = document.querySelector("[data-error-summary]");
    if (summary) summary.focus();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
