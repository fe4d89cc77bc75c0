// The judge's discipline page without a network. Progressive enhancement: without JavaScript
// each team's form posts and the page reloads, as always.
//
// With it, a save is kept first in IndexedDB ("not sent yet"), then sent as JSON to the page's
// entry.json with the version the form showed. The server's version check decides: saved (the
// team shows the server's values), or a conflict (the judge's entry and the server's shown side
// by side, the judge chooses). Nothing is ever sent over a newer result without that choice.
// Entries wait on the device while the network is away and are sent when it returns ("online"
// event, and a retry every 20 s). The service worker (judge-sw.js) keeps the page and its files.
(function () {
  "use strict";

  var box = document.querySelector("[data-offline]");
  if (!box || !window.fetch || !window.indexedDB || !window.Promise) return;
  var text = box.dataset; // the translated texts, from the template
  var page = location.pathname;
  var csrf = document.querySelector("input[name=csrfmiddlewaretoken]");
  var forms = {};
  document.querySelectorAll("form.entry-form[data-team]").forEach(function (form) {
    forms[form.dataset.team] = form;
  });
  var sending = false;
  var again = false;
  var problem = ""; // why the last try did not send everything (the server's words)

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return name in values ? values[name] : all;
    });
  }

  // --- IndexedDB: "pending" (not sent yet), "saved" (the server's last answer), "lists" (the
  // start list of each page); records are keyed by page path (+ "#" + team id).
  var db = new Promise(function (resolve, reject) {
    var request = indexedDB.open("cior-judge", 1);
    request.onupgradeneeded = function () {
      ["pending", "saved", "lists"].forEach(function (name) {
        request.result.createObjectStore(name, { keyPath: "key" });
      });
    };
    request.onsuccess = function () { resolve(request.result); };
    request.onerror = function () { reject(request.error); };
  });

  function withStore(name, mode, action) {
    return db.then(function (database) {
      return new Promise(function (resolve, reject) {
        var transaction = database.transaction(name, mode);
        var request = action(transaction.objectStore(name));
        transaction.oncomplete = function () { resolve(request.result); };
        transaction.onerror = function () { reject(transaction.error); };
      });
    });
  }
  function put(name, record) { return withStore(name, "readwrite", function (s) { return s.put(record); }); }
  function remove(name, key) { return withStore(name, "readwrite", function (s) { return s.delete(key); }); }
  // Remove a sent entry, unless the judge saved the team again while it was on its way.
  function removeIfUnchanged(record) {
    return withStore("pending", "readwrite", function (s) {
      var request = s.get(record.key);
      request.onsuccess = function () {
        if (request.result && request.result.queuedAt === record.queuedAt) s.delete(record.key);
      };
      return request;
    });
  }
  function thisPage(name) {
    return withStore(name, "readonly", function (s) { return s.getAll(); }).then(function (all) {
      return all.filter(function (record) { return record.page === page; });
    });
  }

  // --- The page: values in and out of a team's form, its badges and lines.
  function formValues(form) {
    var fields = {};
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrfmiddlewaretoken" && name !== "team") fields[name] = value;
    });
    return fields;
  }
  function setValues(form, fields) {
    Object.keys(fields).forEach(function (name) {
      var input = form.elements.namedItem(name);
      if (input) input.value = fields[name];
    });
  }
  function versionOf(form) {
    var input = form.querySelector("input[name$='-version']");
    return input ? Number(input.value) : 0;
  }
  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  }
  function list(lines, className) {
    var ul = element("ul", className);
    lines.forEach(function (line) { ul.appendChild(element("li", "", line)); });
    return ul;
  }
  // Put `node` in the team's <details> in place of the element marked `marker`, before the form.
  function replaceBlock(form, marker, node) {
    var old = form.parentNode.querySelector("[" + marker + "]");
    if (old) old.remove();
    if (!node) return;
    node.setAttribute(marker, "");
    form.parentNode.insertBefore(node, form);
  }
  function markPending(form, pending) {
    var summary = form.parentNode.querySelector("summary");
    var badge = summary.querySelector("[data-pending]");
    if (pending && !badge) {
      badge = element("span", "state-badge state-badge--pending", text.textPending);
      badge.setAttribute("data-pending", "");
      summary.appendChild(badge);
    } else if (!pending && badge) {
      badge.remove();
    }
  }
  function showError(form, message) {
    var node = message ? element("p", "entry-error entry-error--form", text.textRefused + " " + message) : null;
    if (node) node.setAttribute("role", "alert");
    replaceBlock(form, "data-offline-error", node);
  }

  // Show a result the server saved: its values, version, state, and what is still missing.
  function showSaved(form, saved) {
    setValues(form, saved.fields);
    var summary = form.parentNode.querySelector("summary");
    summary.querySelector("[data-result-state]").textContent =
      saved.missing.length ? text.textPartly : text.textProvisional;
    var version = summary.querySelector(".entry-team__version");
    if (!version) version = summary.appendChild(element("span", "entry-team__version"));
    version.textContent = fill(text.textVersion, { version: saved.version });
    replaceBlock(form, "data-saved-values", saved.summary.length ? list(saved.summary, "entry-team__saved") : null);
    var missing = null;
    if (saved.missing.length) {
      missing = element("div", "entry-team__missing");
      missing.appendChild(element("p", "", text.textMissing));
      missing.appendChild(list(saved.missing));
    }
    replaceBlock(form, "data-missing", missing);
  }

  // The judge's entry and the server's, side by side, and the two ways out.
  function showConflict(form, record) {
    var conflict = record.conflict;
    var node = element("div", "entry-conflict");
    node.setAttribute("role", "alert");
    node.appendChild(element("p", "entry-error", text.textConflict));
    var sides = node.appendChild(element("div", "entry-conflict__sides"));
    var mine = sides.appendChild(element("section", "entry-conflict__side"));
    mine.setAttribute("data-side", "yours");
    mine.appendChild(element("h3", "", text.textYours));
    mine.appendChild(list(conflict.yours.summary));
    var theirs = sides.appendChild(element("section", "entry-conflict__side"));
    theirs.setAttribute("data-side", "server");
    theirs.appendChild(element("h3", "", text.textServer + " · " +
      fill(text.textVersion, { version: conflict.server.version }) + " · " +
      fill(text.textBy, { who: conflict.server.by })));
    theirs.appendChild(list(conflict.server.summary));
    var keepMine = node.appendChild(element("button", "button", text.textKeepMine));
    keepMine.type = "button";
    keepMine.addEventListener("click", function () {
      // Based on the server's version now: the judge has seen it and chose to replace it.
      var version = form.querySelector("input[name$='-version']");
      version.value = record.fields[version.name] = String(conflict.server.version);
      record.conflict = null;
      replaceBlock(form, "data-conflict", null);
      put("pending", record).then(flush);
    });
    var keepServer = node.appendChild(element("button", "button button--secondary", text.textKeepServer));
    keepServer.type = "button";
    keepServer.addEventListener("click", function () {
      replaceBlock(form, "data-conflict", null);
      markPending(form, false);
      showSaved(form, conflict.server);
      remove("pending", record.key).then(function () {
        return put("saved", Object.assign({ key: record.key, page: page }, conflict.server));
      }).then(function () { return showStatus(); });
    });
    replaceBlock(form, "data-conflict", node);
  }

  // A save's confirmation, as the page without JavaScript shows it; older messages (the
  // sign-in's) go.
  function flash(message) {
    document.querySelectorAll(".flash-messages").forEach(function (node) { node.remove(); });
    var messages = element("ul", "flash-messages");
    messages.setAttribute("role", "status");
    messages.appendChild(element("li", "flash flash--success", message));
    box.parentNode.insertBefore(messages, box);
  }

  // The status line: no network, and how many entries wait on this device.
  function showStatus() {
    return thisPage("pending").then(function (pending) {
      var lines = [];
      if (!navigator.onLine) lines.push(text.textOffline);
      if (pending.length) lines.push(fill(text.textQueued, { count: pending.length }));
      if (pending.length && problem) lines.push(problem);
      box.textContent = lines.join(" ");
      box.hidden = !lines.length;
    });
  }

  // --- Sending: one entry at a time, in the order they were made.
  function send(record) {
    var form = forms[record.team];
    return fetch(box.dataset.endpoint, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        "X-CSRFToken": csrf ? csrf.value : "",
      },
      body: JSON.stringify({ team: Number(record.team), fields: record.fields }),
    }).then(function (response) {
      var json = (response.headers.get("Content-Type") || "").indexOf("json") !== -1;
      if (!json) throw new Error(""); // not the endpoint's answer (a login page): try again later
      return response.json().then(function (body) {
        if (response.ok) {
          // Saved: the team shows the server's values.
          markPending(form, false);
          showError(form, "");
          showSaved(form, body);
          return removeIfUnchanged(record)
            .then(function () { return put("saved", Object.assign({ key: record.key, page: page }, body)); })
            .then(function () { return fill(text.textSaved, { team: record.name }); });
        }
        if (response.status === 409) {
          record.conflict = { yours: body.yours, server: body.server };
          showConflict(form, record);
          return put("pending", record);
        }
        if (response.status === 400 || response.status === 403 || response.status === 404) {
          // Refused as it is: it stays on the device, marked, until the judge corrects it.
          record.refused = body.detail;
          showError(form, body.detail);
          return put("pending", record);
        }
        // Signed out, server trouble: tried again later; the server's reason is shown.
        throw Object.assign(new Error(body.detail), { fromServer: true });
      });
    });
  }

  function flush() {
    if (sending) {
      again = true; // saved while sending: sent right after
      return Promise.resolve();
    }
    if (!navigator.onLine) return showStatus();
    sending = true;
    again = false;
    problem = "";
    var message;
    return thisPage("pending").then(function (pending) {
      pending.sort(function (a, b) { return a.queuedAt - b.queuedAt; });
      return pending.reduce(function (chain, record) {
        if (record.conflict || record.refused || !forms[record.team]) return chain;
        return chain.then(function () {
          return send(record).then(function (result) {
            if (typeof result === "string") message = result;
          });
        });
      }, Promise.resolve());
    }).catch(function (error) {
      // The network went away again, or the server refused for now: the rest waits.
      problem = error.fromServer ? error.message : "";
    }).then(function () {
      sending = false;
      if (message) flash(message);
      return again ? flush() : showStatus();
    });
  }

  // --- Saving a team: kept on the device first, then sent.
  Object.keys(forms).forEach(function (team) {
    var form = forms[team];
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var record = {
        key: page + "#" + team,
        page: page,
        team: team,
        name: form.dataset.teamName,
        fields: formValues(form),
        queuedAt: Date.now(),
      };
      markPending(form, true);
      showError(form, "");
      replaceBlock(form, "data-conflict", null);
      put("pending", record).then(flush);
    });
  });

  // --- On load: keep the start list, show what the server saved since this copy of the page
  // was made, then the entries not sent yet; send them if the network is there.
  put("lists", {
    key: page,
    page: page,
    teams: Object.keys(forms).map(function (team) {
      return { id: team, name: forms[team].dataset.teamName, start: forms[team].dataset.start };
    }),
  })
    .then(function () { return thisPage("saved"); })
    .then(function (saved) {
      saved.forEach(function (record) {
        var form = forms[record.team];
        if (form && record.version > versionOf(form)) showSaved(form, record);
      });
      return thisPage("pending");
    })
    .then(function (pending) {
      pending.forEach(function (record) {
        var form = forms[record.team];
        if (!form) return;
        setValues(form, record.fields);
        markPending(form, true);
        if (record.conflict) showConflict(form, record);
        else if (record.refused) showError(form, record.refused);
      });
      return flush();
    });

  window.addEventListener("online", flush);
  window.addEventListener("offline", function () { showStatus(); });
  setInterval(flush, 20000);

  // The service worker keeps this page and its files; on the first visit it does not control
  // the page yet, so it is asked to keep what the page loaded.
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(box.dataset.worker).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      var files = [page];
      document.querySelectorAll("link[rel=stylesheet][href], script[src]").forEach(function (node) {
        files.push(node.href || node.src);
      });
      registration.active.postMessage({ keep: files });
    }).catch(function () {});
  }
})();
