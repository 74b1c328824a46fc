// Sign-in form: POST /api/v1/session, then on to `next` (only a page of this site) or index.html.
import { ApiError, describeError, getSession, safeNext, signIn } from './api.js';
import { initLayout, showMessageKey } from './layout.js';
import { tx } from './i18n.js';

const query = new URLSearchParams(location.search);
const target = safeNext(query.get('next'));

const form = document.getElementById('login-form');
const username = document.getElementById('username');
const password = document.getElementById('password');
const button = document.getElementById('sign-in');
const errorBox = document.getElementById('login-error');

await initLayout({ page: 'login', requireSession: false });
if (query.has('signedOut')) showMessageKey('login.signedOut', undefined, { kind: 'info' });

// Already signed in (e.g. back button): no need to ask again.
try {
  if (await getSession()) location.replace(target);
} catch {
  // the form below reports problems when it is used
}

function setError(message, key) {
  if (key) tx(errorBox, key);
  else {
    errorBox.removeAttribute('data-i18n');
    errorBox.textContent = message;
  }
  const invalid = Boolean(message || key);
  for (const input of [username, password]) {
    if (invalid) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', 'login-error');
    } else {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    }
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  setError('');
  if (!username.value.trim() || !password.value) {
    setError(null, 'login.missing');
    (username.value.trim() ? password : username).focus();
    return;
  }
  button.disabled = true;
  form.setAttribute('aria-busy', 'true');
  try {
    await signIn(username.value.trim(), password.value);
    location.assign(target);
  } catch (error) {
    password.value = '';
    if (error instanceof ApiError && (error.status === 401 || error.status === 400)) setError(null, 'login.failed');
    else if (error instanceof ApiError && error.status === 429) setError(null, 'login.tooMany');
    else setError(describeError(error));
    password.focus();
  } finally {
    button.disabled = false;
    form.removeAttribute('aria-busy');
  }
});
