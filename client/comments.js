// Progressive enhancement of the comment thread: posting, replying and liking without reloading the page.
// Without this script every form still posts and the server redirects back to the comment.

const status = (form, text, isError) => {
  const box = form.querySelector('.comment-form-status');
  if (!box) return;
  box.textContent = text;
  box.classList.toggle('error', Boolean(isError));
};

async function send(form) {
  const res = await fetch(form.action, {
    method: 'POST',
    body: new URLSearchParams(new FormData(form)),
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
  });
  let data = {};
  try {
    data = await res.json();
  } catch {
    /* a proxy's HTML error page */
  }
  return { res, data };
}

/** The server's fragment turned into nodes; it was rendered (and escaped) on the server. */
function fragment(html) {
  const t = document.createElement('template');
  t.innerHTML = html;
  return t.content;
}

document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  if (form.matches('[data-comment-form]')) {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    if (button) button.disabled = true;
    status(form, '', false);
    try {
      const { res, data } = await send(form);
      if (res.status !== 201) {
        status(form, (data.error && data.error.message) || 'The comment could not be posted.', true);
        return;
      }
      const nodes = fragment(data.html);
      const target = data.parentId
        ? document.querySelector(`ol[data-replies-of="${data.parentId}"]`)
        : document.querySelector('.comment-thread');
      if (target) target.appendChild(nodes);
      form.reset();
      const details = form.closest('details');
      if (details) details.open = false;
      const added = document.getElementById(`comment-${data.id}`);
      if (added) {
        added.setAttribute('tabindex', '-1');
        added.focus();
      }
      status(form, data.message || '', false);
      if (data.status === 'published') {
        const count = document.querySelector('#comments .comment-count');
        if (count) {
          // The server wrote the number in the page's language (10,000); the exact figure is in data-count.
          const n = Number(count.dataset.count || '0') + 1;
          count.dataset.count = String(n);
          count.textContent = new Intl.NumberFormat(document.documentElement.lang || undefined).format(n);
        }
      }
    } catch {
      status(form, 'The network failed; your text is still here. Please try again.', true);
    } finally {
      if (button) button.disabled = false;
    }
  } else if (form.matches('[data-comment-like]')) {
    event.preventDefault();
    try {
      const { res, data } = await send(form);
      if (!res.ok) return;
      const button = form.querySelector('button');
      button.setAttribute('aria-pressed', data.liked ? 'true' : 'false');
      const n = form.querySelector('.comment-likes');
      if (n) n.textContent = String(data.count);
    } catch {
      /* the button simply stays as it was */
    }
  }
});
