// The case list with filters (kept in the URL query, so a filtered view can be bookmarked or shared).
import { ApiError, describeError, getJson } from './api.js';
import { clear, el, formatDate } from './dom.js';
import { onLangChange, plural, tx } from './i18n.js';
import { doneLoading, hideMessage, initLayout, showMessage, showMessageKey } from './layout.js';
import { safetyBadge, stageName, typeName } from './render-outcome.js';

const FILTERS = ['coach', 'type', 'stage', 'safety'];
const form = document.getElementById('case-filters');
const table = document.getElementById('cases-table');
const tbody = table.querySelector('tbody');
const empty = document.getElementById('cases-empty');
const count = document.getElementById('cases-count');
const coachSelect = document.getElementById('filter-coach');

let lastCases = null;
let requestNumber = 0;

const session = await initLayout({ page: 'cases' });
if (session) await start();

async function start() {
  const initial = filtersFromUrl();
  await fillCoaches(initial.coach);
  setFilters(initial);
  form.addEventListener('change', () => apply());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  document.getElementById('reset-filters').addEventListener('click', () => {
    setFilters({});
    apply();
  });
  window.addEventListener('popstate', () => {
    setFilters(filtersFromUrl());
    load();
  });
  onLangChange(() => lastCases && renderCases(lastCases));
  await load();
}

function filtersFromUrl() {
  const query = new URLSearchParams(location.search);
  const filters = {};
  for (const name of FILTERS) if (query.get(name)) filters[name] = query.get(name);
  return filters;
}

function readFilters() {
  const filters = {};
  for (const name of FILTERS) {
    const value = document.getElementById(`filter-${name}`).value;
    if (value) filters[name] = value;
  }
  return filters;
}

function setFilters(filters) {
  for (const name of FILTERS) {
    const select = document.getElementById(`filter-${name}`);
    const value = filters[name] || '';
    if (value && ![...select.options].some((o) => o.value === value)) {
      select.append(el('option', { value, text: value }));
    }
    select.value = value;
  }
}

function toQuery(filters) {
  const query = new URLSearchParams();
  for (const name of FILTERS) if (filters[name]) query.set(name, filters[name]);
  return query.toString();
}

/** The coach choices: every coach seen in the unfiltered list (a case manager's coaches, or oneself). */
async function fillCoaches(selected) {
  let cases = [];
  try {
    const data = await getJson('/api/v1/cases');
    cases = data.cases || [];
  } catch {
    // the main load below reports the problem
  }
  const coaches = new Map();
  for (const c of cases) if (c.coach) coaches.set(c.coach, c.coachName || c.coach);
  if (selected && !coaches.has(selected)) coaches.set(selected, selected);
  const sorted = [...coaches].sort((a, b) => a[1].localeCompare(b[1]));
  for (const [username, name] of sorted) {
    coachSelect.append(el('option', { value: username, text: name === username ? name : `${name} (${username})` }));
  }
}

function apply() {
  const query = toQuery(readFilters());
  const url = location.pathname + (query ? `?${query}` : '');
  if (url !== location.pathname + location.search) history.pushState(null, '', url);
  load();
}

async function load() {
  const mine = ++requestNumber;
  const query = toQuery(readFilters());
  hideMessage();
  try {
    const data = await getJson('/api/v1/cases' + (query ? `?${query}` : ''));
    if (mine !== requestNumber) return; // a newer filter choice is on its way
    lastCases = { cases: data.cases || [], filtered: Boolean(query) };
    renderCases(lastCases);
  } catch (error) {
    if (mine !== requestNumber || (error instanceof ApiError && error.status === 401)) return;
    table.hidden = true;
    if (error instanceof ApiError && error.status === 403) {
      showMessageKey('cases.forbidden', undefined, { kind: 'info' });
      form.hidden = true;
    } else {
      showMessage(describeError(error));
    }
  } finally {
    if (mine === requestNumber) doneLoading();
  }
}

function renderCases({ cases, filtered }) {
  clear(tbody);
  for (const c of cases) {
    const latest = c.latest || {};
    tbody.append(el('tr', { 'data-case': c.caseId },
      el('th', { scope: 'row' }, el('a', { href: `case.html?id=${encodeURIComponent(c.caseId)}`, text: c.caseId })),
      el('td', { 'data-type': latest.primaryType || '', text: typeName(latest.primaryType) }),
      el('td', { 'data-stage': latest.stage || '', text: stageName(latest.stage) }),
      el('td', { 'data-safety': latest.safety || '' }, safetyBadge(latest.safety)),
      el('td', {}, el('time', { datetime: latest.date || '', text: formatDate(latest.date) })),
      el('td', { text: c.coachName || c.coach || '' }),
      el('td', { class: 'number', text: String(c.meetings ?? '') })));
  }
  table.hidden = cases.length === 0;
  empty.hidden = cases.length > 0;
  if (!cases.length) tx(empty, filtered ? 'cases.emptyFiltered' : 'cases.empty');
  tx(count, plural('cases.count', cases.length), { n: cases.length });
}
