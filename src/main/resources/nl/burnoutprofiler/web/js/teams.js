// The organisation's view of a unit: what recurs across its cases, in rounded figures, never a case.
import { ApiError, describeError, getCatalogue, getJson } from './api.js';
import { bi, clear, el, params, svg } from './dom.js';
import { getLang, onLangChange, t } from './i18n.js';
import { doneLoading, hideMessage, initLayout, showMessage, showMessageKey } from './layout.js';
import { shareCourseChart } from './charts.js';
import { codeIndex, stageName, typeName } from './render-outcome.js';

const KINDS = ['CONTEXT', 'BASIC_NEED', 'EARLY_SIGNAL', 'STRESS_SOURCE', 'PRESENTATION_TYPE', 'STAGE'];
// The course is drawn for the kinds the organisation acts on; every kind is in the quarter table.
const CHARTED = ['BASIC_NEED', 'EARLY_SIGNAL'];

const picker = document.getElementById('unit-picker');
const body = document.getElementById('team-body');

const session = await initLayout({ page: 'teams' });
if (session) await start();

async function start() {
  let units;
  let catalogue = null;
  try {
    [units, catalogue] = await Promise.all([
      getJson('/api/v1/units').then((list) => list.units),
      getCatalogue().catch(() => null)
    ]);
  } catch (error) {
    doneLoading();
    if (!(error instanceof ApiError && error.status === 401)) showMessage(describeError(error));
    return;
  }
  doneLoading();
  if (!units.length) {
    showMessageKey('teams.noUnits', undefined, { kind: 'info' });
    return;
  }
  const codes = codeIndex(catalogue);
  const wanted = params().get('unit');
  const select = el('select', { id: 'unit' }, units.map((unit) => el('option', { value: unit, text: unit })));
  select.value = units.includes(wanted) ? wanted : units[0];
  const print = el('button', { type: 'button', id: 'print', class: 'button-quiet', i18n: ['teams.print'] });
  print.addEventListener('click', () => window.print());
  picker.append(el('label', { for: 'unit', i18n: ['teams.unit'] }), ' ', select, ' ', print);
  const show = async () => {
    history.replaceState(null, '', `?unit=${encodeURIComponent(select.value)}`);
    await load(select.value, codes);
  };
  select.addEventListener('change', show);
  await show();
}

async function load(unit, codes) {
  clear(body);
  hideMessage();
  let signals;
  try {
    signals = await getJson(`/api/v1/units/${encodeURIComponent(unit)}/signals`);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) showMessage(describeError(error));
    return;
  }
  const render = () => {
    clear(body);
    body.append(...view(signals, codes));
  };
  render();
  onLangChange(render);
}

function label(kind, code, codes) {
  if (kind === 'PRESENTATION_TYPE') return document.createTextNode(typeName(code));
  if (kind === 'STAGE') return document.createTextNode(stageName(code));
  const info = codes.get(code);
  return info ? bi(info.nl, info.en) : el('span', { class: 'code', text: code });
}

function labelText(kind, code, codes) {
  if (kind === 'PRESENTATION_TYPE') return typeName(code);
  if (kind === 'STAGE') return stageName(code);
  const info = codes.get(code);
  if (!info) return code;
  return getLang() === 'en' ? info.en : info.nl;
}

function view(signals, codes) {
  const k = signals.minimumCount;
  const current = signals.current;
  const parts = [el('h2', { id: 'unit-heading', text: signals.unit })];
  if (!current.shown) {
    parts.push(el('p', { id: 'too-few', class: 'notice', i18n: ['teams.tooFew', { k }] }));
    parts.push(protection(k, signals.roundedTo));
    return parts;
  }
  parts.push(el('p', { id: 'unit-cases', i18n: ['teams.cases', { cases: current.cases, k, base: signals.roundedTo }] }));
  parts.push(el('p', { id: 'print-note', class: 'print-only', i18n: ['teams.printNote', { k }] }));
  if (signals.advice) parts.push(advice(signals.advice, codes));
  for (const kind of KINDS) {
    const cells = current.signals.filter((cell) => cell.kind === kind);
    if (cells.length) parts.push(section(kind, cells, codes, k));
  }
  parts.push(course(signals, codes));
  parts.push(protection(k, signals.roundedTo));
  return parts;
}

