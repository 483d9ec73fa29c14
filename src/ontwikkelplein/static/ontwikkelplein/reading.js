/* Read aloud ("Lees voor") and text size on resident pages (core/_reading_tools.html).
   docs/public-site.md, "Voorlezen en tekstgrootte".

   Reading aloud uses the browser's own speech synthesis with a voice installed on this device
   (localService) for the page's language: nothing is sent anywhere. The controls stay hidden
   without such a voice. The main content is read sentence by sentence (one utterance each, which
   also avoids Chrome's cut-off of long utterances); the sentence being read is highlighted with
   the CSS Custom Highlight API, or by wrapping it in a <mark> where that API is missing. Pause
   cancels the speech and remembers the sentence; "Ga verder" reads that sentence again (pause()
   and resume() do not work on every platform). */
(function () {
  'use strict';

  var STORAGE_KEY = 'op-tekstgrootte';
  var COOKIE = 'op_tekstgrootte';
  var YEAR = 365 * 24 * 60 * 60;

  // ---------- Text size ----------
  function readCookie() {
    var match = document.cookie.match(new RegExp('(?:^|;\\s*)' + COOKIE + '=([^;]*)'));
    return match ? match[1] : null;
  }

  function setUpTextSize(form) {
    var buttons = Array.prototype.slice.call(form.querySelectorAll('button[name="grootte"]'));
    var classes = {};
    buttons.forEach(function (button) { classes[button.value] = button.getAttribute('data-text-size-class'); });

    function apply(value) {
      var root = document.documentElement;
      Object.keys(classes).forEach(function (key) { if (classes[key]) { root.classList.remove(classes[key]); } });
      if (classes[value]) { root.classList.add(classes[value]); }
      buttons.forEach(function (button) {
        button.setAttribute('aria-pressed', button.value === value ? 'true' : 'false');
      });
      form.setAttribute('data-text-size', value);
      try { window.localStorage.setItem(STORAGE_KEY, value); } catch (e) { /* storage blocked */ }
      document.cookie = COOKIE + '=' + value + ';path=/;max-age=' + YEAR + ';samesite=lax' +
        (window.location.protocol === 'https:' ? ';secure' : '');
    }

    // The cookie (which the server drew this page with) wins; localStorage brings the choice back
    // when only the cookie was cleared.
    var stored = null;
    try { stored = window.localStorage.getItem(STORAGE_KEY); } catch (e) { /* storage blocked */ }
    var cookie = readCookie();
    if (cookie && Object.prototype.hasOwnProperty.call(classes, cookie)) {
      if (stored !== cookie) { apply(cookie); }
    } else if (stored && Object.prototype.hasOwnProperty.call(classes, stored)) {
      apply(stored);
    }

    form.addEventListener('click', function (event) {
      var button = event.target.closest('button[name="grootte"]');
      if (!button || !form.contains(button)) { return; }
      event.preventDefault();
      apply(button.value);
    });
  }

  // ---------- Read aloud ----------
  // Not read: navigation, form controls, what is hidden or only there for screen readers.
  var SKIP = 'script,style,noscript,template,nav,button,select,textarea,input,svg,[hidden],' +
    '[aria-hidden="true"],.op-visually-hidden,.op-back,[data-read-aloud-skip]';
  var HIGHLIGHT = 'op-read-aloud';
  var LETTER_OR_DIGIT = /[0-9A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0590-\u06FF]/;

  function splitSentences(text, lang) {
    var spans = [];
    if (window.Intl && typeof Intl.Segmenter === 'function') {
      var segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
      Array.from(segmenter.segment(text)).forEach(function (part) {
        spans.push([part.index, part.index + part.segment.length]);
      });
    } else {
      var pattern = /[^.!?\u2026]+(?:[.!?\u2026]+["'\u201D\u2019)]*|$)/g;
      var match;
      while ((match = pattern.exec(text)) !== null) {
        if (!match[0]) { pattern.lastIndex += 1; continue; }
        spans.push([match.index, match.index + match[0].length]);
      }
    }
    // Leave the white space around a sentence out of its highlight.
    return spans.map(function (span) {
      var start = span[0], end = span[1];
      while (start < end && /\s/.test(text.charAt(start))) { start += 1; }
      while (end > start && /\s/.test(text.charAt(end - 1))) { end -= 1; }
      return [start, end];
    }).filter(function (span) { return span[1] > span[0]; });
  }

  function setUpReadAloud(box, main) {
    var synth = window.speechSynthesis;
    var toggle = box.querySelector('[data-read-aloud-toggle]');
    var label = box.querySelector('[data-read-aloud-label]');
    var icon = box.querySelector('[data-read-aloud-icon]');
    var stopButton = box.querySelector('[data-read-aloud-stop]');
    var status = box.querySelector('[data-read-aloud-status]');
    var lang = (document.documentElement.lang || 'nl').toLowerCase();
    var primary = lang.split('-')[0];
    var reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    var useHighlightApi = window.CSS && CSS.highlights && typeof window.Highlight === 'function';
    var voice = null;
    var sentences = [];
    var index = 0;
    var state = 'idle'; // idle, playing, paused
    var token = 0; // bumped on every pause and stop: events of older utterances are ignored
    var utterance = null; // kept, or Chrome may collect it before its end event
    var wrapped = null; // the <mark>s of the fallback highlight

    function text(name) { return box.getAttribute('data-' + name) || ''; }
    function announce(message) { status.textContent = message; }

    function voiceLang(candidate) { return (candidate.lang || '').toLowerCase().replace('_', '-'); }
    function findVoice() {
      var voices = (synth.getVoices && synth.getVoices()) || [];
      var local = Array.prototype.filter.call(voices, function (candidate) {
        return candidate.localService && voiceLang(candidate).split('-')[0] === primary;
      });
      function score(candidate) {
        var code = voiceLang(candidate);
        // nl-NL before nl-BE for a Dutch page; the page's exact code first; then the default voice.
        return (code === lang ? 4 : 0) + (code === primary + '-' + primary ? 2 : 0) + (candidate['default'] ? 1 : 0);
      }
      local.sort(function (a, b) { return score(b) - score(a); });
      return local[0] || null;
    }
    function updateVoice() {
      voice = findVoice();
      box.hidden = !voice;
      if (!voice && state !== 'idle') { stop(false); }
    }

    // --- What to read: the text of <main>, grouped by block, cut into sentences.
    function blockOf(element, cache) {
      var current = element;
      while (current && current !== main) {
        if (!cache.has(current)) {
          var display = window.getComputedStyle(current).display;
          cache.set(current, display !== 'inline' && display !== 'contents');
        }
        if (cache.get(current)) { return current; }
        current = current.parentElement;
      }
      return main;
    }
    function collect() {
      var cache = new Map();
      var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, {
        acceptNode: function (node) {
          var parent = node.parentElement;
          if (!/\S/.test(node.data) || !parent || parent.closest(SKIP) ||
              !parent.getClientRects().length) {
            return NodeFilter.FILTER_REJECT;
          }
          return NodeFilter.FILTER_ACCEPT;
        }
      });
      var groups = [];
      var group = null;
      var node;
      while ((node = walker.nextNode())) {
        var block = blockOf(node.parentElement, cache);
        if (!group || group.block !== block) {
          group = { block: block, parts: [], text: '' };
          groups.push(group);
        }
        group.parts.push({ node: node, start: group.text.length });
        group.text += node.data;
      }
      var found = [];
      groups.forEach(function (item) {
        splitSentences(item.text, lang).forEach(function (span) {
          var spoken = item.text.slice(span[0], span[1]).replace(/\s+/g, ' ');
          if (LETTER_OR_DIGIT.test(spoken)) {
            found.push({ group: item, start: span[0], end: span[1], text: spoken });
          }
        });
      });
      return found;
    }

    // --- The highlight.
    function pieces(sentence) {
      var result = [];
      sentence.group.parts.forEach(function (part) {
        var from = Math.max(sentence.start, part.start) - part.start;
        var to = Math.min(sentence.end, part.start + part.node.data.length) - part.start;
        if (to > from) { result.push({ node: part.node, from: from, to: to }); }
      });
      return result;
    }
    function clearHighlight() {
      if (useHighlightApi) { CSS.highlights['delete'](HIGHLIGHT); }
      if (wrapped) {
        // Put the text nodes back exactly as they were, so the offsets of later sentences hold.
        wrapped.forEach(function (item) {
          item.mark.replaceWith(item.middle);
          if (item.middle !== item.node) { item.node.appendData(item.middle.data); item.middle.remove(); }
          if (item.after) { item.node.appendData(item.after.data); item.after.remove(); }
        });
        wrapped = null;
      }
    }
    function highlight(sentence) {
      clearHighlight();
      var parts = pieces(sentence);
      if (!parts.length || !parts[0].node.isConnected) { return; }
      var target = parts[0].node.parentElement;
      if (useHighlightApi) {
        var range = document.createRange();
        range.setStart(parts[0].node, parts[0].from);
        range.setEnd(parts[parts.length - 1].node, parts[parts.length - 1].to);
        CSS.highlights.set(HIGHLIGHT, new Highlight(range));
      } else {
        wrapped = parts.reverse().map(function (part) {
          var middle = part.from > 0 ? part.node.splitText(part.from) : part.node;
          var after = part.to - part.from < middle.data.length ? middle.splitText(part.to - part.from) : null;
          var mark = document.createElement('mark');
          mark.className = 'op-read-aloud-mark';
          middle.replaceWith(mark);
          mark.appendChild(middle);
          return { node: part.node, middle: middle, after: after, mark: mark };
        });
      }
      var rect = target.getBoundingClientRect();
      if (rect.top < 0 || rect.bottom > window.innerHeight) {
        target.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
      }
    }

    // --- Speaking.
    function render() {
      label.textContent = text(state === 'playing' ? 'label-pause' : state === 'paused' ? 'label-resume' : 'label-start');
      icon.textContent = state === 'playing' ? '\u2016' : '\u25B6';
      stopButton.hidden = state === 'idle';
      box.setAttribute('data-state', state);
    }
    function speakCurrent() {
      var mine = ++token;
      if (index >= sentences.length) { stop(false); announce(text('status-done')); return; }
      var sentence = sentences[index];
      highlight(sentence);
      utterance = new window.SpeechSynthesisUtterance(sentence.text);
      utterance.lang = voice.lang;
      utterance.voice = voice;
      utterance.onend = function () {
        if (mine !== token) { return; }
        index += 1;
        speakCurrent();
      };
      utterance.onerror = function (event) {
        if (mine !== token || event.error === 'interrupted' || event.error === 'canceled') { return; }
        stop(false);
        announce(text('status-failed'));
      };
      if (synth.paused) { synth.resume(); }
      synth.speak(utterance);
    }
    function start() {
      sentences = collect();
      if (!sentences.length) { announce(text('status-empty')); return; }
      index = 0;
      state = 'playing';
      synth.cancel();
      render();
      announce(text('status-started'));
      speakCurrent();
    }
    function pause() {
      token += 1;
      state = 'paused';
      synth.cancel();
      render();
      announce(text('status-paused'));
    }
    function resume() {
      state = 'playing';
      render();
      announce(text('status-resumed'));
      speakCurrent();
    }
    function stop(say) {
      var wasActive = state !== 'idle';
      token += 1;
      state = 'idle';
      if (wasActive) { synth.cancel(); }
      clearHighlight();
      sentences = [];
      index = 0;
      utterance = null;
      var focusBack = document.activeElement === stopButton;
      render();
      if (focusBack) { toggle.focus(); }
      if (say !== false) { announce(text('status-stopped')); }
    }

    toggle.addEventListener('click', function () {
      if (state === 'playing') { pause(); } else if (state === 'paused') { resume(); } else { start(); }
    });
    stopButton.addEventListener('click', function () { stop(); });
    box.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && state !== 'idle') { event.preventDefault(); stop(); }
    });
    // The text under the highlight is about to be replaced (htmx swaps the search results), or
    // the visitor leaves: stop, or the browser would go on reading a page no longer shown.
    document.addEventListener('htmx:beforeSwap', function () { if (state !== 'idle') { stop(); } });
    window.addEventListener('pagehide', function () { if (state !== 'idle') { stop(false); } });

    render();
    updateVoice();
    if (typeof synth.addEventListener === 'function') {
      synth.addEventListener('voiceschanged', updateVoice);
    } else {
      synth.onvoiceschanged = updateVoice;
    }
  }

  function init() {
    var form = document.querySelector('form[data-text-size]');
    if (form) { setUpTextSize(form); }
    var box = document.querySelector('[data-read-aloud]');
    var main = document.getElementById('inhoud') || document.querySelector('main');
    if (box && main && window.speechSynthesis && typeof window.SpeechSynthesisUtterance === 'function') {
      setUpReadAloud(box, main);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
