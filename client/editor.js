// Article editor enhancements: a live Markdown preview as you type.
// The form works without this script; the server renders the same preview on "Preview".
const form = document.querySelector('form.editor[data-preview-url]');
if (form) {
  const body = form.querySelector('#body');
  const pane = form.querySelector('[data-preview]');
  const out = pane && pane.querySelector('.preview-body');
  const csrf = form.querySelector('input[name="_csrf"]');
  const url = form.getAttribute('data-preview-url');
  let timer = 0;
  let controller;
  let last = null;

  async function refresh() {
    if (!body || !out || !csrf) return;
    const text = body.value;
    if (text === last) return;
    last = text;
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrf.value },
        body: new URLSearchParams({ body: text }),
        credentials: 'same-origin',
        signal: controller.signal,
      });
      if (!res.ok) {
        pane.setAttribute('data-state', 'error');
        return;
      }
      // The server sanitises the HTML: the same sanitiser as the published page.
      out.innerHTML = await res.text();
      pane.removeAttribute('data-state');
      pane.hidden = false;
    } catch (err) {
      if (err && err.name !== 'AbortError') pane.setAttribute('data-state', 'error');
    }
  }

  if (body && pane) {
    body.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, 400);
    });
    if (body.value.trim()) refresh();
  }
}
