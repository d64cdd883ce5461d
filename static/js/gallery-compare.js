// Case page, optional: compare the two photos with a slider. Without this script (or
// before the button is pressed) the page shows two labelled photos side by side, which is
// the accessible default (WCAG 2.5.7); the slider is a real <input type="range">, so
// keyboards and screen readers can use it and nothing depends on dragging. The divider
// and handle are drawn on the image; the "Before" and "After" labels sit outside it.
(function () {
  "use strict";
  document.querySelectorAll("[data-compare]").forEach(function (pair) {
    var controls = pair.closest(".case").querySelector("[data-compare-controls]");
    if (!controls) return;

    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "case__compare-toggle";
    toggle.setAttribute("aria-pressed", "false");
    toggle.textContent = "Compare with a slider";

    var label = document.createElement("label");
    label.className = "case__compare-range";
    label.hidden = true;
    var text = document.createElement("span");
    text.textContent = "Slide between before and after";
    var range = document.createElement("input");
    range.type = "range";
    range.min = "0";
    range.max = "100";
    range.value = "50";
    label.append(text, range);

    var handle = document.createElement("span");
    handle.className = "case__handle";
    handle.setAttribute("aria-hidden", "true");
    handle.textContent = "⟷";
    handle.hidden = true;
    pair.appendChild(handle);

    var sides = document.createElement("p");
    sides.className = "case__sides";
    sides.setAttribute("aria-hidden", "true");
    sides.hidden = true;
    var before = document.createElement("span");
    before.textContent = "◀ Before";
    var after = document.createElement("span");
    after.textContent = "After ▶";
    sides.append(before, after);

    controls.append(toggle, label);
    pair.after(sides);

    function update() {
      pair.style.setProperty("--split", range.value + "%");
      range.setAttribute("aria-valuetext", range.value + "% before, " + (100 - range.value) + "% after");
    }
    range.addEventListener("input", update);
    toggle.addEventListener("click", function () {
      var on = pair.classList.toggle("case__pair--slider");
      toggle.setAttribute("aria-pressed", String(on));
      toggle.textContent = on ? "Show side by side" : "Compare with a slider";
      label.hidden = handle.hidden = sides.hidden = !on;
    });
    update();
  });
})();

// Each photo of the case page links to its largest size; with this script it opens in a
// modal <dialog>, which keeps focus inside, closes on Escape and gives focus back.
(function () {
  "use strict";
  var links = document.querySelectorAll("[data-enlarge]");
  if (!links.length || typeof HTMLDialogElement !== "function") return;
  var dialog = document.createElement("dialog");
  dialog.className = "lightbox";
  dialog.setAttribute("aria-label", "Enlarged photo");
  var close = document.createElement("button");
  close.type = "button";
  close.className = "lightbox__close button button--small";
  close.textContent = "Close";
  var image = document.createElement("img");
  image.className = "lightbox__image";
  dialog.append(close, image);
  document.body.appendChild(dialog);
  var opener = null;

  close.addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
  dialog.addEventListener("close", function () { if (opener) opener.focus(); });
  links.forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (link.closest(".case__pair--slider")) { event.preventDefault(); return; } // the slider is in use
      event.preventDefault();
      var source = link.querySelector("img");
      opener = link;
      image.src = link.href;
      image.alt = source.alt;
      dialog.showModal();
      close.focus();
    });
  });
})();
