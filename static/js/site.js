// Progressive enhancement only: the site works without JavaScript.
(function () {
  "use strict";

  // The phone menu: the button opens and closes it; Escape closes it and returns the focus.
  var toggle = document.querySelector("[data-nav-toggle]");
  var nav = document.querySelector("[data-nav]");
  if (toggle && nav) {
    document.documentElement.classList.add("js");
    var setOpen = function (open) {
      toggle.setAttribute("aria-expanded", String(open));
      nav.classList.toggle("is-open", open);
    };
    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  // Logging out leaves nothing of a judge's pages on the device (a phone may be shared): the
  // pages kept for offline entry (judge-sw.js), their service worker, and the entries and start
  // lists (judge-offline.js). Entries not sent yet are counted first: the judge confirms or
  // stays logged in to send them.
  var logout = document.querySelector("form[data-logout]");
  if (logout && window.indexedDB && indexedDB.databases && window.Promise) {
    var JUDGE_DB = "cior-judge";
    var pendingCount = function () {
      return indexedDB.databases().then(function (found) {
        if (!found.some(function (db) { return db.name === JUDGE_DB; })) return 0;
        return new Promise(function (resolve) {
          var request = indexedDB.open(JUDGE_DB);
          request.onsuccess = function () {
            var database = request.result;
            if (!database.objectStoreNames.contains("pending")) { database.close(); return resolve(0); }
            var counting = database.transaction("pending").objectStore("pending").count();
            counting.onsuccess = function () { database.close(); resolve(counting.result); };
            counting.onerror = function () { database.close(); resolve(0); };
          };
          request.onerror = function () { resolve(0); };
        });
      });
    };
    var clearJudgeData = function () {
      var steps = [new Promise(function (resolve) {
        var request = indexedDB.deleteDatabase(JUDGE_DB);
        request.onsuccess = request.onerror = request.onblocked = function () { resolve(); };
      })];
      if (window.caches) steps.push(caches.delete("cior-judge-v1"));
      if (navigator.serviceWorker) {
        steps.push(navigator.serviceWorker.getRegistrations().then(function (registrations) {
          return Promise.all(registrations.filter(function (registration) {
            return registration.scope.indexOf("/milcomp/judge/") !== -1;
          }).map(function (registration) { return registration.unregister(); }));
        }));
      }
      return Promise.all(steps);
    };
    logout.addEventListener("submit", function (event) {
      if (logout.dataset.cleared) return;
      event.preventDefault();
      pendingCount().then(function (count) {
        if (count && !window.confirm(logout.dataset.textUnsent.replace("{count}", count))) return false;
        return clearJudgeData();
      }).catch(function () {}).then(function (cancelled) {
        if (cancelled === false) return;
        logout.dataset.cleared = "1";
        logout.submit();
      });
    });
  }

  // A form sent back with errors: a summary at its top lists them, each linked to its field,
  // and takes the focus, so that the error is seen (and announced) without scrolling.
  var lists = document.querySelectorAll("form .errorlist");
  if (!lists.length || document.querySelector("[data-error-summary]")) return;
  var form = lists[0].closest("form");
  var summary = document.createElement("div");
  summary.className = "error-summary";
  summary.setAttribute("role", "alert");
  summary.setAttribute("tabindex", "-1");
  summary.setAttribute("data-error-summary", "");
  var heading = document.createElement("h2");
  heading.className = "error-summary__title";
  heading.textContent = form.getAttribute("data-error-title") ||
    (document.documentElement.lang === "fr" ? "Veuillez corriger ce qui suit :" : "Please correct the following:");
  summary.appendChild(heading);
  var list = document.createElement("ul");
  Array.prototype.forEach.call(lists, function (errors) {
    var fieldId = (errors.id || "").replace(/_error$/, "");
    var field = fieldId && document.getElementById(fieldId);
    var label = field && document.querySelector('label[for="' + fieldId + '"]');
    Array.prototype.forEach.call(errors.querySelectorAll("li"), function (error) {
      var item = document.createElement("li");
      var text = (label ? label.textContent.trim().replace(/[:*\s]+$/, "") + " : " : "") + error.textContent.trim();
      if (document.documentElement.lang !== "fr") text = text.replace(" : ", ": ");
      if (field) {
        var link = document.createElement("a");
        link.href = "#" + fieldId;
        link.textContent = text;
        link.addEventListener("click", function (event) {
          event.preventDefault();
          field.focus();
        });
        item.appendChild(link);
      } else {
        item.textContent = text;
      }
      list.appendChild(item);
    });
  });
  summary.appendChild(list);
  form.parentNode.insertBefore(summary, form);
  summary.focus();
})();
