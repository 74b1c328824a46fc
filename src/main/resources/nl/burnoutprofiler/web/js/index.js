// Sends the signed-in user to the page of their role.
import { initLayout, showMessageKey, doneLoading } from './layout.js';

const session = await initLayout({ page: 'index' });
if (session) {
  switch (session.role) {
    case 'coach':
      location.replace('intake.html');
      break;
    case 'case-manager':
      location.replace('cases.html');
      break;
    case 'organisation':
      // the organisation sees its teams, never a case
      location.replace('teams.html');
      break;
    case 'admin':
      // admins read no cases; their page is users, tokens, rules and the audit log
      location.replace('admin.html');
      break;
    default:
      doneLoading();
      showMessageKey('index.integrator', undefined, { kind: 'info' });
  }
}
