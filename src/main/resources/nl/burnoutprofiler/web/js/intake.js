// The intake form: catalogue-driven observation rows, rulers, notes; browser validation that mirrors the
// server; a sessionStorage draft so nothing typed is lost; store (POST /cases/{id}/intakes) or assess only.
import { ApiError, currentPage, describeError, getCatalogue, getJson, postJson } from './api.js';
import { bi, clear, el, formatDate, params, todayIso } from './dom.js';
import { getLang, onLangChange, plural, t, tx } from './i18n.js';
import { doneLoading, initLayout, showMessage } from './layout.js';

const CASE_ID = /^[A-Za-z0-9._-]{1,64}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VALUES = ['none', 'absent', '1', '2', '3'];
const OBSERVERS = ['COACH', 'CLIENT', 'COLLEAGUE', 'MANAGER', 'PHYSICIAN'];
const RULERS = ['importance', 'confidence', 'readiness'];
const PREVIEW_KEY = 'bp-preview';
const FORM_LENGTH_KEY = 'bp-intake-form-length';

const query = params();
const caseParam = query.get('case') || '';
let corrects = query.get('corrects') || '';
// A draft belongs to one intake: its id sits in the URL, so a reload finds it again, while "Nieuwe intake" or
// another case starts without one, and then no earlier client's unsaved input is left in this tab.
const DRAFT_PREFIX = 'bp-draft:intake:';
const draftKey = DRAFT_PREFIX + draftIdOfThisIntake();

const form = document.getElementById('intake-form');
const caseIdInput = document.getElementById('caseId');
const dateInput = document.getElementById('date');
const observerInput = document.getElementById('observer');
const notesInput = document.getElementById('notes');
const filterInput = document.getElementById('code-filter');
const groupsBox = document.getElementById('observation-groups');
const summary = document.getElementById('form-errors');
const storeButton = document.getElementById('submit-store');
const assessButton = document.getElementById('submit-assess');
const submitStatus = document.getElementById('submit-status');
const draftStatus = document.getElementById('draft-status');
const discardButton = document.getElementById('discard-draft');

let catalogue = { groups: [], codes: [] };
const codeInfo = new Map();      // code -> catalogue entry
let baseState = null;            // what the form holds before the user types (defaults or the corrected intake)
let previousState = null;        // a follow-up meeting: the case's previous meeting, which the form starts from
let fullForm = false;            // the full catalogue (true) or the short form of the best-separating observations
let liveTimer = null;            // the next live assessment of the questions that would help most
let liveRequest = 0;             // the newest live assessment; older answers are dropped
const formLengthButton = document.getElementById('form-length');
const formLengthHint = document.getElementById('form-length-hint');
let currentErrors = [];          // [{target, errorId, key|reason, params, field}] shown now
let errorsFromServer = false;

const session = await initLayout({ page: 'intake' });
if (session) await start();

function draftIdOfThisIntake() {
  const known = query.get('draft');
  if (known && /^[A-Za-z0-9-]{8,64}$/.test(known)) return known;
  forgetEarlierDrafts();
  const id = crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const url = new URL(window.location.href);
  url.searchParams.set('draft', id);
  window.history.replaceState(window.history.state, '', url);
  return id;
}

function forgetEarlierDrafts() {
  try {
    for (const key of Object.keys(sessionStorage)) {
      if (key.startsWith(DRAFT_PREFIX)) sessionStorage.removeItem(key);
    }
  } catch {
    // storage blocked: there are no drafts either
  }
}

