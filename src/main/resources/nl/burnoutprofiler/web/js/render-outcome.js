// Renders one engine outcome (contract section 2) in the order a coach needs it: safety first, then the
// presentation, stage, recommendations, what to avoid, follow-up questions and the full trace.
import { append, bi, el, formatDate, formatDateTime, formatScore } from './dom.js';
import { t, tx } from './i18n.js';
import { TYPES, typeBarChart } from './charts.js';
import { changesBlock } from './changes.js';

const STAGES = ['PRECONTEMPLATION', 'CONTEMPLATION', 'PREPARATION', 'ACTION', 'MAINTENANCE', 'RELAPSE'];
const SAFETY_ICON = { CLEAR: '✓', REFER: '⚠', URGENT: '‼' };

/** Label lookup for observation codes, built from GET /api/v1/catalogue (may be empty if it failed). */
export function codeIndex(catalogue) {
  const index = new Map();
  for (const code of (catalogue && catalogue.codes) || []) index.set(code.code, code);
  return index;
}

/** A code as its bilingual catalogue label; rulers.* evidence and unknown codes as words. */
export function codeLabel(code, codes) {
  const info = codes.get(code);
  if (info) return bi(info.nl, info.en);
  if (/^rulers\.(importance|confidence|readiness)$/.test(code)) return tx(el('span'), 'evidence.' + code);
  return el('span', { class: 'code', text: code });
}

export function typeName(type) {
  return t('type.' + (type || 'UNDETERMINED'));
}

export function stageName(stage) {
  return t('stage.' + (stage || 'UNDETERMINED'));
}

export function safetyBadge(status) {
  const s = status || 'CLEAR';
  return el('span', { class: `badge badge-safety badge-${s}` },
    el('span', { 'aria-hidden': 'true', text: SAFETY_ICON[s] || '' }), ' ', t('safety.short.' + s));
}

/**
 * Codes as chips. A code in `absent` (the intake recorded it as checked and not there) is evidence by its
 * absence: it says so in words, not only by its look. A code in `reported` (code to COLLEAGUE or MANAGER) was
 * reported by someone else: a signal to explore, tagged with who reported it.
 */
function codeList(codes, index, className = 'chips', absent = null, reported = {}) {
  return el('ul', { class: className }, codes.map((code) => {
    const notPresent = Boolean(absent && absent.has(code));
    const reportedBy = reported[code];
    return el('li', {
      'data-code': code, 'data-present': notPresent ? 'false' : false, class: notPresent ? 'chip-absent' : false,
      'data-reported-by': reportedBy || false
    },
    codeLabel(code, index),
    notPresent ? [el('span', { class: 'visually-hidden', text: ': ' }),
      el('span', { class: 'absent-tag', text: t('evidence.absent') })] : null,
    reportedBy ? [el('span', { class: 'visually-hidden', text: ', ' }),
      el('span', { class: 'reported-tag', text: t('evidence.reportedBy.' + reportedBy) })] : null);
  }));
}

/** The codes an intake recorded as checked-absent (present: false); empty without an intake. */
export function absentCodes(intake) {
  const codes = new Set();
  for (const o of (intake && intake.observations) || []) if (o && o.present === false) codes.add(o.code);
  return codes;
}

/** The works an item rests on. Rule ids stay in the "why" panel, with their titles. */
function sources(item) {
  if (!item.sources || !item.sources.length) return null;
  return el('p', { class: 'item-meta sources' },
    el('span', { class: 'meta-label', text: t('rec.sources') }), ' ', item.sources.join('; '));
}

// ---- sections ----

