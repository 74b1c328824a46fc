// The admin's page: the running rule set and its reload, users, API tokens and the audit log.
// Every call goes to /api/v1/admin/*, which answers 403 to anyone but an admin.
import { ApiError, api, describeError, getJson, postJson } from './api.js';
import { auditDetail } from './audit-detail.js';
import { clear, el } from './dom.js';
import { getLang, onLangChange, plural, t, tx } from './i18n.js';
import { doneLoading, initLayout, showMessage, showMessageKey } from './layout.js';

const USERNAME = /^[a-z0-9._-]{2,40}$/;
const TOKEN_NAME = /^[A-Za-z0-9._-]{1,100}$/;
const CASE_ID = /^[A-Za-z0-9._-]{1,64}$/;
const PASSWORD_MIN = 10;
const PASSWORD_MAX_BYTES = 72;
const ACTS_AS_USER = ['coach', 'case-manager'];
const AUDIT_PAGE = 50;

const $ = (id) => document.getElementById(id);

const state = {
  ruleSet: null,
  users: [],
  tokens: [],
  revoked: new Set(),   // token names known to be revoked (see tokenRevoked)
  audit: [],
  auditCase: '',
  auditShown: AUDIT_PAGE
};

const userErrors = formErrors($('user-form'), $('user-form-errors'), 'user');
const tokenErrors = formErrors($('token-form'), $('token-form-errors'), 'token');
const eraseErrors = formErrors($('erase-form'), $('erase-form-errors'), 'erase');

const session = await initLayout({ page: 'admin' });
if (session) await start();

async function start() {
  if (session.role !== 'admin') {
    doneLoading();
    showMessageKey('admin.forbidden');
    return;
  }
  const loaded = await Promise.allSettled([loadRuleSet(), loadUsers(), loadAudit(), loadTokens(), loadUnitsInUse()]);
  doneLoading();
  const failed = loaded.find((r) => r.status === 'rejected');
  if (failed) {
    if (failed.reason instanceof ApiError && failed.reason.status === 401) return;
    if (failed.reason instanceof ApiError && failed.reason.status === 403) {
      showMessageKey('admin.forbidden');
      return;
    }
    showMessage(describeError(failed.reason));
  }
  $('admin-body').hidden = false;

  $('reload-rules').addEventListener('click', reloadRules);
  $('user-form').addEventListener('submit', createUser);
  $('users-table').addEventListener('click', onUserTableClick);
  $('users-table').addEventListener('click', onUnitClick);
  $('user-role').addEventListener('change', syncManagerField);
  $('token-form').addEventListener('submit', createToken);
  $('token-role').addEventListener('change', syncTokenUserField);
  $('copy-token').addEventListener('click', copyToken);
  $('dismiss-token').addEventListener('click', dismissToken);
  $('tokens-table').addEventListener('click', onTokenTableClick);
  $('audit-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    filterAudit($('audit-case').value.trim());
  });
  $('audit-reset').addEventListener('click', () => {
    $('audit-case').value = '';
    filterAudit('');
  });
  $('audit-refresh').addEventListener('click', () => refreshAudit());
  $('audit-more').addEventListener('click', showMoreAudit);
  $('erase-form').addEventListener('submit', eraseCase);
  syncManagerField();
  syncTokenUserField();
  onLangChange(() => {
    renderRuleSet();
    renderUsers();
    renderTokens();
    renderAudit();
    userErrors.render();
    tokenErrors.render();
    eraseErrors.render();
  });
}

// ---- small helpers ----

function formatInstant(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(getLang() === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit'
  });
}

function timeCell(iso) {
  return el('td', { class: 'nowrap' }, iso ? el('time', { datetime: iso, text: formatInstant(iso) }) : '');
}

function roleName(role) {
  const key = 'role.' + role;
  const text = t(key);
  return text === key ? role : text;
}