async function start() {
  if (session.role !== 'coach') {
    document.getElementById('role-notice').hidden = false;
    storeButton.disabled = true;
  }
  let stored = null;
  try {
    const [cat, found, previous] = await Promise.all([getCatalogue(), corrects && caseParam ? findStored() : null,
      caseParam && !corrects ? findPrevious() : null]);
    catalogue = cat;
    stored = found;
    if (previous) previousState = carriedOver(previous.intake);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return;
    showMessage(`${t('intake.catalogueFailed')} ${describeError(error)}`);
  }
  doneLoading();
  for (const code of catalogue.codes || []) codeInfo.set(code.code, code);
  buildGroups();

  baseState = defaultState();
  if (stored) {
    baseState = intakeToState(stored.intake);
    showCorrection(stored);
  } else if (corrects) {
    showNotice('case-notice', 'intake.correctionNotFound', { id: corrects, caseId: caseParam });
    corrects = '';
  } else if (previousState) {
    // A follow-up meeting starts from the previous one: what is not changed stays as it was.
    baseState = previousState;
    showNotice('case-notice', 'intake.carriedOver', { caseId: caseParam, date: formatDate(previousState.previousDate) });
  } else if (caseParam) {
    showNotice('case-notice', 'intake.existingCase', { caseId: caseParam });
  }
  setState(baseState);

  const draft = readDraft();
  if (draft) {
    setState(draft);
    tx(draftStatus, 'intake.draftRestored');
    discardButton.hidden = false;
  }
  updateGroupCounts();
  markCarried();
  let keptLength = null;
  try {
    keptLength = sessionStorage.getItem(FORM_LENGTH_KEY);
  } catch {
    keptLength = null;
  }
  setFormLength(keptLength === 'full');
  formLengthButton.addEventListener('click', () => setFormLength(!fullForm));

  scheduleLiveQuestions();
  document.getElementById('live-questions-list').addEventListener('click', goToAskedRow);

  form.addEventListener('input', onEdit);
  form.addEventListener('change', onEdit);
  form.addEventListener('submit', (event) => event.preventDefault()); // Enter in a field must not store
  storeButton.addEventListener('click', () => submit('store'));
  assessButton.addEventListener('click', () => submit('assess'));
  discardButton.addEventListener('click', discardDraft);
  filterInput.addEventListener('input', applyFilter);
  document.getElementById('expand-all').addEventListener('click', () => setGroupsOpen(true));
  document.getElementById('collapse-all').addEventListener('click', () => setGroupsOpen(false));
  summary.addEventListener('click', onSummaryClick);
  onLangChange(() => {
    renderErrors();
    applyFilter();
  });
  // Back from the outcome page (back/forward cache): the buttons were left busy.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) setBusy(false);
  });
}

// ---- the questions that would help most now, live ----

function scheduleLiveQuestions() {
  clearTimeout(liveTimer);
  liveTimer = setTimeout(updateLiveQuestions, 600);
}

/**
 * Assesses what is filled in so far (nothing stored) and shows the engine's first three next questions, which
 * are the ones that best separate the pictures still in the running. Input the server would refuse shows none.
 */
async function updateLiveQuestions() {
  const box = document.getElementById('live-questions');
  const state = readState();
  const rulers = {};
  for (const name of RULERS) {
    rulers[name] = /^\s*\d+\s*$/.test(state.rulers[name] || '') && Number(state.rulers[name]) <= 10 ? state.rulers[name] : '';
  }
  const { intake } = buildIntake({
    ...state, caseId: CASE_ID.test(state.caseId) ? state.caseId : 'voorbeeld',
    date: validDate(state.date) ? state.date : '', rulers, notes: ''
  });
  if (!intake.observations.length) {
    box.classList.add('is-empty');
    markAskedRows([]);
    return;
  }
  const request = ++liveRequest;
  let outcome;
  try {
    outcome = await postJson('/api/v1/assessments', intake);
  } catch {
    if (request === liveRequest) box.classList.add('is-empty');
    return;
  }
  if (request !== liveRequest) return; // a newer edit asked again
  const questions = (outcome.questions || []).slice(0, 3);
  const list = document.getElementById('live-questions-list');
  clear(list);
  for (const q of questions) {
    const text = getLang() === 'en' && q.questionEn ? q.questionEn : q.question;
    const rows = q.observations || [];
    // A question whose answer has rows in the form leads to them; one answered elsewhere (the rulers) is text.
    const item = rows.length
      ? el('a', { href: `#row-${rows[0]}`, 'data-code': rows[0] }, bi(q.question, q.questionEn))
      : bi(q.question, q.questionEn);
    list.append(el('li', { 'data-id': q.id, title: text }, item));
  }
  box.classList.toggle('is-empty', questions.length === 0);
  markAskedRows(questions);
}

