// The audit log keeps its details as the server wrote them: short English notes in a fixed form per action (the log is
// append-only and the operator's record). The admin reads them in the chosen language: each known form is matched
// here and retold through the i18n templates 'audit.detail.*'; a note in no known form is shown as it was written.
import { getLang, t } from './i18n.js';

const FORMS = {
  'sign-in-locked': [[/^(\d+) failed sign-ins (for this account from this address|for this account|from this address) \((.*)\) within (\d+) minutes; refused until (\S+)$/,
    (m) => ['audit.detail.locked', { attempts: m[1], scope: t('audit.scope.' + scope(m[2])), address: m[3], minutes: m[4], until: time(m[5]) }]]],
  'cds-cards': [[/^(\d+) cards$/, (m) => ['audit.detail.cards', { n: m[1] }]]],
  'cds-feedback': [[/^card (\S+) (accepted|overridden)$/, (m) => ['audit.detail.feedback.' + m[2], { card: m[1] }]]],
  'store-intake-refused': [
    [/^case (\S+) was erased: its id is not used again$/, () => ['audit.detail.erasedId', {}]],
    [/^case (\S+) belongs to another coach$/, () => ['audit.detail.otherCoach', {}]]],
  'list-cases': [[/^(\d+) cases$/, (m) => ['audit.detail.cases', { n: m[1] }]]],
  'read-case-refused': [
    [/^no such case$/, () => ['audit.detail.noSuchCase', {}]],
    [/^a case of another coach$/, () => ['audit.detail.otherCoach', {}]]],
  'read-case': [[/^(\d+) meetings$/, (m) => ['audit.detail.meetings', { n: m[1] }]]],
  'reload-rules': [[/^(\S+)$/, (m) => ['audit.detail.ruleSet', { version: m[1] }]]],
  'reload-rules-refused': [[/^(\d+) problems$/, (m) => ['audit.detail.problems', { n: m[1] }]]],
  'create-user': [[/^(\S+) as (\S+)$/, (m) => ['audit.detail.userAs', { user: m[1], role: role(m[2]) }]]],
  'create-token': [[/^(\S+) as (\S+)$/, (m) => ['audit.detail.tokenAs', { name: m[1], role: role(m[2]) }]]],
  'reset-password': [[/^(\S+), (\d+) sessions ended$/, (m) => ['audit.detail.reset', { user: m[1], sessions: m[2] }]]],
  'deactivate-user': [[/^(\S+), (\d+) sessions ended, (\d+) tokens revoked$/,
    (m) => ['audit.detail.deactivated', { user: m[1], sessions: m[2], tokens: m[3] }]]],
  'store-intake': [[/^intake (\d+), meeting (\d+), version (\d+)$/, (m) => ['audit.detail.intake', { intake: m[1], meeting: m[2], version: m[3] }]]],
  'correct-intake': [[/^intake (\d+), meeting (\d+), version (\d+)$/, (m) => ['audit.detail.intake', { intake: m[1], meeting: m[2], version: m[3] }]]],
  'set-unit': [[/^unit: (\S+) \(was: (\S+)\)$/, (m) => ['audit.detail.unit', { unit: unit(m[1]), before: unit(m[2]) }]]],
  'assign-unit': [[/^unit (\S+) to (\S+)$/, (m) => ['audit.detail.unitAssigned', { unit: m[1], user: m[2] }]]],
  'unassign-unit': [[/^unit (\S+) from (\S+)$/, (m) => ['audit.detail.unitUnassigned', { unit: m[1], user: m[2] }]]],
  'read-unit-signals': [[/^unit (\S+)$/, (m) => ['audit.detail.unitRead', { unit: m[1] }]]],
  'erase-case': [[/^reason: (.*); removed intakes: (\d+), CDS cards: (\d+), feedback: (\d+)$/,
    (m) => ['audit.detail.erased', { reason: m[1], intakes: m[2], cards: m[3], feedback: m[4] }]]]
};

function scope(description) {
  if (description === 'for this account from this address') return 'accountAddress';
  return description === 'for this account' ? 'account' : 'address';
}

function unit(label) {
  return label === 'none' ? t('audit.noUnit') : label;
}

function role(id) {
  const key = 'role.' + id;
  const text = t(key);
  return text === key ? id : text;
}

function time(iso) {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toLocaleString(getLang() === 'nl' ? 'nl-NL' : 'en-GB');
}

/** The detail of one audit entry in the chosen language, or as written when its form is not known here. */
export function auditDetail(action, detail) {
  if (!detail) return '';
  for (const [form, retell] of FORMS[action] || []) {
    const match = form.exec(detail);
    if (match) {
      const [key, params] = retell(match);
      return t(key, params);
    }
  }
  return detail;
}