function setStatus(node, key, params) {
  if (key) tx(node, key, params);
  else {
    node.removeAttribute('data-i18n');
    node.removeAttribute('data-i18n-args');
    node.textContent = '';
  }
}

function setBusy(button, busy) {
  button.disabled = busy;
  const form = button.closest('form') || button.closest('section');
  if (form) form.setAttribute('aria-busy', String(busy));
}

/** True when the caller has already been sent to the sign-in page. */
function signedOut(error) {
  return error instanceof ApiError && error.status === 401;
}

/**
 * Field errors of one form, shown as the intake form shows them: the message under the field (aria-invalid,
 * aria-describedby), and a summary above the form whose links move the focus to the field.
 * Errors: {field, key, params} for the page's own checks, {field, reason} for the server's words.
 */
function formErrors(form, summary, prefix) {
  let errors = [];
  let fromServer = false;

  const inputOf = (field) => (field ? $(`${prefix}-${field}`) : null);
  const labelOf = (field) => {
    const input = inputOf(field);
    const label = input && form.querySelector(`label[for="${input.id}"]`);
    return label ? label.textContent : field && field !== '$' ? field : t('admin.form');
  };
  const messageOf = (error) => (error.key ? t(error.key, error.params) : error.reason || '');

  function reset() {
    for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
    for (const node of form.querySelectorAll('.field-error')) node.textContent = '';
    for (const node of form.querySelectorAll('input, select, textarea')) {
      const base = node.getAttribute('data-describedby');
      if (base) node.setAttribute('aria-describedby', base);
      else node.removeAttribute('aria-describedby');
    }
  }

  function render() {
    reset();
    clear(summary);
    if (!errors.length) return;
    for (const error of errors) {
      const input = inputOf(error.field);
      const box = input && $(`${input.id}-error`);
      if (!input || !box || input.closest('[hidden]')) continue;
      box.textContent = box.textContent ? `${box.textContent} ${messageOf(error)}` : messageOf(error);
      input.setAttribute('aria-invalid', 'true');
      const ids = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      if (!ids.includes(box.id)) ids.push(box.id);
      input.setAttribute('aria-describedby', ids.join(' '));
    }
    const list = el('ul');
    for (const error of errors) {
      const input = inputOf(error.field);
      const text = `${labelOf(error.field)}: ${messageOf(error)}`;
      list.append(el('li', {}, input && !input.closest('[hidden]')
        ? el('a', { href: `#${input.id}`, 'data-focus': input.id, text })
        : text));
    }
    const heading = fromServer ? 'admin.serverErrors' : 'errors.heading';
    summary.append(el('h4', { text: t(plural(heading, errors.length), { n: errors.length }) }), list);
  }

  summary.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-focus]');
    if (!link) return;
    event.preventDefault();
    const target = $(link.dataset.focus);
    if (target) target.focus();
  });

  return {
    render,
    show(list, server) {
      errors = list;
      fromServer = server;
      render();
      summary.focus();
    },
    clear() {
      errors = [];
      render();
    }
  };
}

/** A failed create call as field errors: 400 names the fields, 409 is the name that is taken. */
function problemErrors(error, takenField, takenKey) {
  if (error instanceof ApiError && error.status === 400 && error.fieldErrors.length) {
    return error.fieldErrors.map((p) => ({ field: String(p.field || '$'), reason: p.reason || error.message }));
  }
  if (error instanceof ApiError && error.status === 409) return [{ field: takenField, key: takenKey }];
  return [{ field: '$', reason: describeError(error) }];
}

// ---- rule set ----

async function loadRuleSet() {
  state.ruleSet = await getJson('/api/v1/admin/rules');
  renderRuleSet();
}