/** Marks the rows in which the live questions' answers are recorded, and brings them into the short form. */
function markAskedRows(questions) {
  const asked = new Set(questions.flatMap((q) => q.observations || []));
  for (const row of groupsBox.querySelectorAll('fieldset.obs')) {
    row.classList.toggle('is-asked', asked.has(row.dataset.code));
  }
  applyFilter();
}

/** A live question leads to its first row: its group opens, the row comes into view, its first choice takes focus. */
function goToAskedRow(event) {
  const link = event.target.closest('a[data-code]');
  if (!link) return;
  event.preventDefault();
  const row = document.getElementById(`row-${link.dataset.code}`);
  if (!row) return;
  const group = row.closest('details.group');
  if (group) group.open = true;
  row.hidden = false;
  row.scrollIntoView({ block: 'center' });
  row.querySelector('input[type=radio]').focus({ preventScroll: true });
}

/** The case's latest meeting, for a new meeting of an existing case; null for a new case. */
async function findPrevious() {
  try {
    const detail = await getJson(`/api/v1/cases/${encodeURIComponent(caseParam)}`);
    const meetings = detail.meetings || [];
    return meetings.length ? meetings[meetings.length - 1] : null;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) throw error;
    return null; // a new case (404), or one the coach cannot read: start empty
  }
}

/**
 * The form state a follow-up meeting starts from: the previous meeting's observations (value and observer;
 * a note belongs to its meeting), today's date, no rulers and no notes, which are asked anew each time.
 */
function carriedOver(intake) {
  const state = intakeToState(intake);
  for (const entry of Object.values(state.obs)) entry.note = '';
  return { ...state, date: todayIso(), rulers: defaultState().rulers, notes: '', previousDate: intake.date || '' };
}

/** Marks each row that still holds what the previous meeting recorded: "zelfde als vorige keer". */
function markCarried() {
  if (!previousState) return;
  const now = readState().obs;
  for (const row of groupsBox.querySelectorAll('fieldset.obs')) {
    const code = row.dataset.code;
    const before = previousState.obs[code];
    const current = now[code] || { v: 'none', by: '' };
    const same = Boolean(before) && before.v === current.v && (before.by || '') === (current.by || '');
    row.classList.toggle('carried', same);
    let tag = row.querySelector('.carried-tag');
    if (same && !tag) {
      tag = el('span', { class: 'carried-tag', i18n: ['intake.sameAsLastTime'] });
      row.querySelector('legend').append(' ', tag);
    } else if (!same && tag) {
      tag.remove();
    }
  }
}

/** The stored meeting that ?corrects= names, or null. */
async function findStored() {
  try {
    const detail = await getJson(`/api/v1/cases/${encodeURIComponent(caseParam)}`);
    const meetings = detail.meetings || [];
    const index = meetings.findIndex((m) => String(m.intakeId) === String(corrects));
    // The meeting's number within its case, counted from 1; the stored meeting id is a database key.
    return index < 0 ? null : { ...meetings[index], number: index + 1 };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) throw error;
    showMessage(describeError(error));
    return null;
  }
}

function showCorrection(stored) {
  const notice = document.getElementById('correction-notice');
  tx(notice, 'intake.correction', {
    meeting: stored.number ?? '?', version: stored.version ?? 1, date: stored.date || stored.intake.date || ''
  });
  notice.hidden = false;
  tx(document.getElementById('intake-heading'), 'intake.headingCorrection');
  tx(storeButton, 'intake.submitStoreCorrection');
  caseIdInput.readOnly = true;
}

