/* "Op uw website" (catalogue/staff/embed.html): a copy button beside each snippet. The buttons
   are in the page, hidden; this script shows them (without JavaScript one selects and copies by
   hand, as the page says) and announces the result in the snippet's status line. */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-op-copy]");
  Array.prototype.forEach.call(buttons, function (button) {
    var code = document.getElementById(button.getAttribute("data-op-copy"));
    var status = document.getElementById(button.getAttribute("aria-describedby"));
    if (!code || !status || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(code.value).then(
        function () { status.textContent = button.getAttribute("data-op-copied"); },
        function () { code.select(); status.textContent = button.getAttribute("data-op-failed"); }
      );
    });
  });
})();