function renderRuleSet() {
  const rules = state.ruleSet;
  if (!rules) return;
  $('rule-set-version').textContent = rules.ruleSetVersion;
  tx($('rule-set-count'), rules.organisationRules ? 'rules.countWithOrganisation' : 'rules.countOnly',
    { rules: rules.rules, organisation: rules.organisationRules });
  $('rule-set-precompiled').textContent = t(rules.precompiled ? 'rules.precompiledYes' : 'rules.precompiledNo');
  $('rule-set').setAttribute('data-version', rules.ruleSetVersion);
  renderActiveRuleSet(rules.activeInDatabase, rules.ruleSetVersion);
}

/** The rule set every server on the database runs (within seconds), and whether this server runs it yet. */
function renderActiveRuleSet(active, running) {
  const cell = $('rule-set-active');
  clear(cell);
  if (!active) {
    cell.textContent = t('rules.activeNone');
    return;
  }
  cell.append(
    el('span', { i18n: ['rules.activeBy', { version: active.ruleSetVersion, by: active.activatedBy }] }),
    ' ',
    el('time', { datetime: active.activatedAt, text: formatInstant(active.activatedAt) }),
    ' (', el('span', { i18n: ['rules.why.' + active.why] }), ')');
  if (active.ruleSetVersion !== running) {
    cell.append(el('p', { class: 'hint', id: 'rule-set-behind', i18n: ['rules.behind', { version: running }] }));
  }
}

async function reloadRules() {
  const button = $('reload-rules');
  const status = $('reload-status');
  const problems = $('reload-problems');
  const previous = state.ruleSet && state.ruleSet.ruleSetVersion;
  clear(problems);
  setBusy(button, true);
  setStatus(status, 'rules.reloading');
  try {
    state.ruleSet = await postJson('/api/v1/admin/rules/reload');
    renderRuleSet();
    const version = state.ruleSet.ruleSetVersion;
    setStatus(status, version === previous ? 'rules.reloadedSame' : 'rules.reloaded',
      { version, previous: previous || '–', rules: state.ruleSet.rules });
  } catch (error) {
    setStatus(status, null);
    if (signedOut(error)) return;
    // Whatever went wrong, the page shows the rule set that runs now.
    try {
      await loadRuleSet();
    } catch {
      // the version shown stays the last one known
    }
    showReloadProblems(error);
  } finally {
    setBusy(button, false);
    refreshAudit();
  }
}

function showReloadProblems(error) {
  const problems = $('reload-problems');
  clear(problems);
  const version = (state.ruleSet && state.ruleSet.ruleSetVersion) || '–';
  if (error instanceof ApiError && error.status === 422) {
    const list = error.fieldErrors;
    problems.append(
      el('h3', { i18n: [plural('rules.refused', list.length), { n: list.length }] }),
      el('p', { class: 'reload-stays', i18n: ['rules.stays', { version }] }),
      el('ul', { id: 'reload-problem-list', class: 'rule-problems' }, list.map((p) => el('li', {},
        p.field ? el('code', { class: 'rule-location', text: p.field }) : null,
        p.field ? ' ' : null,
        el('span', { class: 'rule-reason', text: p.reason || '' })))));
  } else {
    problems.append(
      el('h3', { i18n: ['rules.failed'] }),
      el('p', { text: describeError(error) }),
      el('p', { class: 'reload-stays', i18n: ['rules.stays', { version }] }));
  }
  problems.focus();
}

// ---- users ----

async function loadUsers() {
  const users = await getJson('/api/v1/admin/users');
  state.users = Array.isArray(users) ? users : [];
  renderUsers();
  fillManagers();
  fillTokenUsers();
  renderTokens(); // they name their users by display name
}

function displayOf(username) {
  const user = state.users.find((u) => u.username === username);
  return user && user.displayName && user.displayName !== username ? `${user.displayName} (${username})` : username;
}

/** The units cases are in, offered when a team is added to an organisation user. */
async function loadUnitsInUse() {
  let list = $('units-in-use');
  if (!list) {
    list = el('datalist', { id: 'units-in-use' });
    document.body.append(list);
  }
  const { units } = await getJson('/api/v1/units');
  clear(list).append(...units.map((unit) => el('option', { value: unit })));
}