// What the organisation rules advise on the shown figures; rule ids only inside the "why" panel.
function advice(teamAdvice, codes) {
  const box = el('section', { class: 'outcome-section team-advice', id: 'advice' },
    el('h3', { i18n: ['teams.advice'] }));
  if (!teamAdvice.actions.length) {
    box.append(el('p', { i18n: ['teams.adviceNone'] }));
    return box;
  }
  box.append(el('ol', { class: 'recommendations' }, teamAdvice.actions.map((action) => el('li', { 'data-action': action.id },
    el('h4', {}, bi(action.title.nl, action.title.en)),
    bi(action.rationale.nl, action.rationale.en, { block: true }),
    el('p', { class: 'item-meta' },
      t('teams.who'), ': ', action.who.map((who) => t('teams.who.' + who)).join(', '), ' · ',
      t('teams.basedOn'), ': ',
      action.basedOn.map((cell) => `${labelText(cell.kind, cell.code, codes)} (${Math.round(cell.share * 100)}%)`).join(', ')),
    el('details', { class: 'why' },
      el('summary', { i18n: ['teams.why'] }),
      el('p', {}, t('teams.sources'), ': ', action.sources.join('; ')),
      el('p', { class: 'hint' }, t('teams.rules'), ': ', action.rules.join(', ')))))));
  return box;
}

function section(kind, cells, codes, k) {
  const rows = cells.map((cell) => el('tr', { 'data-code': cell.code, class: cell.count === undefined ? 'below-row' : false },
    el('th', { scope: 'row' }, label(kind, cell.code, codes)),
    cell.count === undefined
      ? el('td', { class: 'figure below-minimum', text: cell.shownAs, title: t('teams.belowTitle', { k }) })
      : el('td', { class: 'figure', text: `${cell.count} (${cell.share}%)` }),
    el('td', { class: 'share' }, cell.count === undefined ? null : shareBar(cell.share))));
  const nothingShown = cells.every((cell) => cell.count === undefined);
  return el('section', { class: nothingShown ? 'outcome-section nothing-shown' : 'outcome-section', id: `kind-${kind}` },
    el('h3', { i18n: [`teams.kind.${kind}`] }),
    el('table', { class: 'data-table team-table' },
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col', i18n: ['teams.signal'] }),
        el('th', { scope: 'col', i18n: ['teams.count'] }),
        el('th', { scope: 'col', i18n: ['teams.share'] }))),
      el('tbody', {}, rows)));
}

function shareBar(share) {
  return svg('svg', { class: 'share-bar', viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true' },
    svg('rect', { x: 0, y: 0, width: 100, height: 10, class: 'share-track' }),
    svg('rect', { x: 0, y: 0, width: Math.max(0, Math.min(100, share)), height: 10, class: 'share-fill' }));
}

function course(signals, codes) {
  const quarters = signals.course.map((period) => period.period);
  const box = el('section', { class: 'outcome-section', id: 'course' }, el('h3', { i18n: ['teams.course'] }));
  if (!signals.course.some((period) => period.shown)) {
    box.append(el('p', { class: 'notice', i18n: ['teams.courseTooFew', { k: signals.minimumCount }] }));
    return box;
  }
  for (const kind of CHARTED) {
    const codesOfKind = signals.current.signals.filter((cell) => cell.kind === kind).map((cell) => cell.code);
    const series = codesOfKind.map((code) => ({
      label: labelText(kind, code, codes),
      values: signals.course.map((period) => {
        const cell = period.signals.find((c) => c.kind === kind && c.code === code);
        return cell && cell.share !== undefined ? cell.share : null;
      })
    }));
    box.append(el('h4', { i18n: [`teams.kind.${kind}`] }), shareCourseChart(t(`teams.kind.${kind}`), quarters, series));
  }
  const shownQuarters = signals.course.filter((period) => period.shown);
  box.append(el('table', { class: 'data-table team-table', id: 'course-table' },
    el('caption', { i18n: ['teams.courseTable'] }),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col', i18n: ['teams.signal'] }),
      shownQuarters.map((period) => el('th', { scope: 'col', text: period.period })))),
    el('tbody', {},
      el('tr', {}, el('th', { scope: 'row', i18n: ['teams.casesRow'] }),
        shownQuarters.map((period) => el('td', { class: 'figure', text: String(period.cases) }))),
      signals.current.signals.map((cell) => el('tr', {},
        el('th', { scope: 'row' }, label(cell.kind, cell.code, codes)),
        shownQuarters.map((period) => {
          const c = period.signals.find((x) => x.kind === cell.kind && x.code === cell.code);
          return el('td', { class: c.count === undefined ? 'figure below-minimum' : 'figure', text: c.shownAs });
        }))))));
  return box;
}

function protection(k, base) {
  return el('section', { class: 'outcome-section', id: 'protection' },
    el('h3', { i18n: ['teams.protectionHeading'] }),
    el('p', { i18n: ['teams.protection', { k, base }] }));
}
