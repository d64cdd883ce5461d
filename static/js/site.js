// The header menu (templates/includes/_header.html) is a <details>: it opens and closes
// without this script. This adds what a menu button should also do: say whether it is
// open (aria-expanded), close on Escape with focus back on the button, and close when
// focus or a click leaves it.
(function () {
  "use strict";
  var menu = document.querySelector(".site-menu");
  if (!menu) return;
  var button = menu.querySelector("summary");
  var wide = window.matchMedia("(min-width: 60rem)");

  function sync() {
    if (wide.matches) {
      button.removeAttribute("aria-expanded"); // hidden on wide screens: the links are shown
    } else {
      button.setAttribute("aria-expanded", String(menu.open));
    }
  }
  function close(focusButton) {
    if (!menu.open || wide.matches) return;
    menu.open = false;
    if (focusButton) button.focus();
  }
  menu.addEventListener("toggle", sync);
  wide.addEventListener("change", sync);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") close(menu.contains(document.activeElement));
  });
  document.addEventListener("click", function (event) {
    if (!menu.contains(event.target)) close(false);
  });
  menu.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !menu.contains(event.relatedTarget)) close(false);
  });
  sync();
})();
