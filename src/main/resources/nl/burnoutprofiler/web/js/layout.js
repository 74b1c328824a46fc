// The frame of every page: skip link, header with navigation, user, language switch and sign-out, footer.
import { clearLocalWork, describeError, getSession, goToLogin, signOut } from './api.js';
import { el, refreshBilingual } from './dom.js';
import { applyTexts, getLang, onLangChange, otherLang, setLang, t, tx } from './i18n.js';

const NAV = [
  { id: 'nav-intake', page: 'intake', href: 'intake.html', key: 'nav.intake', roles: ['coach'] },
  { id: 'nav-cases', page: 'cases', href: 'cases.html', key: 'nav.cases', roles: ['coach', 'case-manager'] },
  { id: 'nav-admin', page: 'admin', href: 'admin.html', key: 'nav.admin', roles: ['admin'] },
  { id: 'nav-teams', page: 'teams', href: 'teams.html', key: 'nav.teams', roles: ['organisation'] }
];

/**
 * Builds the header and footer and asks who is signed in. Returns the session, or null when the page
 * cannot go on (not signed in: the browser is already on its way to login.html).
 */
export async function initLayout({ page, requireSession = true } = {}) {
  applyTexts();
  onLangChange(() => {
    refreshBilingual();
    updateLangButton();
  });
  const header = document.getElementById('site-header');
  const langButton = el('button', { type: 'button', id: 'lang-switch', class: 'button-quiet' });
  langButton.addEventListener('click', () => setLang(otherLang()));
  const userBox = el('div', { class: 'user-box' }, langButton);
  const nav = el('nav', { class: 'site-nav' });
  header.append(
    el('a', { class: 'skip-link', href: '#main', i18n: ['skip.toMain'] }),
    el('div', { class: 'header-inner' },
      el('a', { class: 'brand', href: 'index.html', i18n: ['app.name'] }),
      nav,
      userBox)
  );
  updateLangButton();
  buildFooter();

  let session = null;
  try {
    session = await getSession();
  } catch (error) {
    showMessage(describeError(error));
    return null;
  }
  if (!session) {
    if (requireSession) {
      goToLogin();
      return null;
    }
    return null;
  }

  const links = NAV.filter((item) => item.roles.includes(session.role));
  if (links.length) {
    nav.setAttribute('aria-label', t('nav.label'));
    nav.setAttribute('data-i18n-attr', 'aria-label:nav.label');
    nav.append(el('ul', {}, links.map((item) => el('li', {},
      el('a', {
        id: item.id,
        href: item.href,
        'aria-current': item.page === page ? 'page' : false,
        i18n: [item.key]
      })))));
  }

  const signOutButton = el('button', { type: 'button', id: 'sign-out', class: 'button-quiet', i18n: ['user.signOut'] });
  signOutButton.addEventListener('click', async () => {
    signOutButton.disabled = true;
    try {
      await signOut();
    } catch {
      // signed out or not: local work goes either way, the server session ends on its own
    }
    clearLocalWork();
    location.assign('login.html?signedOut=1');
  });
  const user = el('span', { id: 'current-user', class: 'current-user' });
  const roleKey = 'role.' + session.role;
  const renderUser = () => {
    user.textContent = t('user.signedInAs', { name: session.displayName || session.username })
      + ' (' + t(roleKey) + ')';
  };
  renderUser();
  onLangChange(renderUser);
  userBox.prepend(user);
  userBox.append(signOutButton);
  return session;
}

function updateLangButton() {
  const button = document.getElementById('lang-switch');
  if (!button) return;
  button.textContent = t('lang.switch');
  // the button names the other language in that language
  button.setAttribute('lang', otherLang());
  button.setAttribute('aria-label', t('lang.switchLabel'));
  button.setAttribute('data-current-lang', getLang());
}

function buildFooter() {
  const footer = document.getElementById('site-footer');
  if (!footer || footer.firstChild) return;
  footer.append(el('p', {}, tx(el('span'), 'app.tagline')));
}

/**
 * Shows a page-level message in #page-message, a role="alert" region that is in the page from the start
 * (so screen readers announce the change) and invisible while empty.
 */
export function showMessage(text, { kind = 'error' } = {}) {
  const box = document.getElementById('page-message');
  if (!box) return;
  box.removeAttribute('data-i18n');
  box.removeAttribute('data-i18n-args');
  box.className = 'page-message page-message-' + kind;
  box.textContent = text;
}

export function showMessageKey(key, params, { kind = 'error' } = {}) {
  const box = document.getElementById('page-message');
  if (!box) return;
  box.className = 'page-message page-message-' + kind;
  tx(box, key, params);
}

export function hideMessage() {
  const box = document.getElementById('page-message');
  if (!box) return;
  box.removeAttribute('data-i18n');
  box.removeAttribute('data-i18n-args');
  box.textContent = '';
}

/** Hides the "loading" line of a page. */
export function doneLoading() {
  const loading = document.getElementById('loading');
  if (loading) loading.hidden = true;
}
