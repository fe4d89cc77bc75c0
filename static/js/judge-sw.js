// The service worker of the judges' pages. Django serves it at /<lang>/milcomp/judge/sw.js, so
// its scope is the judges' pages of that language. It keeps a copy of each judge page and of the
// static files those pages load, so that a judge who loses the network can still open the
// discipline page. The entries themselves are kept by the page in IndexedDB (judge-offline.js);
// nothing but GET requests passes through here.
"use strict";

var CACHE = "cior-judge-v1";

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  // Control the page that registered the worker at once, not only from its next load.
  event.waitUntil(self.clients.claim());
});

// The network first, so that an online judge always sees the newest page; the kept copy when
// the network fails. Pages are kept by path: "?saved=…" only chooses which team is opened.
function networkFirst(request, key) {
  return fetch(request)
    .then(function (response) {
      if (response.ok && !response.redirected) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) {
          return cache.put(key, copy);
        });
      }
      return response;
    })
    .catch(function () {
      return caches.match(key, { ignoreSearch: true }).then(function (kept) {
        return kept || Response.error();
      });
    });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request, url.pathname));
  } else if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(networkFirst(request, request.url));
  }
});

// The page asks to keep the files it loaded before the worker controlled it (its first visit).
self.addEventListener("message", function (event) {
  var urls = (event.data && event.data.keep) || [];
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return Promise.all(
        urls.map(function (url) {
          return cache.match(url).then(function (kept) {
            return kept || cache.add(url).catch(function () {});
          });
        })
      );
    })
  );
});
