// The review page's copy buttons (src/components/ReviewList.astro): without JavaScript the rows are
// selectable text and the buttons stay hidden; with it, each button copies its row (data-copy: the
// id of the row's element) to the clipboard and says so in the list's status line.

async function copyText(text: string, el: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // no clipboard permission (an insecure origin): select the row so that Ctrl+C copies it
    const range = document.createRange();
    range.selectNodeContents(el);
    const sel = window.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    return false;
  }
}

document.querySelectorAll<HTMLButtonElement>("button.copy-row[data-copy]").forEach((b) => {
  const row = document.getElementById(b.dataset.copy ?? "");
  if (!row) return;
  b.hidden = false;
  const status = b.closest(".review-list")?.querySelector<HTMLElement>("[role=status]");
  b.addEventListener("click", async () => {
    const ok = await copyText(row.textContent ?? "", row);
    if (status) status.textContent = ok ? `已复制：${row.textContent}` : "无法直接复制，已选中这一行，请按 Ctrl+C 复制。";
  });
});
