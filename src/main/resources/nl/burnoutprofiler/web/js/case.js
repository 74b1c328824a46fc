// The course of one case: score chart over the meetings, what changed, next steps, the meetings.
import { api, ApiError, describeError, getCatalogue, getJson } from './api.js';
import { bi, clear, el, formatDate, formatDateTime, params } from './dom.js';
import { onLangChange, t, tx } from './i18n.js';
import { doneLoading, initLayout, showMessage, showMessageKey } from './layout.js';
import { courseChart } from './charts.js';
import { changesBlock } from './changes.js';
import {
  codeIndex, questionItem, recommendationItem, safetyBadge, stageName, typeName
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
    section('meetings-section', 'case.meetings', meetingList(meetings)),
    section('unit-section', 'case.unit', unitForm(detail)));
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

// The organisational unit of the case: only its rounded team figures ever reach the organisation.
function unitForm(detail) {
  const input = el('input', {
    id: 'case-unit', type: 'text', value: detail.unit || '', list: 'known-units', autocomplete: 'off',
    pattern: '[a-z0-9]([a-z0-9-]{0,58}[a-z0-9])?', 'aria-describedby': 'case-unit-hint case-unit-status'
  });
  const known = el('datalist', { id: 'known-units' });
  getJson('/api/v1/units').then((list) => known.append(...list.units.map((unit) => el('option', { value: unit }))))
    .catch(() => {}); // suggestions only
  const status = el('p', { id: 'case-unit-status', class: 'hint', role: 'status' });
  const save = el('button', { type: 'submit', id: 'save-unit', i18n: ['case.unitSave'] });
  const form = el('form', { id: 'unit-form', class: 'inline-form no-print', novalidate: true },
    el('label', { for: 'case-unit', i18n: ['case.unitLabel'] }), ' ', input, known, ' ', save,
    el('p', { id: 'case-unit-hint', class: 'hint', i18n: ['case.unitHint'] }), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const unit = input.value.trim();
    save.disabled = true;
    try {
      const saved = await api('PUT', `/api/v1/cases/${encodeURIComponent(caseId)}/unit`, { unit: unit || null });
      detail.unit = saved.unit;
      input.removeAttribute('aria-invalid');
      tx(status, saved.unit ? 'case.unitSaved' : 'case.unitCleared', { unit: saved.unit });
    } catch (error) {
      input.setAttribute('aria-invalid', 'true');
      status.removeAttribute('data-i18n');
      status.textContent = describeError(error);
    } finally {
      save.disabled = false;
    }
  });
  return form;
}

function section(id, key, ...content) {
  return el('section', { id, class: 'outcome-section', 'aria-labelledby': `${id}-heading` },
    el('h2', { id: `${id}-heading`, text: t(key) }), content);
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
