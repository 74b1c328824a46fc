// One outcome: a stored meeting (?case=X&intake=ID, or ?case=X for its latest) or an unsaved preview (?preview=1).
import { ApiError, describeError, getCatalogue, getJson, safeNext } from './api.js';
import { clear, el, params } from './dom.js';
import { onLangChange, t, tx } from './i18n.js';
import { doneLoading, initLayout, showMessage, showMessageKey } from './layout.js';
import { renderOutcome } from './render-outcome.js';

const query = params();
const container = document.getElementById('outcome');
const links = document.getElementById('outcome-links');

const session = await initLayout({ page: 'outcome' });
if (session) await start();

async function start() {
  const view = query.get('preview') === '1' ? readPreview() : await loadStored();
  doneLoading();
  if (!view) return;
  let catalogue = null;
  try {
    catalogue = await getCatalogue();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return;
    // labels fall back to the codes themselves
  }
  view.catalogue = catalogue;
  buildLinks(view);
  render(view);
  onLangChange(() => render(view));
  // "Afdrukken" gives the short print for the case file (plan, picture, stage, first steps, sources: print.css);
  // "Alles afdrukken" everything, with the closed panels opened for the print and closed again afterwards.
  document.getElementById('print').addEventListener('click', () => {
    document.body.classList.remove('print-full');
    window.print();
  });
  document.getElementById('print-full').addEventListener('click', () => {
    document.body.classList.add('print-full');
    window.print();
  });
  let reopened = [];
  window.addEventListener('beforeprint', () => {
    // The short print carries the first steps; the full print every panel.
    const closed = document.body.classList.contains('print-full') ? 'details:not([open])' : '#rec-section:not([open])';
    reopened = [...container.querySelectorAll(closed)];
    for (const d of reopened) d.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const d of reopened) d.open = false;
    reopened = [];
    document.body.classList.remove('print-full');
  });
}

function readPreview() {
  let data = null;
  try {
    data = JSON.parse(sessionStorage.getItem('bp-preview') || 'null');
  } catch {
    data = null;
  }
  if (!data || !data.outcome) {
    showMessageKey('outcome.noPreview', undefined, { kind: 'info' });
    return null;
  }
  document.getElementById('preview-notice').hidden = false;
  const intake = data.intake || {};
  return {
    preview: true,
    outcome: data.outcome,
    intake,
    returnTo: data.returnTo ? safeNext(data.returnTo) : 'intake.html',
    meta: { caseId: intake.caseId || data.outcome.caseId, date: intake.date, observer: intake.observer || 'COACH' }
  };
}

async function loadStored() {
  const caseId = query.get('case');
  let intakeId = query.get('intake');
  if (!caseId) {
    showMessageKey('outcome.missingParams', undefined, { kind: 'info' });
    return null;
  }
  let detail;
  try {
    detail = await getJson(`/api/v1/cases/${encodeURIComponent(caseId)}`);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) showMessage(describeError(error));
    return null;
  }
  // Without an intake id: the case's latest meeting, the one a coach most often wants.
  const meetings = detail.meetings || [];
  const meeting = intakeId ? meetings.find((m) => String(m.intakeId) === String(intakeId)) : meetings[meetings.length - 1];
  if (meeting && !intakeId) intakeId = String(meeting.intakeId);
  if (!meeting) {
    showMessageKey('outcome.intakeNotFound', { id: intakeId, caseId });
    buildLinks({ caseId, preview: false, missing: true });
    return null;
  }
  tx(document.getElementById('outcome-heading'), 'outcome.headingCase', { caseId });
  return {
    preview: false,
    caseId,
    intakeId,
    outcome: meeting.outcome,
    intake: meeting.intake,
    // What moved since the previous meeting; the case reports it for its latest meeting.
    changes: detail.meetings.indexOf(meeting) === detail.meetings.length - 1 && detail.changes ? detail.changes : null,
    meta: {
      caseId,
      meeting: detail.meetings.indexOf(meeting) + 1, // its number within the case; meeting.meeting is a key
      version: meeting.version,
      date: meeting.date || (meeting.intake && meeting.intake.date),
      observer: meeting.observer || (meeting.intake && meeting.intake.observer),
      storedBy: meeting.storedBy,
      storedAt: meeting.storedAt,
      coachName: detail.coachName,
      ruleSetVersion: meeting.ruleSetVersion
    }
  };
}

function buildLinks(view) {
  clear(links);
  const items = [];
  const link = (id, key, href) => el('a', { id, href, class: 'button-link', i18n: [key] });
  if (view.preview) {
    items.push(link('link-back-to-form', 'link.backToForm', view.returnTo));
  } else {
    const c = encodeURIComponent(view.caseId);
    items.push(link('link-case', 'link.case', `case.html?id=${c}`));
    if (session.role === 'coach') {
      items.push(link('link-new-meeting', 'link.newMeeting', `intake.html?case=${c}`));
      if (!view.missing) {
        items.push(link('link-correct', 'link.correct',
          `intake.html?case=${c}&corrects=${encodeURIComponent(view.intakeId)}`));
      }
    }
  }
  if (!view.missing) {
    items.push(el('button', { type: 'button', id: 'print', class: 'button-secondary', i18n: ['print'] }));
    items.push(el('button', { type: 'button', id: 'print-full', class: 'button-secondary', i18n: ['printFull'] }));
  }
  links.append(el('ul', {}, items.map((item) => el('li', {}, item))));
}

function render(view) {
  const open = new Set([...container.querySelectorAll('details[open]')].map((d) => d.id));
  clear(container);
  renderOutcome(container, view.outcome, {
    catalogue: view.catalogue, intake: view.intake, meta: view.meta, open, changes: view.changes
  });
  document.title = `${t('outcome.heading')} ${view.meta.caseId || ''} — ${t('app.name')}`;
}
