// The course of one case: score chart over the meetings, what changed, next steps, the meetings.
import { ApiError, describeError, getCatalogue, getJson } from './api.js';
import { bi, clear, el, formatDate, formatDateTime, formatScore, params } from './dom.js';
import { onLangChange, t, tx } from './i18n.js';
import { doneLoading, initLayout, showMessage, showMessageKey } from './layout.js';
import { TYPES, courseChart } from './charts.js';
import {
  codeIndex, codeLabel, questionItem, recommendationItem, safetyBadge, stageName, typeName
} from './render-outcome.js';

const caseId = params().get('id') || '';
const body = document.getElementById('case-body');

const session = await initLayout({ page: 'case' });
if (session) await start();

async function start() {
  if (!caseId) {
    doneLoading();
    showMessageKey('case.missingId', undefined, { kind: 'info' });
    return;
  }
  tx(document.getElementById('case-heading'), 'case.heading', { caseId });
  let detail;
  let catalogue = null;
  try {
    [detail, catalogue] = await Promise.all([
      getJson(`/api/v1/cases/${encodeURIComponent(caseId)}`),
      getCatalogue().catch((error) => {
        if (error instanceof ApiError && error.status === 401) throw error;
        return null; // labels fall back to codes
      })
    ]);
  } catch (error) {
    doneLoading();
    if (error instanceof ApiError && error.status === 401) return;
    if (error instanceof ApiError && error.status === 403) showMessageKey('case.forbidden');
    else if (error instanceof ApiError && error.status === 404) showMessageKey('case.notFound', { caseId });
    else showMessage(describeError(error));
    return;
  }
  doneLoading();
  const codes = codeIndex(catalogue);
  buildLinks();
  render(detail, codes);
  onLangChange(() => render(detail, codes));
}

function buildLinks() {
  const box = document.getElementById('case-links');
  clear(box);
  if (session.role === 'coach') {
    box.append(el('ul', {}, el('li', {}, el('a', {
      id: 'new-meeting', class: 'button-link', href: `intake.html?case=${encodeURIComponent(caseId)}`,
      i18n: ['link.newMeeting']
    }))));
  }
}

function render(detail, codes) {
  const meetings = detail.meetings || [];
  const coach = document.getElementById('case-coach');
  coach.textContent = detail.coachName || detail.coach
    ? `${t('meta.coach')}: ${detail.coachName || detail.coach}` : '';
  document.title = `${t('case.heading', { caseId })} — ${t('app.name')}`;
  clear(body);
  body.append(
    section('course', 'case.course', meetings.length
      ? el('div', { id: 'course-chart' }, courseChart(meetings))
      : el('p', { id: 'course-chart', text: t('case.noMeetings') })),
    section('changes-section', 'case.changes', changesBlock(detail.changes, codes)),
    section('next-steps-section', 'case.nextSteps', nextSteps(detail)),
    section('meetings-section', 'case.meetings', meetingList(meetings)));
  if (detail.cdsFeedback && detail.cdsFeedback.length) {
    body.insertBefore(section('cds-feedback-section', 'case.cdsFeedback', cdsFeedbackList(detail)),
      document.getElementById('meetings-section'));
  }
}

// What a coach did with the CDS Hooks cards of this case in a connected system (accepted / set aside, and why).
function cdsFeedbackList(detail) {
  const steps = new Map((detail.nextSteps || []).map((rec) => [rec.id, rec]));
  return el('ul', { id: 'cds-feedback', class: 'plain-list cds-feedback' }, detail.cdsFeedback.map((f) => {
    const rec = steps.get(f.recommendation);
    const reason = f.overrideReason || {};
    return el('li', { 'data-card': f.card, 'data-outcome': f.outcome },
      el('strong', { text: t('case.cdsFeedback.' + f.outcome) }), ' — ',
      rec ? bi(rec.title || rec.id, rec.titleEn || rec.id) : f.recommendation,
      el('span', { class: 'hint', text: ` · ${formatDateTime(f.outcomeTimestamp)} · ${t('case.cdsFeedback.from')} ${f.from}` }),
      reason.reason
        ? el('div', { class: 'cds-reason', text: `${t('case.cdsFeedback.reason')}: ${reason.reason.display || reason.reason.code}` })
        : null,
      reason.userComment
        ? el('div', { class: 'cds-comment' }, `${t('case.cdsFeedback.comment')}: `, el('q', { text: reason.userComment }))
        : null);
  }));
}

function section(id, key, ...content) {
  return el('section', { id, class: 'outcome-section', 'aria-labelledby': `${id}-heading` },
    el('h2', { id: `${id}-heading`, text: t(key) }), content);
}

function beforeAfter(change, name) {
  if (!change) return null;
  if (change.before === change.after) return t('case.unchanged', { value: name(change.after) });
  return `${name(change.before)} → ${name(change.after)}`;
}

function changesBlock(changes, codes) {
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

function nextSteps(detail) {
  const steps = detail.nextSteps || [];
  const questions = detail.nextQuestions || [];
  const box = el('div', { id: 'next-steps' });
  box.append(steps.length
    ? el('ol', { class: 'recommendations compact' },
      steps.map((rec) => recommendationItem(rec, { full: false, headingLevel: 3 })))
    : el('p', { text: t('rec.none') }));
  box.append(el('h3', { text: t('case.nextQuestions') }));
  box.append(questions.length
    ? el('ol', { id: 'case-next-questions', class: 'questions' }, questions.map((q) => questionItem(q, { full: false })))
    : el('p', { text: t('questions.none') }));
  return box;
}

function meetingList(meetings) {
  if (!meetings.length) return el('p', { id: 'meetings', text: t('case.noMeetings') });
  return el('ul', { id: 'meetings', class: 'meetings' }, meetings.map((m, i) => {
    const outcome = m.outcome || {};
    const p = outcome.presentation || {};
    const n = i + 1; // the meeting's number within the case; m.meeting is a database key
    const href = `outcome.html?case=${encodeURIComponent(caseId)}&intake=${encodeURIComponent(m.intakeId)}`;
    return el('li', { 'data-intake': m.intakeId, 'data-meeting': n },
      el('a', { href, class: 'meeting-link' }, `${t('case.meetingN', { n })} — ${formatDate(m.date)}`),
      el('span', { class: 'meeting-facts' },
        ` · ${t('case.primary')}: ${typeName(p.primary)} · ${t('case.stage')}: `
          + `${stageName(outcome.stage && outcome.stage.stage)} · `,
        safetyBadge(outcome.safety && outcome.safety.status),
        m.versions > 1 ? el('span', { class: 'versions' }, ` · ${t('case.versions', { n: m.versions })}`) : null));
  }));
}
