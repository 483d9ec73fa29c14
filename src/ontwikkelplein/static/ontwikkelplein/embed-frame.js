/* Inside the embed (catalogue/public/embed.html): tells the page around the frame how tall
   this page is, so embed.js can grow the frame to fit (no scroll bar in a scroll bar). It sends
   nothing else: the height of a public page is no secret, so any parent may read it. */
(function () {
  "use strict";
  if (window.parent === window) return;
  var last = 0;
  function send() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "ontwikkelplein-embed-height", height: height }, "*");
  }
  if (window.ResizeObserver) new ResizeObserver(send).observe(document.documentElement);
  window.addEventListener("load", send);
  send();
})();
