/* Inside the embed (catalogue/public/embed.html): tells the page around the frame how tall
   this page is, so embed.js can grow the frame to fit (no scroll bar in a scroll bar). It sends
   nothing else: the height of a public page is no secret, so any parent may read it. */
(function () {
  "use strict";
  if (window.parent === window) return;
  var last = 0;
  var first = true; // the first message of this page: a new page of results, or a search
  function send() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    var message = { type: "ontwikkelplein-embed-height", height: height, first: first };
    first = false;
    window.parent.postMessage(message, "*");
  }
  if (window.ResizeObserver) new ResizeObserver(send).observe(document.body);
  window.addEventListener("load", send);
  send();
})();