function showNotice(id, key, args) {
  const notice = document.getElementById(id);
  tx(notice, key, args);
  notice.hidden = false;
}

// ---- building the observation rows ----

/** The groups in form order: the safety screen first, then the severity, then the catalogue's order. */
function formGroups() {
  const first = ['SAFETY', 'SEVERITY'];
  const groups = catalogue.groups || [];
  return [...first.map((id) => groups.find((g) => g.id === id)).filter(Boolean),
    ...groups.filter((g) => !first.includes(g.id))];
}

function buildGroups() {
  clear(groupsBox);
  for (const group of formGroups()) {
    const codes = (catalogue.codes || []).filter((c) => c.group === group.id);
    if (!codes.length) continue;
    const count = el('span', { class: 'group-count', id: `group-${group.id}-count` });
    const fieldset = el('fieldset', { class: 'group-fieldset' },
      el('legend', { class: 'visually-hidden' }, bi(group.nl, group.en)),
      codes.map(buildRow));
    groupsBox.append(el('details', { class: 'group', id: `group-${group.id}`, open: true, 'data-group': group.id },
      el('summary', {}, el('span', { class: 'group-title' }, bi(group.nl, group.en)), ' ', count),
      fieldset));
  }
}

function buildRow(code) {
  const c = code.code;
  const descId = `obs-${c}-desc`;
  const errorId = `obs-${c}-error`;
  const choices = el('div', { class: 'choices' });
  for (const value of VALUES) {
    const id = `obs-${c}-${value}`;
    choices.append(el('span', { class: `choice choice-${value}` },
      el('input', { type: 'radio', name: `obs-${c}`, id, value, checked: value === 'none' }),
      el('label', { for: id, i18n: [`value.${value}`] })));
  }
  const noteId = `note-${c}`;
  const noteLabel = el('label', { for: noteId, class: 'note-label', i18n: ['intake.note'] });
  const note = el('input', { type: 'text', id: noteId, class: 'note', autocomplete: 'off', maxlength: '1000',
    'data-code': c });
  // Who saw it, when not the intake's observer: a colleague's or manager's report is a signal to explore.
  const seenById = `seen-by-${c}`;
  const seenByLabel = el('label', { for: seenById, class: 'note-label', i18n: ['intake.seenBy'] });
  const seenBy = el('select', { id: seenById, class: 'seen-by', 'data-code': c },
    el('option', { value: '', i18n: ['intake.seenBy.same'] }),
    OBSERVERS.map((observer) => el('option', { value: observer, i18n: [`observer.${observer}`] })));
  const row = el('fieldset', {
    class: 'obs', id: `row-${c}`, 'data-code': c, 'aria-describedby': descId, 'data-describedby': descId,
    'data-search': searchText(code), 'data-short': code.shortForm ? 'true' : 'false'
  },
  el('legend', { class: 'obs-label' }, bi(code.nl, code.en), el('span', { class: 'asked-tag', i18n: ['intake.askedTag'] })),
  el('div', { id: descId, class: 'obs-explanation' }, bi(code.explanationNl, code.explanationEn, { block: true })),
  el('div', { class: 'obs-inputs' }, choices, el('div', { class: 'note-field' }, noteLabel, note),
    el('div', { class: 'note-field seen-by-field' }, seenByLabel, seenBy)),
  el('p', { id: errorId, class: 'field-error' }));
  return row;
}

function searchText(code) {
  return fold([code.code, code.nl, code.en, code.explanationNl, code.explanationEn].join(' '));
}

