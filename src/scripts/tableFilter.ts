// Progressive enhancement of a filterable table (the compare page, a county's tables). Without
// JavaScript the form stays hidden and the full table shows. With it, the form (class "table-filter",
// data-table = the table's id) appears, and each group of checkboxes (by name N) hides the table's
// elements whose data-N value is not checked: rows, cells, and whole columns through their header
// cell in <thead>. The status line reads the form's data-status, with {N} replaced by the number of
// N chosen ("显示 {report} 份报告、{indicator} 项指标。"). A data-N of several values separated by
// spaces (an item that may belong to several indicators) shows while any of them is chosen.

function enhance(form: HTMLFormElement): void {
  const table = document.getElementById(form.dataset.table ?? "");
  if (!table) return;
  const status = form.querySelector<HTMLElement>("[role=status]");
  const inputs = [...form.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
  const names = [...new Set(inputs.map((i) => i.name))];
  const filtered = [...table.querySelectorAll<HTMLElement>(names.map((n) => `[data-${n}]`).join(","))];
  // columns are hidden by a rule on their position, so that their cells need no attributes; the rule
  // lives in a constructed stylesheet, which the Content-Security-Policy allows (a <style> it refuses)
  const columns = [...table.querySelectorAll<HTMLTableCellElement>("thead th")].filter((th) => names.some((n) => th.dataset[n] !== undefined));
  const style = new CSSStyleSheet();
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, style];
  form.hidden = false;
  document.querySelectorAll<HTMLElement>(".js-only").forEach((e) => (e.hidden = false));

  const apply = () => {
    const chosen = new Map(names.map((n) => [n, new Set(inputs.filter((i) => i.name === n && i.checked).map((i) => i.value))]));
    for (const el of filtered) {
      el.hidden = names.some((n) => {
        const v = el.dataset[n];
        return v !== undefined && !v.split(" ").some((x) => chosen.get(n)?.has(x));
      });
    }
    const rules = columns.filter((th) => th.hidden).map((th) => `#${CSS.escape(table.id)} tr > :nth-child(${th.cellIndex + 1})`);
    style.replaceSync(rules.length ? `${rules.join(",")}{display:none}` : "");
    if (status) status.textContent = (form.dataset.status ?? "").replace(/\{(\w+)\}/g, (_, n: string) => String(chosen.get(n)?.size ?? 0));
  };
  form.addEventListener("change", apply);
  form.querySelectorAll<HTMLButtonElement>("button[data-all], button[data-none]").forEach((b) =>
    b.addEventListener("click", () => {
      const name = b.dataset.all ?? b.dataset.none ?? "";
      inputs.filter((i) => i.name === name).forEach((i) => (i.checked = b.dataset.all !== undefined));
      apply();
    }),
  );
  apply();
}

document.querySelectorAll<HTMLFormElement>("form.table-filter").forEach(enhance);
