// Case page, optional: compare the two photos with a slider. Without this script (or
// before the button is pressed) the page shows two labelled photos, which is the
// accessible default; the slider is a real <input type="range">, so keyboards and
// screen readers can use it and nothing depends on dragging.
(function () {
  "use strict";
  document.querySelectorAll("[data-compare]").forEach(function (pair) {
    var controls = document.createElement("div");
    controls.className = "case__compare";

    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "case__compare-toggle";
    toggle.setAttribute("aria-pressed", "false");
    toggle.textContent = "Compare with a slider";

    var label = document.createElement("label");
    label.className = "case__compare-range";
    label.hidden = true;
    label.textContent = "Before | After ";
    var range = document.createElement("input");
    range.type = "range";
    range.min = "0";
    range.max = "100";
    range.value = "50";
    label.appendChild(range);

    controls.append(toggle, label);
    pair.after(controls);

    function update() {
      pair.style.setProperty("--split", range.value + "%");
      range.setAttribute("aria-valuetext", range.value + "% before, " + (100 - range.value) + "% after");
    }
    range.addEventListener("input", update);
    toggle.addEventListener("click", function () {
      var on = pair.classList.toggle("case__pair--slider");
      toggle.setAttribute("aria-pressed", String(on));
      toggle.textContent = on ? "Show side by side" : "Compare with a slider";
      label.hidden = !on;
    });
    update();
  });
})();