function fold(text) {
  return (text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

// ---- filter and groups ----

function applyFilter() {
  const words = fold(filterInput.value).split(/\s+/).filter(Boolean);
  let shown = 0;
  let total = 0;
  for (const details of groupsBox.querySelectorAll('details.group')) {
    let visibleInGroup = 0;
    for (const row of details.querySelectorAll('fieldset.obs')) {
      total++;
      // The short form shows its own rows and every row that holds something; a search looks in all of them.
      // The rows where the live questions' answers go join it too.
      const inForm = fullForm || words.length > 0 || row.dataset.short === 'true' || rowHasInput(row)
        || row.classList.contains('is-asked');
      const match = inForm && words.every((w) => row.dataset.search.includes(w));
      row.hidden = !match;
      if (match) visibleInGroup++;
    }
    shown += visibleInGroup;
    details.hidden = visibleInGroup === 0;
    if (words.length && visibleInGroup) details.open = true;
  }
  const count = document.getElementById('code-filter-count');
  if (words.length) tx(count, 'intake.filterCount', { shown, total });
  else {
    count.removeAttribute('data-i18n');
    count.textContent = '';
  }
}

function rowHasInput(row) {
  const checked = row.querySelector('input[type=radio]:checked');
  return Boolean((checked && checked.value !== 'none') || row.querySelector('input.note').value
    || row.querySelector('select.seen-by').value);
}

/** Short form or the full catalogue; the choice is the coach's, kept for the rest of the session. */
function setFormLength(full) {
  fullForm = full;
  try {
    sessionStorage.setItem(FORM_LENGTH_KEY, full ? 'full' : 'short');
  } catch {
    // not kept: the form still switches
  }
  tx(formLengthButton, full ? 'intake.showShortForm' : 'intake.showFullForm');
  formLengthButton.setAttribute('aria-pressed', String(full));
  tx(formLengthHint, full ? 'intake.fullFormHint' : 'intake.shortFormHint');
  applyFilter();
}

function setGroupsOpen(open) {
  for (const details of groupsBox.querySelectorAll('details.group')) details.open = open;
}

function updateGroupCounts() {
  for (const details of groupsBox.querySelectorAll('details.group')) {
    let n = 0;
    for (const row of details.querySelectorAll('fieldset.obs')) {
      const checked = row.querySelector('input[type=radio]:checked');
      if (checked && checked.value !== 'none') n++;
    }
    const count = details.querySelector('.group-count');
    if (n) tx(count, 'intake.groupCount', { n });
    else {
      count.removeAttribute('data-i18n');
      count.textContent = '';
    }
  }
}

// ---- form state (what the draft keeps) ----

function defaultState() {
  return { caseId: caseParam, date: todayIso(), observer: 'COACH', obs: {}, rulers: {}, notes: '' };
}

function intakeToState(intake) {
  const obs = {};
  for (const o of intake.observations || []) {
    const v = o.present === false ? 'absent' : String(o.intensity ?? 2);
    obs[o.code] = { v, note: o.note || '', by: o.observer && o.observer !== intake.observer ? o.observer : '' };
  }
  const rulers = {};
  for (const name of RULERS) {
    const value = intake.rulers ? intake.rulers[name] : undefined;
    rulers[name] = value === undefined || value === null ? '' : String(value);
  }
  return {
    caseId: intake.caseId || caseParam,
    date: intake.date || '',
    observer: intake.observer || 'COACH',
    obs,
    rulers,
    notes: intake.notes || ''
  };
}

function readState() {
  const obs = {};
  for (const row of groupsBox.querySelectorAll('fieldset.obs')) {
    const code = row.dataset.code;
    const checked = row.querySelector('input[type=radio]:checked');
    const v = checked ? checked.value : 'none';
    const note = document.getElementById(`note-${code}`).value;
    const by = document.getElementById(`seen-by-${code}`).value;
    if (v !== 'none' || note || by) obs[code] = { v, note, by };
  }
  const rulers = {};
  for (const name of RULERS) {
    const input = document.getElementById(`ruler-${name}`);
    // a half-typed number reads as '' with badInput; keep a marker so validation can say so
    rulers[name] = input.validity.badInput ? '\u0000bad' : input.value;
  }
  return {
    caseId: caseIdInput.value,
    date: dateInput.validity.badInput ? '\u0000bad' : dateInput.value,
    observer: observerInput.value,
    obs,
    rulers,
    notes: notesInput.value
  };
}

function setState(state) {
  caseIdInput.value = state.caseId || '';
  dateInput.value = state.date && state.date !== '\u0000bad' ? state.date : '';
  observerInput.value = state.observer || 'COACH';
  if (!observerInput.value) observerInput.value = 'COACH';
  for (const row of groupsBox.querySelectorAll('fieldset.obs')) {
    const code = row.dataset.code;
    const entry = (state.obs || {})[code] || { v: 'none', note: '', by: '' };
    const radio = document.getElementById(`obs-${code}-${VALUES.includes(entry.v) ? entry.v : 'none'}`);
    if (radio) radio.checked = true;
    document.getElementById(`note-${code}`).value = entry.note || '';
    document.getElementById(`seen-by-${code}`).value = OBSERVERS.includes(entry.by) ? entry.by : '';
  }
  for (const name of RULERS) {
    const value = (state.rulers || {})[name];
    document.getElementById(`ruler-${name}`).value = value && value !== '\u0000bad' ? value : '';
  }
  notesInput.value = state.notes || '';
}

// ---- draft in sessionStorage (never localStorage: this is health data) ----

function readDraft() {
  try {
    const text = sessionStorage.getItem(draftKey);
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function saveDraft() {
  try {
    sessionStorage.setItem(draftKey, JSON.stringify(readState()));
  } catch {
    // storage full or blocked: the form itself still holds the input
  }
}

function removeDraft() {
  try {
    sessionStorage.removeItem(draftKey);
  } catch {
    // nothing kept
  }
}

function discardDraft() {
  removeDraft();
  setState(baseState);
  currentErrors = [];
  renderErrors();
  updateGroupCounts();
  markCarried();
  tx(draftStatus, 'intake.draftDiscarded');
  discardButton.hidden = true;
  caseIdInput.focus();
}

function onEdit(event) {
  if (event.target === filterInput) return;
  saveDraft();
  discardButton.hidden = false;
  if (event.type === 'change' && event.target.type === 'radio') updateGroupCounts();
  if (event.type === 'change') {
    markCarried();
    scheduleLiveQuestions();
  }
}

// ---- validation (mirrors nl.burnoutprofiler.engine.IntakeValidator and IntakeJson) ----

function validDate(text) {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function validate(state) {
  const errors = [];
  if (!state.caseId) errors.push(fieldError('caseId', 'err.caseIdRequired'));
  else if (!CASE_ID.test(state.caseId)) errors.push(fieldError('caseId', 'err.caseIdPattern'));
  if (state.date && !validDate(state.date)) errors.push(fieldError('date', 'err.date'));
  for (const name of RULERS) {
    const value = state.rulers[name];
    if (value === '') continue;
    const n = Number(value);
    if (value === '\u0000bad' || !/^\s*\d+\s*$/.test(value) || !Number.isInteger(n) || n < 0 || n > 10) {
      errors.push(fieldError(`ruler-${name}`, 'err.ruler'));
    }
  }
  // The server would record a code with only a note as present with intensity 2; ask instead of guessing.
  for (const [code, entry] of Object.entries(state.obs)) {
    if (entry.v === 'none' && entry.note) errors.push(rowError(code, 'err.noteWithoutValue'));
    else if (entry.v === 'none' && entry.by) errors.push(rowError(code, 'err.seenByWithoutValue'));
  }
  return errors;
}

function fieldError(inputId, key, reason) {
  return { target: inputId, errorId: `${inputId}-error`, key, reason, field: inputId };
}

function rowError(code, key, reason, part) {
  return { target: `obs-${code}`, errorId: `obs-${code}-error`, key, reason, code, part };
}

/** The intake JSON of contract section 1, and which code sits at which index (to map server errors back). */
function buildIntake(state) {
  const observations = [];
  for (const code of catalogue.codes.map((c) => c.code)) {
    const entry = state.obs[code];
    if (!entry || entry.v === 'none') continue;
    const o = { code };
    if (entry.v === 'absent') o.present = false;
    else o.intensity = Number(entry.v);
    if (entry.note) o.note = entry.note;
    if (entry.by && entry.by !== state.observer) o.observer = entry.by;
    observations.push(o);
  }
  const intake = { caseId: state.caseId, observer: state.observer, observations };
  if (state.date) intake.date = state.date;
  const rulers = {};
  for (const name of RULERS) {
    if (state.rulers[name] !== '') rulers[name] = Number(state.rulers[name]);
  }
  if (Object.keys(rulers).length) intake.rulers = rulers;
  if (state.notes) intake.notes = state.notes;
  return { intake, codes: observations.map((o) => o.code) };
}

/** Maps the server's errors[].field back to the inputs of this form. */
function mapServerErrors(fieldErrors, codes) {
  return fieldErrors.map((problem) => {
    const field = String(problem.field || '');
    const reason = problem.reason || '';
    const simple = { caseId: 'caseId', date: 'date', observer: 'observer', notes: 'notes' }[field];
    if (simple) return fieldError(simple, null, reason);
    const ruler = /^rulers\.(importance|confidence|readiness)$/.exec(field);
    if (ruler) return fieldError(`ruler-${ruler[1]}`, null, reason);
    const obs = /^observations\[(\d+)\](?:\.(\w+))?$/.exec(field);
    if (obs && codes[Number(obs[1])]) return rowError(codes[Number(obs[1])], null, reason, obs[2]);
    return { target: null, errorId: null, key: null, reason, field };
  });
}

// ---- showing errors ----

function fieldLabel(error) {
  if (error.code) {
    const info = codeInfo.get(error.code);
    const label = info ? (getLang() === 'nl' ? info.nl : info.en) : error.code;
    return error.part === 'note' ? `${label} – ${t('field.note')}` : label;
  }
  switch (error.target) {
    case 'caseId': return t('field.caseId');
    case 'date': return t('field.date');
    case 'observer': return t('field.observer');
    case 'notes': return t('field.notes');
    case 'ruler-importance': return t('ruler.importance');
    case 'ruler-confidence': return t('ruler.confidence');
    case 'ruler-readiness': return t('ruler.readiness');
    default: return error.field && error.field !== '$' ? error.field : t('field.intake');
  }
}

function messageOf(error) {
  return error.key ? t(error.key) : error.reason;
}

/** The elements to mark aria-invalid and the one to focus for an error. */
function targetsOf(error) {
  if (!error.target) return { marks: [], focus: null, container: null };
  if (error.code) {
    const row = document.getElementById(`row-${error.code}`);
    if (!row) return { marks: [], focus: null, container: null };
    const note = document.getElementById(`note-${error.code}`);
    const radios = [...row.querySelectorAll('input[type=radio]')];
    const checked = radios.find((r) => r.checked) || radios[0];
    if (error.part === 'note') return { marks: [note], focus: note, container: row };
    return { marks: radios, focus: checked, container: row };
  }
  const input = document.getElementById(error.target);
  return { marks: input ? [input] : [], focus: input, container: input };
}

function resetErrorMarks() {
  for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
  for (const node of form.querySelectorAll('.field-error')) node.textContent = '';
  for (const node of form.querySelectorAll('.has-error')) node.classList.remove('has-error');
  for (const node of form.querySelectorAll('[data-describedby]')) {
    node.setAttribute('aria-describedby', node.getAttribute('data-describedby'));
  }
  for (const node of form.querySelectorAll('input.note[aria-describedby]')) node.removeAttribute('aria-describedby');
}

function renderErrors() {
  resetErrorMarks();
  clear(summary);
  summary.classList.remove('visible');
  if (!currentErrors.length) return;

  for (const error of currentErrors) {
    const { marks, container } = targetsOf(error);
    const box = error.errorId && document.getElementById(error.errorId);
    if (box) box.textContent = box.textContent ? `${box.textContent} ${messageOf(error)}` : messageOf(error);
    for (const node of marks) node.setAttribute('aria-invalid', 'true');
    if (container && box) {
      container.classList.add('has-error');
      describe(container, box.id);
      if (error.code && error.part === 'note') describe(marks[0], box.id);
      const details = container.closest('details');
      if (details) details.open = true;
    }
  }

  const list = el('ul');
  for (const error of currentErrors) {
    const text = `${fieldLabel(error)}: ${messageOf(error)}`;
    const { focus } = targetsOf(error);
    list.append(el('li', {}, focus ? el('a', { href: `#${focus.id}`, 'data-focus': focus.id, text }) : text));
  }
  summary.append(
    el('h2', { text: t(plural(errorsFromServer ? 'errors.serverHeading' : 'errors.heading', currentErrors.length),
      { n: currentErrors.length }) }),
    list);
  summary.classList.add('visible');
}

function describe(node, id) {
  const ids = (node.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
  if (!ids.includes(id)) ids.push(id);
  node.setAttribute('aria-describedby', ids.join(' '));
}

function showErrors(errors, fromServer) {
  currentErrors = errors;
  errorsFromServer = fromServer;
  renderErrors();
  summary.focus();
  summary.scrollIntoView({ block: 'start' });
}

function onSummaryClick(event) {
  const link = event.target.closest('a[data-focus]');
  if (!link) return;
  event.preventDefault();
  const target = document.getElementById(link.dataset.focus);
  if (!target) return;
  const row = target.closest('fieldset.obs');
  if (row && row.hidden) {
    filterInput.value = '';
    applyFilter();
  }
  const details = target.closest('details');
  if (details) details.open = true;
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

// ---- submitting ----

function setBusy(busy, key) {
  storeButton.disabled = busy || session.role !== 'coach';
  assessButton.disabled = busy;
  form.setAttribute('aria-busy', String(busy));
  if (busy) tx(submitStatus, key);
  else {
    submitStatus.removeAttribute('data-i18n');
    submitStatus.textContent = '';
  }
}

async function submit(mode) {
  const state = readState();
  const errors = validate(state);
  if (errors.length) {
    showErrors(errors, false);
    return;
  }
  currentErrors = [];
  renderErrors();
  const { intake, codes } = buildIntake(state);
  setBusy(true, mode === 'store' ? 'intake.storing' : 'intake.assessing');
  try {
    if (mode === 'store') {
      let path = `/api/v1/cases/${encodeURIComponent(intake.caseId)}/intakes`;
      if (corrects) path += `?corrects=${encodeURIComponent(corrects)}`;
      const stored = await postJson(path, intake);
      removeDraft();
      location.assign(`outcome.html?case=${encodeURIComponent(stored.caseId || intake.caseId)}`
        + `&intake=${encodeURIComponent(stored.intakeId)}`);
      return;
    }
    const outcome = await postJson('/api/v1/assessments', intake);
    sessionStorage.setItem(PREVIEW_KEY, JSON.stringify({ outcome, intake, returnTo: currentPage() }));
    location.assign('outcome.html?preview=1');
  } catch (error) {
    setBusy(false);
    if (error instanceof ApiError && error.status === 401) return;
    if (error instanceof ApiError && error.status === 409 && mode === 'store') {
      showErrors([fieldError('caseId', 'err.caseIdUnavailable')], true);
    } else if (error instanceof ApiError && error.status === 400 && error.fieldErrors.length) {
      showErrors(mapServerErrors(error.fieldErrors, codes), true);
    } else {
      showErrors([{ target: null, errorId: null, key: null, reason: describeError(error), field: '$' }], true);
    }
  }
}