function safetySection(outcome, codes) {
  const safety = outcome.safety || { status: 'CLEAR', flags: [] };
  const status = safety.status || 'CLEAR';
  const section = el('section', {
    id: 'safety-banner', class: `safety safety-${status}`, 'data-status': status,
    'aria-labelledby': 'safety-heading', role: status === 'URGENT' ? 'alert' : false
  });
  const icon = el('span', { class: 'safety-icon', 'aria-hidden': 'true', text: SAFETY_ICON[status] || '' });
  if (status === 'CLEAR') {
    section.append(el('p', { id: 'safety-heading', class: 'safety-title' }, icon, ' ', t('safety.CLEAR')));
    return section;
  }
  section.append(
    el('h2', { id: 'safety-heading', class: 'safety-title' }, icon, ' ', t('safety.' + status)),
    el('p', { class: 'safety-waits', text: t('safety.waits') }));

  const recs = new Map((outcome.recommendations || []).map((r) => [r.id, r]));
  const flags = safety.flags || [];
  if (flags.length) {
    section.append(el('h3', { text: t('safety.flags') }));
    section.append(el('ul', { class: 'flags' }, flags.map((flag) => {
      const referral = recs.get(flag.referral);
      return el('li', { 'data-code': flag.code, 'data-status': flag.status },
        el('span', { class: `badge badge-safety badge-${flag.status}` },
          el('span', { 'aria-hidden': 'true', text: SAFETY_ICON[flag.status] || '' }), ' ',
          t('safety.word.' + flag.status)),
        ' ', el('strong', {}, codeLabel(flag.code, codes)),
        flag.referral ? el('span', { class: 'flag-referral' }, ' — ', t('safety.referral'), ' ',
          referral ? bi(referral.title, referral.titleEn) : flag.referral) : null);
    })));
  }
  // The referral's own reasoning, once per referral, so the banner says what to do and why.
  const seen = new Set();
  for (const flag of flags) {
    const referral = recs.get(flag.referral);
    if (!referral || seen.has(referral.id)) continue;
    seen.add(referral.id);
    section.append(el('div', { class: 'referral-text' },
      el('p', { class: 'referral-title' }, el('strong', {}, bi(referral.title, referral.titleEn))),
      bi(referral.rationale, referral.rationaleEn, { block: true })));
  }
  return section;
}

/**
 * The plan on top (outcome.summary): the one first step and why it comes first, what to say to the client, at
 * most two things to avoid now and three questions for the next meeting. The full lists follow below.
 */
function planSection(outcome) {
  const plan = outcome.summary;
  if (!plan) return null;
  const section = el('section', { id: 'plan', class: 'outcome-section plan', 'aria-labelledby': 'plan-heading' },
    el('h2', { id: 'plan-heading', text: t('plan.heading') }));
  const step = plan.firstStep;
  if (step) {
    section.append(el('div', { id: 'plan-first-step', 'data-id': step.id },
      el('p', { class: 'meta-label', text: t('plan.firstStep') }),
      el('p', { class: 'plan-step' }, el('strong', {}, bi(step.title, step.titleEn))),
      step.reason ? el('p', { id: 'plan-reason', class: 'plan-reason' },
        el('span', { class: 'meta-label', text: t('plan.why') }), ' ', bi(step.reason, step.reasonEn)) : null));
  }
  if (plan.sayToClient) {
    section.append(el('div', { id: 'plan-say' },
      el('p', { class: 'meta-label', text: t('plan.say') }),
      el('blockquote', { class: 'plan-say' }, bi(plan.sayToClient.nl, plan.sayToClient.en, { block: true }))));
  }
  const list = (id, key, items) => items && items.length ? el('div', { class: 'plan-list' },
    el('p', { class: 'meta-label', text: t(key) }),
    el('ul', { id }, items.map((item) => el('li', { 'data-id': item.id }, bi(item.text, item.textEn))))) : null;
  section.append(el('div', { class: 'plan-lists' },
    list('plan-avoid', 'plan.avoid', plan.avoidNow), list('plan-ask', 'plan.ask', plan.askNext)));
  return section;
}

