// The 大字 (large text) switch in the header: shown once this runs, toggles html.large-text (global.css
// --size) and remembers the choice (largeTextEarly.mjs applies it on the next page before paint).
const button = document.getElementById("large-text");
if (button) {
  const root = document.documentElement;
  button.hidden = false;
  button.setAttribute("aria-pressed", root.classList.contains("large-text") ? "true" : "false");
  button.addEventListener("click", () => {
    const on = root.classList.toggle("large-text");
    button.setAttribute("aria-pressed", on ? "true" : "false");
    try {
      localStorage.setItem("fzzl-large-text", on ? "1" : "0");
    } catch {
      // storage may be disabled: the switch still works for this page
    }
  });
}
