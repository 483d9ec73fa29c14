/* The desk screen (/balie/), enhanced. Without this file every button posts the form and the
   server answers with a page; with it:
   - "Nog een vraag toevoegen" and "Vraag n weghalen" change the question blocks in place;
   - the referral fields show only when "Doorverwijzing" is ticked;
   - location and channel are remembered in a cookie as soon as they change;
   - a registration (a favourite or the form) is put in a queue in localStorage first and then
     sent with fetch, each with its own reference (client_reference) and the browser's clock.
     When the server cannot be reached it stays in the queue and is sent on the `online` event,
     every 15 seconds and on the next page load. The server stores a reference once, so a retry
     after a lost answer does not count twice. */
(function () {
  "use strict";

  var QUEUE_KEY = "ontwikkelplein.balie.wachtrij";
  var RETRY_MS = 15000;
  var TIMEOUT_MS = 10000;
  var BLOCK_NAME = /vraag-(\d+|__i__)-/g;

  function uuid4() {
    // crypto.randomUUID needs a secure context; getRandomValues works everywhere.
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) {
      return (b + 0x100).toString(16).slice(1);
    }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" +
      hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (match, name) {
      return name in values ? values[name] : match;
    });
  }

  /* ---------- Question blocks ---------- */

  function setUpBlocks(form) {
    var container = form.querySelector("[data-blocks]");
    var template = document.getElementById("balie-vraag-sjabloon");
    if (!container || !template) return;
    var count = form.querySelector("[data-block-count]");
    var addButton = form.querySelector("[data-add-block]");
    var max = parseInt(container.getAttribute("data-max"), 10) || 10;

    function blocks() {
      return Array.prototype.slice.call(container.querySelectorAll("[data-block]"));
    }

    function renumber() {
      var all = blocks();
      all.forEach(function (block, index) {
        block.querySelectorAll("[name], [id], [for], [aria-describedby]").forEach(function (el) {
          ["name", "id", "for", "aria-describedby"].forEach(function (attr) {
            var value = el.getAttribute(attr);
            if (value) el.setAttribute(attr, value.replace(BLOCK_NAME, "vraag-" + index + "-"));
          });
        });
        var legend = block.querySelector("[data-block-legend]");
        if (legend) legend.textContent = legend.textContent.replace(/\d+|__n__/, index + 1);
        var remove = block.querySelector("[data-remove-block]");
        if (remove) {
          remove.value = "weghalen-" + index;
          remove.textContent = remove.textContent.replace(/\d+|__n__/, index + 1);
        }
        var row = block.querySelector("[data-remove-row]");
        if (row) row.hidden = all.length < 2;
      });
      count.value = String(all.length);
      if (addButton) addButton.hidden = all.length >= max;
    }

    function newBlock() {
      var html = template.innerHTML.replace(/__i__/g, String(blocks().length));
      var holder = document.createElement("div");
      holder.innerHTML = html;
      var block = holder.querySelector("[data-block]");
      container.appendChild(block);
      setUpReferral(block);
      if (window.opDisclosure) window.opDisclosure.init(block);
      renumber();
      return block;
    }

    if (addButton) {
      addButton.addEventListener("click", function (event) {
        event.preventDefault();
        if (blocks().length >= max) return;
        var block = newBlock();
        var first = block.querySelector("input, select, textarea");
        if (first) first.focus();
      });
    }

    container.addEventListener("click", function (event) {
      var button = event.target.closest("[data-remove-block]");
      if (!button) return;
      event.preventDefault();
      var block = button.closest("[data-block]");
      var all = blocks();
      var index = all.indexOf(block);
      block.remove();
      renumber();
      var rest = blocks();
      var next = rest[Math.min(index, rest.length - 1)];
      var target = next && next.querySelector("input, select, textarea");
      (target || addButton).focus();
    });

    blocks().forEach(setUpReferral);

    // After a registration the form starts again with one empty block.
    form.resetBlocks = function () {
      blocks().forEach(function (block) { block.remove(); });
      newBlock();
      var note = form.querySelector("textarea[name=note]");
      if (note) note.value = "";
    };
  }

  function setUpReferral(block) {
    var tick = block.querySelector("input[type=checkbox][value=referral]");
    var fields = block.querySelector("[data-referral]");
    if (!tick || !fields) return;
    var hint = fields.querySelector("[data-referral-hint]");
    function update() {
      // Hidden and disabled: not in the tab order and not sent.
      fields.hidden = !tick.checked;
      fields.disabled = !tick.checked;
      if (hint) hint.hidden = true;
    }
    tick.addEventListener("change", update);
    update();
  }

  /* ---------- Remembering location and channel ---------- */

  function setUpRemember(root, form) {
    var name = root.getAttribute("data-cookie");
    var where = form.querySelector("[data-where]");
    if (!name || !where) return;
    where.addEventListener("change", function () {
      var location = form.elements.namedItem("location");
      var channel = form.querySelector("input[name=channel]:checked");
      var shown = root.querySelector("[data-current-location-name]");
      if (shown && location && location.options && location.selectedIndex >= 0) {
        shown.textContent = location.options[location.selectedIndex].text;
      }
      if (!location || !channel) return;
      document.cookie = name + "=" + location.value + "|" + channel.value +
        "; max-age=34560000; path=/; samesite=lax";
    });
  }

  /* ---------- Queue and sending ---------- */

  function loadQueue() {
    try {
      var items = JSON.parse(window.localStorage.getItem(QUEUE_KEY) || "[]");
      return Array.isArray(items) ? items : [];
    } catch (error) {
      return [];
    }
  }

  function saveQueue(items) {
    window.localStorage.setItem(QUEUE_KEY, JSON.stringify(items));
  }

  function setUpSending(root, form) {
    var user = root.getAttribute("data-user");
    var url = root.getAttribute("data-submit-url");
    var queueStatus = document.getElementById("balie-wachtrij");
    var confirmation = document.getElementById("balie-bevestiging");
    var flushing = false;
    var hadQueue = false;
    var live = null; // {reference, submitter, changedSince}
    var lastSubmit = {key: "", at: 0};

    function mine() {
      return loadQueue().filter(function (item) { return item.user === user; });
    }

    function drop(reference) {
      saveQueue(loadQueue().filter(function (item) { return item.reference !== reference; }));
    }

    function showQueue(message) {
      var waiting = mine().length;
      if (waiting) hadQueue = true;
      var text = "";
      if (waiting) text = format(root.getAttribute("data-text-queued"), {n: waiting});
      else if (message) text = message;
      else if (hadQueue) text = root.getAttribute("data-text-sent");
      queueStatus.textContent = text;
      queueStatus.classList.toggle("op-desk__queue--waiting", waiting > 0);
    }

    function csrfToken() {
      var input = form.querySelector("input[name=csrfmiddlewaretoken]");
      return input ? input.value : "";
    }

    function post(item) {
      var body = new FormData();
      item.fields.forEach(function (pair) { body.append(pair[0], pair[1]); });
      body.append("client_reference", item.reference);
      body.append("registered_at", item.registered_at);
      body.append("sent_at", new Date().toISOString());
      var controller = new AbortController();
      var timer = window.setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
      return fetch(url, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: {"X-CSRFToken": csrfToken(), "Accept": "application/json"},
        signal: controller.signal,
      }).finally(function () { window.clearTimeout(timer); });
    }

    function showDone(data, focus) {
      confirmation.innerHTML = data.confirmation_html;
      if (focus) confirmation.focus();
    }

    function refreshLists(data) {
      var today = document.getElementById("balie-vandaag");
      var favourites = document.getElementById("balie-snelknoppen");
      if (today && data.today_html) today.innerHTML = data.today_html;
      if (favourites && data.favourites_html) favourites.innerHTML = data.favourites_html;
    }

    function nativeSubmit(item) {
      // Let the server show its errors on the page, next to the fields. form.submit() does
      // not fire the submit event, so this post is not caught again; it does not send the
      // pressed button either, hence the copy.
      var reference = form.querySelector("input[name=client_reference]");
      if (reference) reference.value = item.reference;
      var submitter = live && live.reference === item.reference ? live.submitter : null;
      if (submitter && submitter.name) {
        var copy = document.createElement("input");
        copy.type = "hidden";
        copy.name = submitter.name;
        copy.value = submitter.value;
        form.appendChild(copy);
      }
      form.submit();
    }

    function afterLiveQueued(item) {
      if (!live || live.reference !== item.reference) return;
      confirmation.innerHTML = "";
      var p = document.createElement("p");
      p.className = "utrecht-paragraph op-desk__saved";
      p.textContent = format(root.getAttribute("data-text-saved"), {label: item.label});
      confirmation.appendChild(p);
      if (item.kind === "form" && !live.changedSince && form.resetBlocks) form.resetBlocks();
      live = null;
    }

    async function flush() {
      if (flushing) return;
      flushing = true;
      var message = "";
      try {
        var items = mine();
        for (var i = 0; i < items.length; i++) {
          var item = items[i];
          var response;
          try {
            response = await post(item);
          } catch (networkError) {
            // Offline, or no answer in time: everything waits for the next try.
            items.slice(i).forEach(afterLiveQueued);
            break;
          }
          var isLive = live && live.reference === item.reference;
          if (response.status === 200 || response.status === 201) {
            var data = await response.json();
            drop(item.reference);
            var pressed = isLive && live.submitter && document.activeElement === live.submitter
              ? live.submitter.value : null;
            refreshLists(data);
            if (isLive) {
              // After a favourite the focus stays on it, ready for the next visitor; the
              // confirmation is announced (role=status). After the form it moves there.
              showDone(data, item.kind === "form");
              var again = pressed && form.querySelector(
                "[data-favourite][value=\"" + pressed + "\"]");
              if (again) again.focus();
              if (item.kind === "form" && !live.changedSince && form.resetBlocks) {
                form.resetBlocks();
              }
              live = null;
            }
          } else if (response.status === 400) {
            drop(item.reference);
            if (isLive) {
              nativeSubmit(item);
              return;
            }
            var problem = await response.json().catch(function () { return {}; });
            message = format(root.getAttribute("data-text-failed"), {
              label: item.label,
              errors: (problem.errors || []).join(" "),
            });
          } else {
            // Logged out, a stale CSRF token or server trouble: keep it and try later.
            if (response.status === 401 || response.status === 403) {
              message = root.getAttribute("data-text-login");
            }
            items.slice(i).forEach(afterLiveQueued);
            break;
          }
        }
      } finally {
        flushing = false;
        showQueue(message);
        if (live && !mine().some(function (item) { return item.reference === live.reference; })) {
          live = null;
        }
      }
      // A registration made while this round was running waits for the next one.
      if (live) flush();
    }

    function describe(submitter, fields) {
      if (submitter && submitter.name === "favoriet") {
        var label = submitter.querySelector(".op-desk__favourite-label");
        return (label || submitter).textContent.trim();
      }
      var n = fields.filter(function (pair) { return /^vraag-\d+-category$/.test(pair[0]); });
      return format(root.getAttribute("data-text-form"), {n: n.length || 1});
    }

    function collect(submitter) {
      var isFavourite = submitter && submitter.name === "favoriet";
      var fields = [];
      new FormData(form).forEach(function (value, name) {
        if (["csrfmiddlewaretoken", "client_reference", "registered_at", "sent_at"]
          .indexOf(name) !== -1) return;
        // A favourite needs only where and how.
        if (isFavourite && name !== "location" && name !== "channel") return;
        fields.push([name, value]);
      });
      if (submitter && submitter.name) fields.push([submitter.name, submitter.value]);
      return fields;
    }

    form.addEventListener("submit", function (event) {
      var submitter = event.submitter;
      if (submitter && submitter.name === "actie" && submitter.value !== "registreren") return;
      event.preventDefault();
      var fields = collect(submitter);
      var key = JSON.stringify(fields);
      var now = Date.now();
      if (key === lastSubmit.key && now - lastSubmit.at < 1000) return; // a double click
      lastSubmit = {key: key, at: now};
      var item = {
        reference: uuid4(),
        user: user,
        registered_at: new Date().toISOString(),
        fields: fields,
        kind: submitter && submitter.name === "favoriet" ? "favourite" : "form",
        label: describe(submitter, fields),
      };
      saveQueue(loadQueue().concat([item]));
      live = {reference: item.reference, submitter: submitter, changedSince: false};
      flush();
    });

    form.addEventListener("input", function () {
      if (live) live.changedSince = true;
    });

    window.addEventListener("online", flush);
    window.setInterval(flush, RETRY_MS);
    flush();
  }

  function start() {
    // The browser may skip autofocus (for instance when the window had no focus yet); the
    // common case must stay one key press away.
    var wanted = document.querySelector(".op-desk [autofocus]");
    if (wanted && (!document.activeElement || document.activeElement === document.body)) {
      wanted.focus();
    }
    document.querySelectorAll("form").forEach(function (form) {
      if (form.querySelector("[data-blocks]")) setUpBlocks(form);
    });
    var root = document.querySelector("[data-desk]");
    var form = root && root.querySelector("[data-desk-form]");
    if (!root || !form || !window.fetch || !window.localStorage) return;
    setUpRemember(root, form);
    setUpSending(root, form);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
