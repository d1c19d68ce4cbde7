// The one inline script of every page: it applies the remembered 大字 choice before the first paint
// (a module script would run after it, and the page would jump). It is inline so that it can run
// that early, so the Content-Security-Policy allows it by its hash: astro.config.mjs hashes this
// very text and Base.astro writes it, so that the two never differ.
export const LARGE_TEXT_EARLY = `try { if (localStorage.getItem("fzzl-large-text") === "1") document.documentElement.classList.add("large-text"); } catch {}`;
