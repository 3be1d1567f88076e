// Media library enhancements: drop files on the upload form or paste an image, see the upload's progress,
// and click the image on its edit page to set the focal point. The forms work without this script.
const form = document.querySelector('form[data-media-upload]');
if (form) {
  const input = form.querySelector('input[type="file"]');
  const list = form.querySelector('[data-upload-list]');
  const csrf = form.querySelector('input[name="_csrf"]');
  const button = form.querySelector('button[type="submit"]');

  // One request per file, two at a time: each file has its own bar and its own answer (saved, or why not).
  function sendOne(file, row) {
    const bar = row.querySelector('progress');
    const state = row.querySelector('[data-state]');
    return new Promise((resolve) => {
      const data = new FormData();
      data.append('_csrf', csrf.value);
      data.append('files', file, file.name || 'pasted.png');
      const xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.setRequestHeader('accept', 'application/json');
      xhr.setRequestHeader('x-csrf-token', csrf.value);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
      };
      xhr.onload = () => {
        let body;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = {};
        }
        const refused = body.refused || (body.error ? [{ message: body.error.message }] : []);
        const saved = (body.saved || []).length;
        bar.value = 100;
        row.setAttribute('data-result', saved ? 'saved' : 'refused');
        state.textContent = saved
          ? form.getAttribute('data-saved')
          : refused.map((r) => r.message).join(' ') || form.getAttribute('data-failed');
        resolve(saved);
      };
      xhr.onerror = () => {
        row.setAttribute('data-result', 'refused');
        state.textContent = form.getAttribute('data-failed');
        resolve(0);
      };
      xhr.send(data);
    });
  }

  async function send(files) {
    if (!files.length) return;
    list.replaceChildren();
    list.hidden = false;
    button.disabled = true;
    const rows = files.map((f) => {
      const row = document.createElement('li');
      const name = document.createElement('span');
      name.className = 'upload-name';
      name.textContent = f.name || 'pasted.png';
      const bar = document.createElement('progress');
      bar.max = 100;
      bar.value = 0;
      bar.setAttribute('aria-label', name.textContent);
      const state = document.createElement('span');
      state.setAttribute('data-state', '');
      row.append(name, ' ', bar, ' ', state);
      list.append(row);
      return row;
    });
    let next = 0;
    let saved = 0;
    await Promise.all(
      [0, 1].map(async () => {
        while (next < files.length) {
          const i = next++;
          saved += await sendOne(files[i], rows[i]);
        }
      }),
    );
    button.disabled = false;
    // All saved: the library with its notice. Otherwise the rows stay, each refusal saying why.
    if (saved === files.length) window.location.assign(`/admin/media?uploaded=${saved}`);
  }

  form.addEventListener('submit', (e) => {
    if (!input.files.length) return;
    e.preventDefault();
    send([...input.files]);
  });
  for (const type of ['dragenter', 'dragover']) {
    form.addEventListener(type, (e) => {
      e.preventDefault();
      form.setAttribute('data-dragging', '');
    });
  }
  form.addEventListener('dragleave', () => form.removeAttribute('data-dragging'));
  form.addEventListener('drop', (e) => {
    e.preventDefault();
    form.removeAttribute('data-dragging');
    send([...e.dataTransfer.files]);
  });
  document.addEventListener('paste', (e) => {
    const files = [...(e.clipboardData?.files || [])].filter((f) => f.type.startsWith('image/'));
    if (files.length) {
      e.preventDefault();
      send(files);
    }
  });
}

const focal = document.querySelector('[data-focal]');
if (focal) {
  const dot = focal.querySelector('.media-focal-dot');
  const x = document.getElementById('focal_x');
  const y = document.getElementById('focal_y');
  const place = () => {
    dot.style.left = `${x.value}%`;
    dot.style.top = `${y.value}%`;
    dot.hidden = false;
  };
  place();
  focal.addEventListener('click', (e) => {
    const box = focal.querySelector('img').getBoundingClientRect();
    x.value = String(Math.round(((e.clientX - box.left) / box.width) * 100));
    y.value = String(Math.round(((e.clientY - box.top) / box.height) * 100));
    place();
  });
  x.addEventListener('input', place);
  y.addEventListener('input', place);
}

// The article editor's picker: insert a library image at the cursor; upload files (chosen, dropped or pasted
// onto the body) into the library with a progress bar, then insert them. Without this script each image's
// Markdown line is shown to copy.
const picker = document.querySelector('[data-media-picker]');
const body = document.getElementById('body');
if (picker && body) {
  const csrf = document.querySelector('input[name="_csrf"]');
  const bar = picker.querySelector('[data-progress]');
  const status = picker.querySelector('[data-status]');
  const chooser = picker.querySelector('[data-picker-upload]');

  function insert(lines) {
    const start = body.selectionStart ?? body.value.length;
    const end = body.selectionEnd ?? start;
    const before = body.value.slice(0, start);
    const after = body.value.slice(end);
    // An image stands in its own paragraph, so the page draws it as a figure.
    const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
    const tail = after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
    const text = lead + lines.join('\n\n') + tail;
    body.value = before + text + after;
    const caret = before.length + text.length;
    body.setSelectionRange(caret, caret);
    body.focus();
    body.dispatchEvent(new Event('input', { bubbles: true }));
  }

  picker.addEventListener('click', (e) => {
    const button = e.target.closest('button[data-insert]');
    if (!button) return;
    insert([button.getAttribute('data-insert')]);
  });

  function upload(files) {
    if (!files.length) return;
    const data = new FormData();
    data.append('_csrf', csrf.value);
    for (const f of files) data.append('files', f, f.name || 'pasted.png');
    const xhr = new XMLHttpRequest();
    xhr.open('POST', picker.getAttribute('data-upload-url'));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrf.value);
    picker.open = true;
    bar.hidden = false;
    bar.value = 0;
    status.textContent = picker.getAttribute('data-uploading');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
    };
    xhr.onload = () => {
      bar.hidden = true;
      let answer;
      try {
        answer = JSON.parse(xhr.responseText);
      } catch {
        answer = { saved: [], refused: [{ message: picker.getAttribute('data-failed') }] };
      }
      const refused = answer.refused || (answer.error ? [{ message: answer.error.message }] : []);
      const saved = answer.saved || [];
      if (saved.length) insert(saved.map((s) => `![](/media/${s.id})`));
      status.textContent = refused.map((r) => r.message).join(' ');
    };
    xhr.onerror = () => {
      bar.hidden = true;
      status.textContent = picker.getAttribute('data-failed');
    };
    xhr.send(data);
  }

  chooser.addEventListener('change', () => {
    upload([...chooser.files]);
    chooser.value = '';
  });
  body.addEventListener('dragover', (e) => {
    if ([...(e.dataTransfer?.types || [])].includes('Files')) e.preventDefault();
  });
  body.addEventListener('drop', (e) => {
    const files = [...(e.dataTransfer?.files || [])].filter((f) => f.type.startsWith('image/'));
    if (!files.length) return;
    e.preventDefault();
    upload(files);
  });
  body.addEventListener('paste', (e) => {
    const files = [...(e.clipboardData?.files || [])].filter((f) => f.type.startsWith('image/'));
    if (!files.length) return;
    e.preventDefault();
    upload(files);
  });
}
