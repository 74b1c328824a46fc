// What changed between two meetings of a case: type, stage, safety, observations, rulers and scores. Shown on
// the case page and, for a case's latest meeting, on its outcome page.
import { el, formatDate, formatScore } from './dom.js';
import { t } from './i18n.js';
import { TYPES } from './charts.js';
import { codeLabel, stageName, typeName } from './render-outcome.js';

function beforeAfter(change, name) {
  if (!change) return null;
  if (change.before === change.after) return t('case.unchanged', { value: name(change.after) });
  return `${name(change.before)} → ${name(change.after)}`;
}

/** What changed between two meetings of a case (GET /api/v1/cases/{id} `changes`); null: the first meeting. */
export function changesBlock(changes, codes) {
  const box = el('div', { id: 'changes', class: 'changes' });
  if (!changes) {
    box.append(el('p', { class: 'first-meeting', text: t('case.firstMeeting') }));
    return box;
  }
  if (changes.from || changes.to) {
    box.append(el('p', { class: 'hint', text: t('case.changesRange',
      { from: formatDate(changes.from), to: formatDate(changes.to) }) }));
  }
  const rows = [];
  const row = (key, value, attrs = {}) => {
    if (value !== null && value !== undefined && value !== '') {
      rows.push(el('div', attrs, el('dt', { text: t(key) }), el('dd', {}, value)));
    }
  };
  row('case.primary', beforeAfter(changes.primary, typeName), { 'data-change': 'primary' });
  row('case.stage', beforeAfter(changes.stage, stageName), { 'data-change': 'stage' });
  row('case.safety', beforeAfter(changes.safety, (s) => t('safety.short.' + (s || 'CLEAR'))), { 'data-change': 'safety' });
  if (changes.added && changes.added.length) row('case.added', codeList(changes.added, codes), { 'data-change': 'added' });
  if (changes.removed && changes.removed.length) row('case.removed', codeList(changes.removed, codes), { 'data-change': 'removed' });
  if (changes.intensity && changes.intensity.length) {
    row('case.intensity', el('ul', { class: 'plain-list' }, changes.intensity.map((c) => el('li', { 'data-code': c.code },
      codeLabel(c.code, codes), `: ${c.before ?? '–'} → ${c.after ?? '–'}`))), { 'data-change': 'intensity' });
  }
  if (changes.rulers && Object.keys(changes.rulers).length) {
    const value = (v) => (v === null || v === undefined ? t('case.notAsked') : String(v));
    row('case.rulers', el('ul', { class: 'plain-list' }, Object.entries(changes.rulers).map(([name, c]) => el('li', {},
      `${t('ruler.' + name)}: ${value(c && c.before)} → ${value(c && c.after)}`))), { 'data-change': 'rulers' });
  }
  box.append(el('dl', { class: 'change-list' }, rows));
  if (changes.scores) box.append(scoreTable(changes.scores));
  return box;
}

function codeList(list, codes) {
  return el('ul', { class: 'chips' }, list.map((code) => el('li', { 'data-code': code }, codeLabel(code, codes))));
}

function scoreTable(scores) {
  const delta = (c) => {
    if (!c || typeof c.before !== 'number' || typeof c.after !== 'number') return '–';
    const d = c.after - c.before;
    if (d === 0) return '0';
    return (d > 0 ? '+' : '−') + formatScore(Math.abs(d));
  };
  return el('table', { class: 'data-table score-changes' },
    el('caption', { text: t('case.scores') }),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col', text: t('chart.type') }),
      el('th', { scope: 'col', text: t('case.before') }),
      el('th', { scope: 'col', text: t('case.after') }),
      el('th', { scope: 'col', text: t('case.delta') }))),
    el('tbody', {}, TYPES.filter((type) => scores[type]).map((type) => el('tr', { 'data-type': type },
      el('th', { scope: 'row', text: typeName(type) }),
      el('td', { class: 'number', text: formatScore(scores[type].before) }),
      el('td', { class: 'number', text: formatScore(scores[type].after) }),
      el('td', { class: 'number', text: delta(scores[type]) })))));
}