function typeSection(outcome, codes, absent) {
  const p = outcome.presentation || {};
  const primary = p.primary || 'UNDETERMINED';
  const section = el('section', { id: 'presentation', class: 'outcome-section', 'aria-labelledby': 'type-heading' },
    el('h2', { id: 'type-heading', text: t('type.heading') }));

  section.append(el('p', { id: 'primary-type', class: 'primary-type', 'data-type': primary },
    el('span', { class: 'meta-label', text: t('type.primary') }), ' ', el('strong', { text: typeName(primary) })));
  if (primary === 'MIXED' || primary === 'UNDETERMINED') {
    section.append(el('p', { class: 'explain', id: 'primary-explain', text: t('type.explain.' + primary) }));
  }
  const secondary = p.secondary || [];
  section.append(el('p', { id: 'secondary-types', 'data-types': secondary.join(' ') },
    el('span', { class: 'meta-label', text: t(primary === 'UNDETERMINED' ? 'type.candidates' : 'type.secondary') }), ' ',
    secondary.length ? secondary.map(typeName).join(', ') : t('type.none')));
  section.append(el('p', { id: 'type-confidence', 'data-confidence': p.confidence || '' },
    el('span', { class: 'meta-label', text: t('type.confidence') }), ' ',
    p.confidence ? t('confidence.' + p.confidence) : '–'));

  section.append(el('div', { id: 'type-chart' }, typeBarChart(p.scores || {}, primary)));

  const evidence = p.evidence || {};
  const counter = p.counterEvidence || {};
  const reported = p.reportedBy || {};
  const box = el('div', { id: 'type-evidence', class: 'evidence' }, el('h3', { text: t('type.evidence') }));
  let any = false;
  let anyAbsent = false;
  for (const type of TYPES) {
    const pro = evidence[type] || [];
    const con = counter[type] || [];
    if (!pro.length && !con.length) continue;
    any = true;
    anyAbsent = anyAbsent || [...pro, ...con].some((code) => absent.has(code));
    box.append(el('div', { class: 'evidence-type', 'data-type': type },
      el('h4', { text: typeName(type) }),
      pro.length ? el('div', { class: 'evidence-for' },
        el('p', { class: 'meta-label', text: t('type.for') }), codeList(pro, codes, 'chips', absent, reported)) : null,
      con.length ? el('div', { class: 'evidence-against' },
        el('p', { class: 'meta-label', text: t('type.against') }),
        codeList(con, codes, 'chips chips-against', absent, reported)) : null));
  }
  if (!any) box.append(el('p', { text: t('type.noEvidence') }));
  if (anyAbsent) box.insertBefore(el('p', { id: 'absent-hint', class: 'hint', text: t('evidence.absentHint') }), box.children[1]);
  if (Object.keys(reported).length) {
    box.insertBefore(el('p', { id: 'reported-hint', class: 'hint', text: t('evidence.reportedHint') }), box.children[1]);
  }
  section.append(box);
  return section;
}

function stageSection(outcome, codes) {
  const s = outcome.stage || {};
  const stage = s.stage || 'UNDETERMINED';
  const section = el('section', { id: 'stage', class: 'outcome-section', 'aria-labelledby': 'stage-heading', 'data-stage': stage },
    el('h2', { id: 'stage-heading', text: t('stage.heading') }),
    el('p', { id: 'stage-name', class: 'primary-type' },
      el('span', { class: 'meta-label', text: t('stage.label') }), ' ', el('strong', { text: stageName(stage) })));
  if (stage === 'UNDETERMINED') section.append(el('p', { class: 'explain', text: t('stage.explain.UNDETERMINED') }));
  if (s.evidence && s.evidence.length) {
    section.append(el('div', { id: 'stage-evidence' },
      el('h3', { text: t('stage.evidence') }), codeList(s.evidence, codes)));
  }
  if (s.scores) {
    const scored = STAGES.filter((name) => typeof s.scores[name] === 'number' && s.scores[name] !== 0);
    if (scored.length) {
      section.append(el('div', { id: 'stage-scores' },
        el('h3', { text: t('stage.scores') }),
        el('ul', { class: 'inline-list' }, scored.map((name) => el('li', {},
          `${stageName(name)}: ${formatScore(s.scores[name])}`)))));
    }
  }
  const conflicts = s.conflicts || [];
  const box = el('div', { id: 'stage-conflicts', class: 'conflicts' }, el('h3', { text: t('stage.conflicts') }));
  if (!conflicts.length) box.append(el('p', { text: t('stage.noConflicts') }));
  else {
    box.append(el('ul', {}, conflicts.map((c) => el('li', { class: 'conflict' },
      bi(c.description, c.descriptionEn, { block: true }),
      c.codes && c.codes.length ? el('div', { class: 'conflict-codes' },
        el('span', { class: 'meta-label', text: t('stage.conflictCodes') }), codeList(c.codes, codes)) : null,
      sources(c)))));
  }
  section.append(box);
  return section;
}

