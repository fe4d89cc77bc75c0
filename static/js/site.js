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
