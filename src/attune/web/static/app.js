// Attune's small script: quick exit, step timers, and live reveal. The pages work without it.
(function () {
  "use strict";

  // Quick exit: leave at once and replace this page in history, so "back" does not return here.
  function quickExit(url) {
    try { document.body.hidden = true; } catch (e) { /* nothing to hide */ }
    window.location.replace(url);
  }
  var exit = document.querySelector("[data-quick-exit]");
  if (exit) {
    exit.addEventListener("click", function (ev) {
      ev.preventDefault();
      quickExit(exit.getAttribute("href"));
    });
    var presses = [];
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "Escape") { return; }
      var now = Date.now();
      presses = presses.filter(function (t) { return now - t < 1500; });
      presses.push(now);
      if (presses.length >= 3) { quickExit(exit.getAttribute("href")); }
    });
  }

  // Step timers: a start button per timed step; a soft chime-free "time's up" message.
  function fmt(s) {
    var m = Math.floor(s / 60), r = s % 60;
    return m + ":" + (r < 10 ? "0" : "") + r;
  }
  document.querySelectorAll(".timer").forEach(function (box) {
    var total = parseInt(box.getAttribute("data-seconds"), 10);
    var display = box.querySelector(".timer-display");
    var button = box.querySelector(".timer-start");
    if (!button || !display || !total) { return; }
    button.hidden = false;
    var handle = null, left = total;
    button.addEventListener("click", function () {
      if (handle) {
        clearInterval(handle); handle = null; button.textContent = "Resume timer"; return;
      }
      if (left <= 0) { left = total; }
      button.textContent = "Pause timer";
      handle = setInterval(function () {
        left -= 1;
        display.textContent = fmt(Math.max(left, 0));
        if (left <= 0) {
          clearInterval(handle); handle = null;
          display.textContent = "Time's up. Finish your sentence, then move on.";
          button.textContent = "Start again";
        }
      }, 1000);
    });
  });

  // Live parts: an element with data-live is refreshed from that URL now and then,
  // so a partner's answer appears without reloading. It stops once nothing is waited for.
  document.querySelectorAll("[data-live]").forEach(function (el) {
    var url = el.getAttribute("data-live");
    var tries = 0;
    function refresh() {
      if (!el.querySelector(".waiting") || tries > 60) { return; }
      tries += 1;
      fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (html === null) { return; }
          var doc = new DOMParser().parseFromString(html, "text/html");
          var fresh = doc.getElementById(el.id);
          if (fresh) { el.innerHTML = fresh.innerHTML; }
        })
        .catch(function () { /* offline: try again later */ })
        .finally(function () { setTimeout(refresh, 20000); });
    }
    setTimeout(refresh, 20000);
  });
})();
