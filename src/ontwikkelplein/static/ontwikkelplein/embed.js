/* Ontwikkelplein embed (docs/embedding.md). Paste on your own website:
   <script src="https://<host>/inbedden.js" data-organisatie="<slug>" data-taal="nl" async></script>
   It puts a frame with your search box and results right after this tag and grows the frame to
   fit its content. No dependencies, no cookies. Optional: data-zoek (preset words), data-thema
   (a theme code), data-titel (the frame's title). */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var slug = script.getAttribute("data-organisatie") || "";
  if (!/^[-a-zA-Z0-9_]+$/.test(slug)) return;
  var origin = new URL(script.src, document.baseURI).origin;
  var taal = (script.getAttribute("data-taal") || "nl").toLowerCase();
  var titles = {
    nl: "Hulp zoeken bij de bibliotheek",
    en: "Find help at the library",
    ar: "ابحث عن مساعدة في المكتبة",
    tr: "Kütüphanede yardım arayın",
    uk: "Знайти допомогу в бібліотеці",
    pl: "Znajdź pomoc w bibliotece"
  };
  if (!titles.hasOwnProperty(taal)) taal = "nl";
  var query = new URLSearchParams();
  if (taal !== "nl") query.set("taal", taal);
  var zoek = script.getAttribute("data-zoek");
  if (zoek) query.set("q", zoek);
  var thema = script.getAttribute("data-thema");
  if (thema) query.set("thema", thema);
  var frame = document.createElement("iframe");
  frame.src = origin + "/inbedden/" + slug + "/" + (query.toString() ? "?" + query : "");
  frame.title = script.getAttribute("data-titel") || titles[taal];
  frame.className = "ontwikkelplein-embed";
  frame.style.display = "block";
  frame.style.width = "100%";
  frame.style.border = "0";
  frame.style.height = "40rem";
  script.parentNode.insertBefore(frame, script.nextSibling);
  var pages = 0;
  window.addEventListener("message", function (event) {
    if (event.source !== frame.contentWindow || event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== "ontwikkelplein-embed-height") return;
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height)) return;
    frame.style.height = Math.max(100, Math.min(Math.ceil(height), 20000)) + "px";
    // A new page in the frame (the next results, a search): show its top, not its middle.
    if (data.first === true && pages++ > 0 && frame.getBoundingClientRect().top < 0) {
      frame.scrollIntoView();
    }
  });
})();
