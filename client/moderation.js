// Keyboard shortcuts of the moderator console: j / k move, a approve, r reject (asks for a reason), x select.
const items = () => [...document.querySelectorAll('[data-mod-item]')];
let current = -1;

function select(i) {
  const list = items();
  if (!list.length) return;
  current = Math.max(0, Math.min(list.length - 1, i));
  list.forEach((el, j) => {
    el.classList.toggle('mod-current', j === current);
  });
  list[current].focus();
  list[current].scrollIntoView({ block: 'nearest' });
}

function press(action) {
  const el = items()[current];
  if (!el) return;
  const button = el.querySelector(`button[value^="${action}:"]`);
  if (button) button.click();
}

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const tag = (event.target && event.target.tagName) || '';
  if (/^(INPUT|TEXTAREA|SELECT)$/.test(tag) || (event.target && event.target.isContentEditable)) return;
  if (event.key === 'j') {
    event.preventDefault();
    select(current + 1);
  } else if (event.key === 'k') {
    event.preventDefault();
    select(current - 1);
  } else if (event.key === 'a' && current >= 0) {
    event.preventDefault();
    press('approve');
  } else if (event.key === 'x' && current >= 0) {
    event.preventDefault();
    const box = items()[current].querySelector('input[type=checkbox]');
    if (box) box.checked = !box.checked;
  } else if (event.key === 'r' && current >= 0) {
    event.preventDefault();
    const reason = window.prompt('Reason for rejecting (the commenter will see it):');
    if (!reason) return;
    const field = document.getElementById('mod-reason');
    if (field) field.value = reason;
    press('reject');
  }
});
