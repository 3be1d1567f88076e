// The import page: the export's upload shows its progress as a bar, then the import's page follows the import
// as it runs. Without this script the form posts as usual and the import's page reloads itself.
function bindUpload() {
  const form = document.querySelector('form[data-import-upload]');
  if (!form) return;
  const box = form.querySelector('[data-upload-progress]');
  const bar = box.querySelector('progress');
  const percent = box.querySelector('[data-upload-percent]');
  const input = form.querySelector('input[type="file"]');
  const button = form.querySelector('button[type="submit"]');

  form.addEventListener('submit', (e) => {
    if (!input.files.length) return;
    e.preventDefault();
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    box.hidden = false;
    bar.value = 0;
    percent.textContent = '0%';
    button.disabled = true;
    xhr.upload.onprogress = (ev) => {
      if (!ev.lengthComputable) return;
      const p = Math.round((ev.loaded / ev.total) * 100);
      bar.value = p;
      percent.textContent = `${p}%`;
    };
    xhr.onload = () => {
      // Accepted: the answer is the import's page, reached through the redirect; go there.
      if (xhr.status < 300 && xhr.responseURL && new URL(xhr.responseURL).pathname !== new URL(form.action).pathname) {
        window.location.assign(xhr.responseURL);
        return;
      }
      // Refused (no file, too large, signed out): the answer is the page with its message; show it in place.
      const page = new DOMParser().parseFromString(xhr.responseText, 'text/html');
      const main = page.querySelector('main');
      if (!main) {
        form.submit();
        return;
      }
      document.querySelector('main').replaceWith(main);
      document.title = page.title;
      bindUpload();
      main.querySelector('.error-summary')?.focus();
    };
    // The connection broke: the plain form, which the browser shows its own progress for, tries once more.
    xhr.onerror = () => form.submit();
    xhr.send(new FormData(form));
  });
}

function followRun() {
  const run = document.querySelector('[data-import-run]');
  if (!run) return;
  const bar = run.querySelector('progress');
  const status = run.querySelector('[data-run-status]');
  const tick = async () => {
    let s;
    try {
      const res = await fetch(run.dataset.importRun, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      s = await res.json();
    } catch {
      setTimeout(tick, 2000);
      return;
    }
    // Done, refused or stopped: the page itself now shows the report or the reason.
    if (s.state !== 'running') {
      window.location.reload();
      return;
    }
    if (s.total > 0) {
      bar.max = s.total;
      bar.value = s.done;
    } else bar.removeAttribute('value');
    if (status.textContent !== s.status) status.textContent = s.status;
    setTimeout(tick, 500);
  };
  setTimeout(tick, 500);
}

bindUpload();
followRun();
