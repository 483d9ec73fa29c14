// The search page's instant filters. htmx sends the form on "submit" and on the event
// "op-filters-changed", which this file fires when a choice changes (a checkbox, radio button or
// select; typing in a text box waits for Enter or the button). It replaces the hx-trigger filter
// change[target.type!=='text'], which htmx can only run through eval: the Content-Security-Policy
// forbids eval. Without JavaScript the form is an ordinary GET form.
document.querySelectorAll("form[data-op-instant-filters]").forEach(function (form) {
  form.addEventListener("change", function (event) {
    if (event.target.type === "text") return;
    form.dispatchEvent(new CustomEvent("op-filters-changed"));
  });
});
