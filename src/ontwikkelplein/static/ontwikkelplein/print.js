// Print version of an offer page: shows the "Nu printen" button, which needs JavaScript.
// Without JavaScript the button stays hidden and the page tells how to print from the browser.
document.querySelectorAll("[data-op-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
