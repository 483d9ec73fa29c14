/* Progressive disclosure and searchable pickers for staff forms. Without JavaScript every field
   shows and every select works on its own; this file only hides what does not apply.

   - A container with data-disclose-by="<radio name>" holds children with
     data-disclose-when="<value> [<value> ...]": only the child of the checked radio's value shows
     (none while nothing is checked); the others are hidden and their controls disabled, so they
     are neither in the tab order nor sent.
   - A [data-picker-filter] box (hidden in the HTML) is shown; typing in its input
     (data-picker-for="<select id>") hides the select's options that do not contain the words,
     ignoring case and accents, and says how many match.

   window.opDisclosure.init(element) sets up what is inside an element added later (desk.js
   calls it for a new question block). */
(function () {
  "use strict";

  function fold(text) {
    return (text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function radios(container) {
    var name = container.getAttribute("data-disclose-by");
    var form = container.closest("form") || document;
    return Array.prototype.filter.call(
      form.querySelectorAll("input[type=radio]"),
      function (input) { return input.name === name; }
    );
  }

  function updateDisclosure(container) {
    var checked = radios(container).filter(function (input) { return input.checked; })[0];
    var value = checked ? checked.value : null;
    container.querySelectorAll("[data-disclose-when]").forEach(function (child) {
      var show = value !== null && child.getAttribute("data-disclose-when").split(/\s+/).indexOf(value) !== -1;
      child.hidden = !show;
      child.querySelectorAll("input, select, textarea").forEach(function (control) {
        if (control.hasAttribute("data-picker-for")) return;  // a filter box is never sent
        control.disabled = !show;
      });
    });
  }

  function setUpDisclosure(container) {
    if (container.getAttribute("data-disclose-ready")) return;
    container.setAttribute("data-disclose-ready", "1");
    radios(container).forEach(function (input) {
      input.addEventListener("change", function () { updateDisclosure(container); });
    });
    updateDisclosure(container);
  }

  function setUpPicker(box) {
    var input = box.querySelector("[data-picker-for]");
    var select = input && document.getElementById(input.getAttribute("data-picker-for"));
    var status = box.querySelector("[data-picker-status]");
    if (!select || box.getAttribute("data-picker-ready")) return;
    box.setAttribute("data-picker-ready", "1");
    box.hidden = false;
    var text = box.getAttribute("data-text-count") || status.getAttribute("data-text-count");
    input.addEventListener("input", function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.value) return;  // the empty choice always stays
        var label = fold(option.text);
        var match = words.every(function (word) { return label.indexOf(word) !== -1; });
        option.hidden = !match;
        option.disabled = !match && !option.selected;
        if (match) shown += 1;
      });
      if (status) {
        status.textContent = words.length ? (text || "{n}").replace("{n}", shown) : "";
      }
    });
  }

  function init(root) {
    root = root || document;
    root.querySelectorAll("[data-disclose-by]").forEach(setUpDisclosure);
    root.querySelectorAll("[data-picker-filter]").forEach(setUpPicker);
  }

  window.opDisclosure = { init: init };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { init(document); });
  } else {
    init(document);
  }
})();
