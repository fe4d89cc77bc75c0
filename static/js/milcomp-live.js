// MILCOMP live results (templates/milcomp/results/fragment.html): the results section polls
// its own URL with htmx. The server answers 304 while the results version is unchanged; the
// browser then hands htmx the stored copy, which is not swapped in again (no flicker, the
// table keeps its scroll position).
document.addEventListener("htmx:beforeSwap", (event) => {
  const target = event.detail.target;
  if (!target || !target.matches("[data-results-version]")) {
    return;
  }
  const xhr = event.detail.xhr;
  const version = xhr.getResponseHeader("X-Results-Version");
  if (xhr.status === 304 || (version && version === target.dataset.resultsVersion)) {
    event.detail.shouldSwap = false;
  }
});

// A new version swaps the whole section in: the table keeps the sideways scroll position the
// visitor gave it on a narrow screen.
let scrolledTo = 0;
document.addEventListener("htmx:beforeSwap", (event) => {
  const table = event.detail.target && event.detail.target.querySelector(".results-scroll");
  scrolledTo = table ? table.scrollLeft : 0;
});
document.addEventListener("htmx:afterSwap", () => {
  const table = document.querySelector("#live-results .results-scroll");
  if (table && scrolledTo) {
    table.scrollLeft = scrolledTo;
  }
});

// The hint to swipe the table shows only while the table is wider than its container.
function markScrollHint() {
  const table = document.querySelector("#live-results .results-scroll");
  const hint = document.getElementById("results-scroll-hint");
  if (table && hint) {
    hint.classList.toggle("results-scroll-hint--needless", table.scrollWidth <= table.clientWidth);
  }
}
document.addEventListener("DOMContentLoaded", markScrollHint);
document.addEventListener("htmx:afterSwap", markScrollHint);
window.addEventListener("resize", markScrollHint);