function renderUsers() {
  const tbody = $('users-table').querySelector('tbody');
  clear(tbody);
  for (const user of state.users) {
    const active = user.active !== false;
    const self = user.username === session.username;
    tbody.append(el('tr', {
      'data-username': user.username, 'data-role': user.role, 'data-state': active ? 'active' : 'inactive',
      class: active ? false : 'row-revoked'
    },
    el('th', { scope: 'row' }, el('code', { text: user.username })),
    el('td', { text: user.displayName || '' }),
    el('td', { text: roleName(user.role) }),
    el('td', { text: user.manager ? displayOf(user.manager) : '' }),
    el('td', { class: 'user-units' }, user.role === 'organisation' ? unitsCell(user) : null),
    timeCell(user.createdAt),
    el('td', {}, el('span', { class: active ? 'badge badge-active' : 'badge badge-revoked',
      i18n: [active ? 'users.active' : 'users.inactive'] })),
    el('td', { class: 'row-actions' },
      el('button', { type: 'button', class: 'button-quiet reset-password', 'data-username': user.username },
        t(active ? 'users.resetPassword' : 'users.reactivate'),
        el('span', { class: 'visually-hidden', text: ` ${user.username}` })),
      active && !self ? el('button', { type: 'button', class: 'button-quiet deactivate-user', 'data-username': user.username },
        t('users.deactivate'), el('span', { class: 'visually-hidden', text: ` ${user.username}` })) : null)));
  }
}

/** The teams an organisation user sees: each with a button to take it away, and a field to add one. */
function unitsCell(user) {
  const name = user.username;
  const input = el('input', {
    type: 'text', class: 'unit-input', id: `unit-input-${name}`, 'data-username': name, list: 'units-in-use',
    pattern: '[a-z0-9]([a-z0-9-]{0,58}[a-z0-9])?', autocomplete: 'off', 'aria-label': t('users.unitNew', { username: name })
  });
  return [
    el('ul', { class: 'plain-list chips' }, (user.units || []).map((unit) => el('li', { 'data-unit': unit },
      el('code', { text: unit }), ' ',
      el('button', { type: 'button', class: 'button-quiet remove-unit', 'data-username': name, 'data-unit': unit },
        t('users.unitRemove'), el('span', { class: 'visually-hidden', text: ` ${unit} (${name})` }))))),
    input, ' ',
    el('button', { type: 'button', class: 'button-quiet add-unit', 'data-username': name }, t('users.unitAdd'),
      el('span', { class: 'visually-hidden', text: ` (${name})` }))];
}

async function onUnitClick(event) {
  const button = event.target.closest('button.add-unit, button.remove-unit');
  if (!button) return;
  const username = button.dataset.username;
  await userAction(button, async () => {
    if (button.classList.contains('add-unit')) {
      const unit = $(`unit-input-${username}`).value.trim();
      await postJson(`/api/v1/admin/users/${encodeURIComponent(username)}/units`, { unit });
      return ['users.unitAdded', { username, unit }];
    }
    const unit = button.dataset.unit;
    await api('DELETE', `/api/v1/admin/users/${encodeURIComponent(username)}/units/${encodeURIComponent(unit)}`);
    return ['users.unitRemoved', { username, unit }];
  });
}

/**
 * Runs what a button in the users table asks for, then shows its result (a status key and its parameters) or the
 * error, reloads the users and the audit log.
 */
async function userAction(button, act) {
  const status = $('user-status');
  button.disabled = true;
  try {
    const [key, params] = await act();
    setStatus(status, key, params);
    await loadUsers();
  } catch (error) {
    if (signedOut(error)) return;
    button.disabled = false;
    setStatus(status, null);
    status.textContent = describeError(error);
  }
  status.focus();
  refreshAudit();
}