/** One recommendation as a list item li[data-id]; `full` adds techniques, questions, sources and rules. */
export function recommendationItem(rec, { full = true, headingLevel = 3 } = {}) {
  const li = el('li', { 'data-id': rec.id, class: rec.waitsForReferral ? 'rec rec-waits' : 'rec' });
  li.append(el(`h${headingLevel}`, { class: 'rec-title' }, bi(rec.title || rec.id, rec.titleEn || rec.id)));
  if (rec.waitsForReferral) {
    li.append(el('p', { class: 'badge badge-waits' },
      el('span', { 'aria-hidden': 'true', text: '‖' }), ' ', t('rec.waits')));
  }
  if (full && rec.forType) {
    li.append(el('p', { class: 'rec-for' },
      el('span', { class: 'meta-label', text: t('rec.forType') }), ' ', typeName(rec.forType)));
  }
  if (rec.rationale || rec.rationaleEn) li.append(bi(rec.rationale, rec.rationaleEn, { block: true }));
  if (!full) return li;
  const sub = `h${headingLevel + 1}`;
  if (rec.techniques && rec.techniques.length) {
    li.append(el(sub, { text: t('rec.techniques') }),
      el('ul', { class: 'techniques' }, rec.techniques.map((x) => el('li', {}, bi(x.nl, x.en, { block: true })))));
  }
  if (rec.exampleQuestions && rec.exampleQuestions.length) {
    li.append(el(sub, { text: t('rec.questions') }),
      el('ul', { class: 'example-questions' },
        rec.exampleQuestions.map((x) => el('li', {}, bi(x.nl, x.en, { block: true })))));
  }
  const meta = sources(rec);
  if (meta) li.append(meta);
  return li;
}

/**
 * A full list below the plan, folded: the plan on top names its head, the coach opens the rest when needed. The
 * heading and the number of items stay in view.
 */
function foldedSection(id, headingId, key, count, open, children) {
  return el('details', { id, class: 'outcome-section folded', open: Boolean(open) },
    el('summary', {}, el('h2', { id: headingId, class: 'folded-title' },
      t(key), ' ', el('span', { class: 'folded-count', text: `(${count})` }))),
    children);
}

function recommendationsSection(outcome, open) {
  const recs = outcome.recommendations || [];
  return foldedSection('rec-section', 'rec-heading', 'rec.heading', recs.length, open.has('rec-section'), [
    el('ol', { id: 'recommendations', class: 'recommendations' }, recs.map((r) => recommendationItem(r))),
    recs.length ? null : el('p', { text: t('rec.none') })]);
}

function avoidSection(outcome, open) {
  const items = outcome.avoid || [];
  return foldedSection('avoid-section', 'avoid-heading', 'avoid.heading', items.length, open.has('avoid-section'), [
    el('ul', { id: 'avoid', class: 'avoid-list' }, items.map((a) => el('li', { 'data-id': a.id },
      el('h3', { class: 'avoid-title' }, bi(a.title || a.id, a.titleEn || a.id)),
      bi(a.reason, a.reasonEn, { block: true }),
      sources(a)))),
    items.length ? null : el('p', { text: t('avoid.none') })]);
}

/** One follow-up question: an object {id, question, questionEn, purpose, ...} or (older outcomes) a string. */
export function questionItem(q, { full = true } = {}) {
  if (typeof q === 'string') return el('li', { class: 'question' }, el('p', { lang: 'nl', class: 'question-text', text: q }));
  const li = el('li', { class: 'question', 'data-id': q.id || '' },
    bi(q.question, q.questionEn, { block: true, tag: 'div' }));
  li.firstChild.classList.add('question-text');
  if (q.purpose || q.purposeEn) {
    li.append(el('div', { class: 'question-purpose' },
      el('p', { class: 'meta-label', text: t('questions.purpose') }), bi(q.purpose, q.purposeEn, { block: true })));
  }
  if (full) {
    const meta = sources(q);
    if (meta) li.append(meta);
  }
  return li;
}

function questionsSection(outcome, open) {
  // `questions` carries the objects; `nextQuestions` the same questions as Dutch strings.
  const items = outcome.questions && outcome.questions.length ? outcome.questions : (outcome.nextQuestions || []);
  return foldedSection('questions-section', 'questions-heading', 'questions.heading', items.length,
    open.has('questions-section'), [
      el('ol', { id: 'next-questions', class: 'questions' }, items.map((q) => questionItem(q))),
      items.length ? null : el('p', { text: t('questions.none') })]);
}

function factItem(fact, codes) {
  const first = /^([A-Z][A-Z0-9_]+)\b/.exec(fact);
  const info = first && codes.get(first[1]);
  return el('li', {}, el('span', { class: 'fact' }, el('code', { text: fact })),
    info ? [' — ', bi(info.nl, info.en)] : null);
}

