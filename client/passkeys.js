// Passkeys: on the account page, creates one; on the sign-in code page, signs in with one. The server sends
// the WebAuthn options as JSON; this script turns their base64url fields into bytes for the browser, asks
// the authenticator, and posts its answer back as JSON in a hidden field of an ordinary form. Without this
// script (or without WebAuthn) the forms stay hidden and the code form works as before.
const fromB64 = (s) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
const toB64 = (buf) =>
  btoa(String.fromCharCode(...new Uint8Array(buf)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

async function optionsFrom(form) {
  const csrf = form.querySelector('input[name="_csrf"]').value;
  const res = await fetch(form.dataset.options, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, accept: 'application/json' },
    body: JSON.stringify({ _csrf: csrf }),
    credentials: 'same-origin',
  });
  if (!res.ok) throw new Error(`options: ${res.status}`);
  return res.json();
}

const credentialIds = (list) => (list ?? []).map((c) => ({ ...c, id: fromB64(c.id) }));

function answerOf(cred) {
  const r = cred.response;
  const response = { clientDataJSON: toB64(r.clientDataJSON) };
  if (r.attestationObject) {
    response.attestationObject = toB64(r.attestationObject);
    response.transports = r.getTransports ? r.getTransports() : [];
  } else {
    response.authenticatorData = toB64(r.authenticatorData);
    response.signature = toB64(r.signature);
    if (r.userHandle) response.userHandle = toB64(r.userHandle);
  }
  return {
    id: cred.id,
    rawId: toB64(cred.rawId),
    type: cred.type,
    response,
    clientExtensionResults: cred.getClientExtensionResults(),
    authenticatorAttachment: cred.authenticatorAttachment ?? undefined,
  };
}

function wire(form, ask) {
  if (!window.PublicKeyCredential) return;
  form.hidden = false;
  const status = form.querySelector('[data-passkey-status]');
  form.addEventListener('submit', async (event) => {
    if (form.querySelector('input[name="credential"]').value) return;
    event.preventDefault();
    try {
      const options = await optionsFrom(form);
      const cred = await ask(options);
      form.querySelector('input[name="credential"]').value = JSON.stringify(answerOf(cred));
      form.submit();
    } catch (e) {
      if (status) status.textContent = form.dataset.failed;
      console.warn(e);
    }
  });
}

for (const form of document.querySelectorAll('form[data-passkey-create]')) {
  wire(form, (o) =>
    navigator.credentials.create({
      publicKey: {
        ...o,
        challenge: fromB64(o.challenge),
        user: { ...o.user, id: fromB64(o.user.id) },
        excludeCredentials: credentialIds(o.excludeCredentials),
      },
    }),
  );
}
for (const form of document.querySelectorAll('form[data-passkey-sign-in]')) {
  wire(form, (o) =>
    navigator.credentials.get({
      publicKey: { ...o, challenge: fromB64(o.challenge), allowCredentials: credentialIds(o.allowCredentials) },
    }),
  );
}