function fillManagers() {
  const select = $('user-manager');
  const chosen = select.value;
  for (const option of [...select.options]) if (option.value) option.remove();
  for (const user of state.users.filter((u) => u.role === 'case-manager')) {
    select.append(el('option', { value: user.username, text: displayOf(user.username) }));
  }
  select.value = [...select.options].some((o) => o.value === chosen) ? chosen : '';
}

/** The case manager is asked for coaches only. */
function syncManagerField() {
  $('user-manager-field').hidden = $('user-role').value !== 'coach';
}

function readUser() {
  const role = $('user-role').value;
  const data = {
    username: $('user-username').value.trim(),
    displayName: $('user-displayName').value.trim(),
    role,
    password: $('user-password').value
  };
  if (role === 'coach' && $('user-manager').value) data.manager = $('user-manager').value;
  return data;
}

function validateUser(data) {
  const errors = [];
  if (!data.username) errors.push({ field: 'username', key: 'users.err.usernameRequired' });
  else if (!USERNAME.test(data.username)) errors.push({ field: 'username', key: 'users.err.usernamePattern' });
  else if (state.users.some((u) => u.username === data.username)) errors.push({ field: 'username', key: 'users.err.taken' });
  if (!data.displayName) errors.push({ field: 'displayName', key: 'users.err.displayNameRequired' });
  else if (data.displayName.length > 200) errors.push({ field: 'displayName', key: 'users.err.displayNameLong' });
  if (data.password.length < PASSWORD_MIN) {
    errors.push({ field: 'password', key: 'users.err.passwordShort', params: { n: PASSWORD_MIN } });
  } else if (new TextEncoder().encode(data.password).length > PASSWORD_MAX_BYTES) {
    errors.push({ field: 'password', key: 'users.err.passwordLong', params: { n: PASSWORD_MAX_BYTES } });
  }
  return errors;
}

async function createUser(event) {
  event.preventDefault();
  const status = $('user-status');
  setStatus(status, null);
  const data = readUser();
  const errors = validateUser(data);
  if (errors.length) {
    userErrors.show(errors, false);
    return;
  }
  userErrors.clear();
  const button = $('create-user');
  setBusy(button, true);
  try {
    const user = await postJson('/api/v1/admin/users', data);
    $('user-form').reset();
    syncManagerField();
    try {
      await loadUsers();
    } catch (error) {
      if (!signedOut(error)) showMessage(describeError(error));
    }
    setStatus(status, user.manager ? 'users.createdWithManager' : 'users.created',
      { username: user.username, role: roleName(user.role), manager: user.manager ? displayOf(user.manager) : '' });
    status.focus();
    refreshAudit();
  } catch (error) {
    if (signedOut(error)) return;
    $('user-password').value = '';
    userErrors.show(problemErrors(error, 'username', 'users.err.taken'), true);
  } finally {
    setBusy(button, false);
  }
}

/**
 * A new password for a user (who forgot it, or returns after a deactivation): made here from the browser's
 * random source and shown once, for the admin to pass on; the user's open sessions end.
 */