function whySection(outcome, codes, open) {
  const trace = outcome.trace || [];
  return el('details', { id: 'why', class: 'why', open: Boolean(open) },
    el('summary', {}, el('span', { class: 'summary-title', text: t('why.summary') })),
    el('p', { class: 'hint', text: t('why.lead') }),
    el('ol', { class: 'trace' }, trace.map((entry) => el('li', { 'data-rule': entry.rule },
      el('p', { class: 'trace-rule' }, el('code', { text: entry.rule }), ' ',
        bi(entry.title || '', entry.titleEn || '')),
      el('div', { class: 'trace-facts' },
        el('span', { class: 'meta-label', text: t('why.facts') }), ' ',
        entry.facts && entry.facts.length
          ? el('ul', { class: 'facts' }, entry.facts.map((f) => factItem(f, codes)))
          : t('why.noFacts'))))));
}

function intakeSection(intake, codes, open) {
  const box = el('details', { id: 'intake-summary', class: 'why', open: Boolean(open) },
    el('summary', {}, el('span', { class: 'summary-title', text: t('intakeSummary.summary') })));
  const observations = intake.observations || [];
  box.append(el('h3', { text: t('intakeSummary.observations') }));
  if (!observations.length) box.append(el('p', { text: t('intakeSummary.none') }));
  else {
    box.append(el('ul', { class: 'intake-observations' }, observations.map((o) => el('li', { 'data-code': o.code },
      el('strong', {}, codeLabel(o.code, codes)), ': ',
      o.present === false ? t('value.absentLong') : t('value.' + (o.intensity ?? 2)),
      o.note ? el('p', { class: 'obs-note' }, el('span', { class: 'meta-label', text: t('intakeSummary.noteLabel') }), ' ',
        el('span', { text: o.note })) : null))));
  }
  box.append(el('h3', { text: t('intakeSummary.rulers') }));
  const rulers = intake.rulers || {};
  const asked = ['importance', 'confidence', 'readiness'].filter((r) => rulers[r] !== undefined && rulers[r] !== null);
  box.append(asked.length
    ? el('ul', { class: 'inline-list' }, asked.map((r) => el('li', {}, `${t('ruler.' + r)}: ${rulers[r]}`)))
    : el('p', { text: t('intakeSummary.rulersNone') }));
  if (intake.notes) {
    box.append(el('h3', { text: t('intakeSummary.notes') }), el('p', { class: 'free-notes', text: intake.notes }));
  }
  return box;
}

function metaSection(outcome, meta) {
  const rows = [];
  const add = (key, value) => {
    if (value !== undefined && value !== null && value !== '') rows.push(el('div', {}, el('dt', { text: t(key) }), el('dd', { text: value })));
  };
  add('meta.case', meta.caseId || outcome.caseId);
  if (meta.meeting) add('meta.meeting', t('meta.meetingValue', { meeting: meta.meeting, version: meta.version || 1 }));
  add('meta.date', formatDate(meta.date));
  add('meta.observer', meta.observer ? t('observer.' + meta.observer) : '');
  add('meta.coach', meta.coachName);
  add('meta.storedBy', meta.storedBy);
  add('meta.storedAt', formatDateTime(meta.storedAt));
  add('meta.ruleSet', outcome.ruleSetVersion || meta.ruleSetVersion);
  return el('dl', { id: 'outcome-meta', class: 'meta-list' }, rows);
}

/**
 * Fills container with the outcome. options: catalogue, intake (shown at the end when given),
 * meta {caseId, meeting, version, date, observer, storedBy, storedAt, coachName}, open (ids of details to open),
 * changes (what moved since the previous meeting, shown under the plan when given).
 */
export function renderOutcome(container, outcome, { catalogue, intake, meta = {}, open = new Set(), changes = null } = {}) {
  const codes = codeIndex(catalogue);
  append(container, [
    metaSection(outcome, meta),
    safetySection(outcome, codes),
    planSection(outcome),
    changes ? el('section', { id: 'since-last', class: 'outcome-section', 'aria-labelledby': 'since-last-heading' },
      el('h2', { id: 'since-last-heading', text: t('outcome.sinceLast') }), changesBlock(changes, codes)) : null,
    typeSection(outcome, codes, absentCodes(intake)),
    stageSection(outcome, codes),
    recommendationsSection(outcome, open),
    avoidSection(outcome, open),
    questionsSection(outcome, open),
    whySection(outcome, codes, open.has('why'))]);
  if (intake) container.append(intakeSection(intake, codes, open.has('intake-summary')));
}