function randomPassword() {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

async function onUserTableClick(event) {
  const button = event.target.closest('button.reset-password, button.deactivate-user');
  if (!button) return;
  const username = button.dataset.username;
  const deactivating = button.classList.contains('deactivate-user');
  if (!window.confirm(t(deactivating ? 'users.confirmDeactivate' : 'users.confirmReset', { username }))) return;
  await userAction(button, async () => {
    if (deactivating) {
      await postJson(`/api/v1/admin/users/${encodeURIComponent(username)}/deactivation`, {});
      return ['users.deactivated', { username }];
    }
    const password = randomPassword();
    await postJson(`/api/v1/admin/users/${encodeURIComponent(username)}/password`, { password });
    return ['users.passwordReset', { username, password }];
  });
}

// ---- tokens ----

async function loadTokens() {
  const tokens = await getJson('/api/v1/admin/tokens');
  state.tokens = Array.isArray(tokens) ? tokens : [];
  renderTokens();
}

/**
 * Whether a token is revoked. The list says so when it carries revokedAt; until the server sends that, the page
 * knows from the revoke-token entries of the audit log and from its own revocations (a name is never reused).
 */
function tokenRevoked(token) {
  return Boolean(token.revokedAt || token.revoked === true || state.revoked.has(token.name));
}

function renderTokens() {
  const tbody = $('tokens-table').querySelector('tbody');
  clear(tbody);
  for (const token of state.tokens) {
    const revoked = tokenRevoked(token);
    let statusCell;
    if (!revoked) statusCell = el('td', {}, el('span', { class: 'badge badge-active', i18n: ['tokens.active'] }));
    else if (token.revokedAt) {
      statusCell = el('td', {}, el('span', { class: 'badge badge-revoked' },
        el('span', { 'aria-hidden': 'true', text: '✕ ' }), t('tokens.revokedAt', { at: formatInstant(token.revokedAt) })));
    } else {
      statusCell = el('td', {}, el('span', { class: 'badge badge-revoked' },
        el('span', { 'aria-hidden': 'true', text: '✕ ' }), t('tokens.revoked')));
    }
    const action = revoked ? el('td') : el('td', {},
      el('button', { type: 'button', class: 'button-quiet revoke-token', 'data-name': token.name },
        t('tokens.revoke'), el('span', { class: 'visually-hidden', text: ` ${token.name}` })));
    tbody.append(el('tr', { 'data-token': token.name, 'data-state': revoked ? 'revoked' : 'active', class: revoked ? 'row-revoked' : false },
      el('th', { scope: 'row' }, el('code', { text: token.name })),
      el('td', { text: roleName(token.role) }),
      el('td', { text: token.user ? displayOf(token.user) : '' }),
      timeCell(token.createdAt),
      el('td', { text: token.createdBy || '' }),
      statusCell,
      action));
  }
  $('tokens-table').hidden = !state.tokens.length;
  $('tokens-empty').hidden = Boolean(state.tokens.length);
}

async function onTokenTableClick(event) {
  const button = event.target.closest('button.revoke-token');
  if (!button) return;
  const name = button.dataset.name;
  const status = $('tokens-status');
  // the browser's own confirmation: keyboard and screen-reader friendly, and no inline script
  if (!window.confirm(t('tokens.confirmRevoke', { name }))) return;
  button.disabled = true;
  try {
    await api('DELETE', `/api/v1/admin/tokens/${encodeURIComponent(name)}`);
    state.revoked.add(name);
    setStatus(status, 'tokens.revokedNow', { name });
  } catch (error) {
    if (signedOut(error)) return;
    if (error instanceof ApiError && error.status === 404) {
      // "no active token": it was revoked before (the list cannot tell yet)
      state.revoked.add(name);
      setStatus(status, 'tokens.alreadyRevoked', { name });
    } else {
      button.disabled = false;
      setStatus(status, null);
      status.textContent = describeError(error);
    }
  }
  try {
    await loadTokens();
  } catch (error) {
    if (!signedOut(error)) renderTokens();
  }
  status.focus();
  refreshAudit();
}

function fillTokenUsers() {
  const select = $('token-user');
  const role = $('token-role').value;
  const chosen = select.value;
  clear(select);
  const users = state.users.filter((u) => u.role === role);
  if (!users.length) select.append(el('option', { value: '', i18n: ['tokens.noUsers'] }));
  else select.append(el('option', { value: '', i18n: ['tokens.chooseUser'] }));
  for (const user of users) select.append(el('option', { value: user.username, text: displayOf(user.username) }));
  select.value = users.some((u) => u.username === chosen) ? chosen : '';
}

/** Coach and case-manager tokens act for a user of that role; the others act for themselves. */
function syncTokenUserField() {
  const role = $('token-role').value;
  $('token-user-field').hidden = !ACTS_AS_USER.includes(role);
  fillTokenUsers();
}

function validateToken(data) {
  const errors = [];
  if (!data.name) errors.push({ field: 'name', key: 'tokens.err.nameRequired' });
  else if (!TOKEN_NAME.test(data.name)) errors.push({ field: 'name', key: 'tokens.err.namePattern' });
  else if (state.tokens.some((tk) => tk.name === data.name)) errors.push({ field: 'name', key: 'tokens.err.taken' });
  if (ACTS_AS_USER.includes(data.role) && !data.user) {
    errors.push({ field: 'user', key: 'tokens.err.userRequired', params: { role: roleName(data.role) } });
  }
  return errors;
}

async function createToken(event) {
  event.preventDefault();
  dismissToken({ keepFocus: true });
  const role = $('token-role').value;
  const data = { name: $('token-name').value.trim(), role };
  if (ACTS_AS_USER.includes(role) && $('token-user').value) data.user = $('token-user').value;
  const errors = validateToken(data);
  if (errors.length) {
    tokenErrors.show(errors, false);
    return;
  }
  tokenErrors.clear();
  const button = $('create-token');
  setBusy(button, true);
  try {
    const created = await postJson('/api/v1/admin/tokens', data);
    $('token-form').reset();
    syncTokenUserField();
    showNewToken(created);
    try {
      await loadTokens();
    } catch (error) {
      if (!signedOut(error)) showMessage(describeError(error));
    }
    refreshAudit();
  } catch (error) {
    if (signedOut(error)) return;
    tokenErrors.show(problemErrors(error, 'name', 'tokens.err.taken'), true);
  } finally {
    setBusy(button, false);
  }
}

/** The one time a token's value is on screen: kept in this input only, never stored by the page. */
function showNewToken(created) {
  const box = $('new-token');
  tx($('new-token-heading'), created.user ? 'tokens.newHeadingUser' : 'tokens.newHeading',
    { name: created.name, role: roleName(created.role), user: created.user || '' });
  const input = $('new-token-value');
  input.value = created.token;
  setStatus($('new-token-copied'), null);
  box.hidden = false;
  input.focus();
  input.select();
}

async function copyToken() {
  const input = $('new-token-value');
  const status = $('new-token-copied');
  input.focus();
  input.select();
  try {
    await navigator.clipboard.writeText(input.value);
    setStatus(status, 'tokens.copied');
  } catch {
    // no clipboard access (e.g. plain http on another host): the text is selected for Ctrl+C
    setStatus(status, 'tokens.copyManually');
  }
}

function dismissToken({ keepFocus = false } = {}) {
  const box = $('new-token');
  if (box.hidden) return;
  $('new-token-value').value = '';
  box.hidden = true;
  if (!keepFocus) $('token-name').focus();
}

// ---- erasure ----

function validateErasure(data) {
  const errors = [];
  if (!data.caseId) errors.push({ field: 'caseId', key: 'erase.err.caseIdRequired' });
  else if (!CASE_ID.test(data.caseId)) errors.push({ field: 'caseId', key: 'err.caseIdPattern' });
  if (data.confirm !== data.caseId) errors.push({ field: 'confirm', key: 'erase.err.confirmMismatch' });
  if (!data.reason) errors.push({ field: 'reason', key: 'erase.err.reasonRequired' });
  return errors;
}

/** Erases a case after the admin typed its id twice; the audit log then shows the erasure. */
async function eraseCase(event) {
  event.preventDefault();
  const data = {
    caseId: $('erase-caseId').value.trim(),
    confirm: $('erase-confirm').value.trim(),
    reason: $('erase-reason').value.trim()
  };
  setStatus($('erase-status'), null);
  const errors = validateErasure(data);
  if (errors.length) {
    eraseErrors.show(errors, false);
    return;
  }
  eraseErrors.clear();
  const button = $('erase-case');
  setBusy(button, true);
  try {
    const erased = await postJson(`/api/v1/cases/${encodeURIComponent(data.caseId)}/erasure`, { reason: data.reason });
    $('erase-form').reset();
    const status = $('erase-status');
    setStatus(status, 'erase.done', { caseId: erased.caseId, intakes: erased.intakes, cards: erased.cdsCards,
      feedback: erased.cdsFeedback });
    status.focus();
    $('audit-case').value = erased.caseId;
    await filterAudit(erased.caseId);
  } catch (error) {
    if (signedOut(error)) return;
    if (error instanceof ApiError && error.status === 404) eraseErrors.show([{ field: 'caseId', key: 'erase.err.notFound' }], true);
    else eraseErrors.show(problemErrors(error, 'caseId', 'erase.err.notFound'), true);
  } finally {
    setBusy(button, false);
  }
}

// ---- audit log ----

async function loadAudit() {
  const path = state.auditCase
    ? `/api/v1/admin/audit?caseId=${encodeURIComponent(state.auditCase)}`
    : '/api/v1/admin/audit';
  const data = await getJson(path);
  const entries = (data && data.entries) || [];
  // The log of one case comes oldest first; the page shows every list newest first.
  state.audit = state.auditCase ? [...entries].reverse() : entries;
  if (!state.auditCase) {
    const before = state.revoked.size;
    for (const entry of entries) if (entry.action === 'revoke-token' && entry.detail) state.revoked.add(entry.detail);
    if (state.revoked.size !== before) renderTokens();
  }
  renderAudit();
}

/** Reloads the log after an action, so the admin sees it recorded; failures stay quiet (the table stays). */
async function refreshAudit() {
  try {
    await loadAudit();
  } catch (error) {
    if (!signedOut(error)) $('audit-count').textContent = describeError(error);
  }
}

async function filterAudit(caseId) {
  const input = $('audit-case');
  const error = $('audit-case-error');
  if (caseId && !CASE_ID.test(caseId)) {
    tx(error, 'err.caseIdPattern');
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return;
  }
  setStatus(error, null);
  input.removeAttribute('aria-invalid');
  state.auditCase = caseId;
  state.auditShown = AUDIT_PAGE;
  await refreshAudit();
}

function showMoreAudit() {
  const first = state.auditShown;
  state.auditShown += AUDIT_PAGE;
  renderAudit();
  // keep the keyboard where the new rows start
  const row = $('audit-table').querySelectorAll('tbody tr')[first];
  if (row) {
    row.setAttribute('tabindex', '-1');
    row.focus();
  }
}

function actionName(action) {
  const key = 'audit.action.' + action;
  const text = t(key);
  return text === key ? action : text;
}

function renderAudit() {
  const tbody = $('audit-table').querySelector('tbody');
  clear(tbody);
  const shown = state.audit.slice(0, state.auditShown);
  for (const entry of shown) {
    tbody.append(el('tr', { 'data-action': entry.action, 'data-id': entry.id },
      timeCell(entry.at),
      el('td', { text: entry.actor || '' }),
      el('td', {}, actionName(entry.action), ' ', el('code', { class: 'audit-action', text: entry.action })),
      el('td', {}, entry.caseId ? el('code', { text: entry.caseId }) : ''),
      el('td', { class: 'audit-detail', title: entry.detail || '', text: auditDetail(entry.action, entry.detail) })));
  }
  tx($('audit-caption'), state.auditCase ? 'audit.captionCase' : 'audit.captionRecent', { caseId: state.auditCase });
  const total = state.audit.length;
  if (!total) tx($('audit-count'), state.auditCase ? 'audit.emptyCase' : 'audit.empty', { caseId: state.auditCase });
  else tx($('audit-count'), 'audit.count', { shown: shown.length, total });
  $('audit-table').hidden = !total;
  const more = $('audit-more');
  const rest = total - shown.length;
  more.hidden = rest <= 0;
  if (rest > 0) tx(more, 'audit.more', { n: Math.min(rest, AUDIT_PAGE), rest });
}
