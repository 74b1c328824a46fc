// All user-interface strings, Dutch (default) and English.
// Texts that come from the catalogue or the engine (labels, rationales, ...) are not here: they arrive in
// both languages and are shown with dom.bi().
//
// Static elements carry data-i18n="key" (their text) and data-i18n-attr="attr:key;attr:key";
// dynamic ones get the same attributes through tx()/txAttr(), so applyTexts() can redo every text after a
// language switch without rebuilding the page (and without losing what was typed).

const STORAGE_KEY = 'bp-lang';
export const LANGS = ['nl', 'en'];

const nl = {
  'app.name': 'Burnout-profiler',
  'app.tagline': 'Ondersteunt de professional; stelt nooit een diagnose.',
  'skip.toMain': 'Naar de inhoud',
  'nav.label': 'Hoofdmenu',
  'nav.intake': 'Nieuwe intake',
  'nav.cases': 'Casussen',
  'lang.switch': 'English',
  'lang.switchLabel': 'Switch to English',
  'user.signedInAs': 'Ingelogd als {name}',
  'user.signOut': 'Uitloggen',
  'role.coach': 'coach',
  'role.case-manager': 'casemanager',
  'role.admin': 'beheerder',
  'role.integrator': 'koppeling',
  'loading': 'Bezig met laden…',

  'error.network': 'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
  'error.forbidden': 'U hebt geen toegang tot deze gegevens met uw rol.',
  'error.notFound': 'Niet gevonden.',
  'error.conflict': 'Dit botst met wat al is opgeslagen.',
  'error.generic': 'Er ging iets mis ({status}).',

  // index
  'title.index': 'Burnout-profiler',
  'index.heading': 'Burnout-profiler',
  'index.redirecting': 'U wordt doorgestuurd…',
  'index.integrator': 'Deze rol gebruikt alleen de programmeerinterface (API); er is geen schermtoegang.',

  // login
  'title.login': 'Inloggen — Burnout-profiler',
  'login.heading': 'Inloggen',
  'login.username': 'Gebruikersnaam',
  'login.password': 'Wachtwoord',
  'login.submit': 'Inloggen',
  'login.failed': 'Onbekende gebruikersnaam of verkeerd wachtwoord.',
  'login.missing': 'Vul uw gebruikersnaam en wachtwoord in.',
  'login.signedOut': 'U bent uitgelogd.',

  // intake
  'title.intake': 'Intake — Burnout-profiler',
  'intake.heading': 'Intake van een gesprek',
  'intake.headingCorrection': 'Intake corrigeren',
  'intake.lead': 'Leg vast wat u in dit gesprek zag. Alleen wat u invult telt mee; “niet nagevraagd” is iets anders dan “afwezig”.',
  'intake.correction': 'U corrigeert gesprek {meeting} (versie {version}) van {date}. Opslaan maakt een nieuwe versie van dat gesprek; de oude versie blijft bewaard.',
  'intake.correctionNotFound': 'Intake {id} van casus {caseId} is niet gevonden; u maakt nu een nieuw gesprek.',
  'intake.existingCase': 'Nieuw gesprek in casus {caseId}.',
  'intake.notCoach': 'Alleen coaches kunnen gesprekken opslaan. U kunt wel beoordelen zonder op te slaan.',
  'intake.draftRestored': 'Uw niet-opgeslagen invoer is teruggezet.',
  'intake.discardDraft': 'Invoer wissen',
  'intake.draftDiscarded': 'De invoer is gewist.',
  'intake.section.meeting': 'Gesprek',
  'intake.caseId': 'Casus-ID (pseudoniem)',
  'intake.caseIdHint': 'Een pseudoniem zoals c-0042, nooit een naam. Letters, cijfers, punt, streepje en liggend streepje; hoogstens 64 tekens.',
  'intake.date': 'Datum van het gesprek',
  'intake.dateHint': 'Leeg laten betekent vandaag.',
  'intake.observer': 'Wie nam dit waar?',
  'observer.COACH': 'Coach',
  'observer.CLIENT': 'Cliënt (zelfrapportage)',
  'observer.COLLEAGUE': 'Collega',
  'observer.MANAGER': 'Leidinggevende',
  'observer.PHYSICIAN': 'Arts',
  'intake.section.observations': 'Waarnemingen',
  'intake.observationsLead': 'Kies per waarneming: niet nagevraagd (standaard), afwezig (nagevraagd en niet aanwezig), of aanwezig: 1 licht, 2 duidelijk, 3 sterk.',
  'intake.filter': 'Waarnemingen filteren',
  'intake.filterHint': 'Verbergt waarnemingen die niet bij de zoektekst passen. Ingevulde waarden blijven bewaard.',
  'intake.filterCount': '{shown} van {total} waarnemingen zichtbaar.',
  'intake.groupCount': '{n} ingevuld',
  'intake.expandAll': 'Alle groepen openen',
  'intake.collapseAll': 'Alle groepen sluiten',
  'value.none': 'niet nagevraagd',
  'value.absent': 'afwezig',
  'value.1': '1 licht',
  'value.2': '2 duidelijk',
  'value.3': '3 sterk',
  'value.absentLong': 'nagevraagd: afwezig',
  'intake.note': 'Notitie (optioneel)',
  'intake.section.rulers': 'Schaalvragen (0–10)',
  'intake.rulersLead': 'Leeg laten als de vraag niet gesteld is.',
  'ruler.importance': 'Belang',
  'ruler.confidence': 'Vertrouwen',
  'ruler.readiness': 'Bereidheid',
  'ruler.importanceHint': 'Hoe belangrijk is het voor de cliënt om te veranderen? 0 = helemaal niet, 10 = uiterst belangrijk.',
  'ruler.confidenceHint': 'Hoeveel vertrouwen heeft de cliënt dat het lukt? 0 = geen, 10 = volledig.',
  'ruler.readinessHint': 'Hoe klaar is de cliënt om er nu mee te beginnen? 0 = helemaal niet, 10 = helemaal klaar.',
  'intake.section.notes': 'Vrije notities',
  'intake.notes': 'Notities',
  'intake.notesHint': 'Worden bewaard en getoond, maar nooit door de regels gelezen.',
  'intake.submitStore': 'Opslaan en beoordelen',
  'intake.submitStoreCorrection': 'Correctie opslaan en beoordelen',
  'intake.submitAssess': 'Alleen beoordelen, niet opslaan',
  'intake.submitHint': '“Alleen beoordelen” toont de uitkomst zonder iets op te slaan.',
  'intake.storing': 'Bezig met opslaan en beoordelen…',
  'intake.assessing': 'Bezig met beoordelen…',
  'intake.catalogueFailed': 'De lijst met waarnemingen kon niet worden geladen.',

  'errors.heading.one': 'Controleer het formulier: 1 probleem',
  'errors.heading.other': 'Controleer het formulier: {n} problemen',
  'errors.serverHeading.one': 'De server heeft de intake niet aangenomen: 1 probleem',
  'errors.serverHeading.other': 'De server heeft de intake niet aangenomen: {n} problemen',
  'err.caseIdRequired': 'Vul een casus-ID in (een pseudoniem).',
  'err.caseIdPattern': 'Gebruik hoogstens 64 tekens: letters, cijfers, punt, streepje of liggend streepje. Geen spaties en nooit een naam.',
  'err.date': 'Vul een geldige datum in, bijvoorbeeld 2026-11-20, of laat het veld leeg.',
  'err.ruler': 'Vul een heel getal van 0 tot en met 10 in, of laat het veld leeg.',
  'err.noteWithoutValue': 'Er staat een notitie bij, maar geen waarde. Kies “afwezig” of 1, 2 of 3, of wis de notitie.',
  'field.caseId': 'Casus-ID',
  'field.date': 'Datum',
  'field.observer': 'Waarnemer',
  'field.notes': 'Notities',
  'field.note': 'notitie',
  'field.intake': 'Intake',

  // outcome
  'title.outcome': 'Uitkomst — Burnout-profiler',
  'outcome.heading': 'Uitkomst',
  'outcome.headingCase': 'Uitkomst casus {caseId}',
  'outcome.disclaimer': 'Dit hulpmiddel ondersteunt uw professionele oordeel; het stelt nooit een diagnose.',
  'outcome.preview': 'Voorbeeld: deze beoordeling is niet opgeslagen.',
  'outcome.noPreview': 'Er is geen voorbeeld om te tonen. Vul eerst een intake in.',
  'outcome.missingParams': 'Geen uitkomst gekozen. Open een gesprek vanuit een casus.',
  'outcome.intakeNotFound': 'Intake {id} is niet gevonden in casus {caseId} (misschien is hij gecorrigeerd).',
  'meta.case': 'Casus',
  'meta.date': 'Datum',
  'meta.observer': 'Waarnemer',
  'meta.meeting': 'Gesprek',
  'meta.meetingValue': '{meeting}, versie {version}',
  'meta.storedBy': 'Opgeslagen door',
  'meta.storedAt': 'Opgeslagen op',
  'meta.ruleSet': 'Regelset',
  'meta.coach': 'Coach',
  'link.case': 'Naar de casus',
  'link.newMeeting': 'Nieuw gesprek',
  'link.correct': 'Deze intake corrigeren',
  'link.backToForm': 'Terug naar het formulier',
  'print': 'Afdrukken',

  'safety.heading': 'Veiligheid',
  'safety.CLEAR': 'Veiligheid: geen signalen die om doorverwijzing vragen.',
  'safety.REFER': 'Doorverwijzen: eerst kijkt een professional',
  'safety.URGENT': 'Urgent: vandaag nog doorverwijzen',
  'safety.waits': 'Het coachingsadvies hieronder wacht op de verwijzing. Begin met de eerste aanbeveling.',
  'safety.flags': 'Signalen',
  'safety.referral': 'Verwijzing:',
  'safety.word.CLEAR': 'geen signalen',
  'safety.word.REFER': 'doorverwijzen',
  'safety.word.URGENT': 'urgent',
  'safety.short.CLEAR': 'Geen signalen',
  'safety.short.REFER': 'Doorverwijzen',
  'safety.short.URGENT': 'Urgent',

  'type.heading': 'Beeld',
  'type.CONTEXTUAL': 'contextueel',
  'type.RELATIONAL': 'relationeel',
  'type.PHYSIOLOGICAL': 'fysiologisch',
  'type.IDENTITY': 'identiteit',
  'type.MIXED': 'gemengd',
  'type.UNDETERMINED': 'onbepaald',
  'type.primary': 'Primair beeld:',
  'type.secondary': 'Daarnaast:',
  'type.candidates': 'In beeld:',
  'type.none': 'geen',
  'type.confidence': 'Zekerheid:',
  'confidence.LOW': 'laag',
  'confidence.MEDIUM': 'middel',
  'confidence.HIGH': 'hoog',
  'type.explain.MIXED': 'Gemengd: twee of meer beelden wegen ongeveer even zwaar. Lees de aanbevelingen in hun volgorde.',
  'type.explain.UNDETERMINED': 'Onbepaald: de aanwijzingen zijn te dun of te gelijk verdeeld om één beeld te noemen. De vervolgvragen helpen dat te verhelderen.',
  'type.evidence': 'Aanwijzingen per beeld',
  'type.for': 'Aanwijzingen voor',
  'type.against': 'Aanwijzingen tegen',
  'type.noEvidence': 'Geen aanwijzingen vastgelegd.',
  'chart.typeTitle': 'Scores van de vier beelden',
  'chart.typeDesc': 'Staafdiagram. {list}.',
  'chart.score': 'Score',
  'chart.type': 'Beeld',
  'chart.primaryMark': '(primair)',

  'stage.heading': 'Veranderfase',
  'stage.label': 'Fase:',
  'stage.PRECONTEMPLATION': 'voorbeschouwing',
  'stage.CONTEMPLATION': 'overpeinzing',
  'stage.PREPARATION': 'voorbereiding',
  'stage.ACTION': 'actie',
  'stage.MAINTENANCE': 'consolidatie',
  'stage.RELAPSE': 'terugval',
  'stage.UNDETERMINED': 'onbepaald',
  'stage.explain.UNDETERMINED': 'Onbepaald: de kenmerken en schaalvragen geven geen duidelijke fase. De vervolgvragen helpen.',
  'stage.evidence': 'Aanwijzingen',
  'stage.scores': 'Scores per fase',
  'stage.conflicts': 'Tegenstrijdigheden',
  'stage.noConflicts': 'Geen tegenstrijdigheden.',
  'stage.conflictCodes': 'Betreft:',

  'rec.heading': 'Aanbevelingen',
  'rec.none': 'Geen aanbevelingen.',
  'rec.waits': 'Wacht op verwijzing',
  'rec.forType': 'Bij beeld:',
  'rec.techniques': 'Werkwijze',
  'rec.questions': 'Voorbeeldvragen',
  'rec.sources': 'Bronnen:',
  'rec.rules': 'Regels:',
  'avoid.heading': 'Liever niet',
  'avoid.none': 'Niets om te vermijden.',
  'questions.heading': 'Vervolgvragen',
  'questions.none': 'Geen vervolgvragen.',
  'questions.purpose': 'Waarom deze vraag:',
  'why.summary': 'Waarom? Alle regels die afgingen',
  'why.lead': 'Elke regel die afging, met de feiten waarop hij paste.',
  'why.facts': 'Feiten:',
  'why.noFacts': 'geen',
  'intakeSummary.summary': 'Vastgelegde intake',
  'intakeSummary.observations': 'Waarnemingen',
  'intakeSummary.none': 'Geen waarnemingen vastgelegd.',
  'intakeSummary.rulers': 'Schaalvragen',
  'intakeSummary.rulersNone': 'Niet gevraagd.',
  'intakeSummary.notes': 'Notities',
  'intakeSummary.noteLabel': 'Notitie:',
  'evidence.rulers.importance': 'schaalvraag belang',
  'evidence.rulers.confidence': 'schaalvraag vertrouwen',
  'evidence.rulers.readiness': 'schaalvraag bereidheid',

  // cases
  'title.cases': 'Casussen — Burnout-profiler',
  'cases.heading': 'Casussen',
  'cases.filters': 'Filters',
  'cases.filterCoach': 'Coach',
  'cases.filterType': 'Beeld',
  'cases.filterStage': 'Fase',
  'cases.filterSafety': 'Veiligheid',
  'cases.any': 'alle',
  'cases.apply': 'Filter toepassen',
  'cases.reset': 'Filters wissen',
  'cases.caption': 'Casussen, nieuwste gesprek eerst',
  'cases.count.one': '1 casus gevonden.',
  'cases.count.other': '{n} casussen gevonden.',
  'cases.col.case': 'Casus',
  'cases.col.type': 'Beeld (laatste)',
  'cases.col.stage': 'Fase',
  'cases.col.safety': 'Veiligheid',
  'cases.col.date': 'Laatste gesprek',
  'cases.col.coach': 'Coach',
  'cases.col.meetings': 'Gesprekken',
  'cases.empty': 'Geen casussen gevonden.',
  'cases.emptyFiltered': 'Geen casussen die bij deze filters passen.',
  'cases.forbidden': 'Met uw rol kunt u geen casussen lezen.',

  // case
  'title.case': 'Casus — Burnout-profiler',
  'case.heading': 'Casus {caseId}',
  'case.missingId': 'Geen casus gekozen.',
  'case.course': 'Verloop',
  'case.changes': 'Wat veranderde sinds het vorige gesprek',
  'case.firstMeeting': 'Eerste gesprek: er is nog niets om mee te vergelijken.',
  'case.changesRange': 'Van {from} tot {to}',
  'case.primary': 'Primair beeld',
  'case.stage': 'Fase',
  'case.safety': 'Veiligheid',
  'case.unchanged': '{value} (ongewijzigd)',
  'case.scores': 'Scores',
  'case.before': 'Vorige',
  'case.after': 'Nu',
  'case.delta': 'Verschil',
  'case.added': 'Nieuw waargenomen',
  'case.removed': 'Niet meer waargenomen',
  'case.intensity': 'Intensiteit veranderd',
  'case.rulers': 'Schaalvragen',
  'case.notAsked': 'niet gevraagd',
  'case.nextSteps': 'Volgende stappen',
  'case.nextQuestions': 'Vervolgvragen',
  'case.meetings': 'Gesprekken',
  'case.meetingN': 'Gesprek {n}',
  'case.versions': '{n} versies',
  'case.noMeetings': 'Nog geen gesprekken.',
  'case.forbidden': 'Deze casus is niet van u, of uw rol kan geen casussen lezen.',
  'case.notFound': 'Casus {caseId} bestaat niet.',
  'chart.courseTitle': 'Verloop van de scores per gesprek',
  'chart.courseDesc': 'Lijndiagram met de scores van de vier beelden per gesprek en de fase per gesprek eronder.',
  'chart.legend': 'Legenda',
  'chart.stageRow': 'Fase',
  'chart.safetyRow': 'Veiligheid',
  'chart.date': 'Datum',
  'chart.scrollHint': 'Verloopgrafiek (scrollbaar)'
};

const en = {
  'app.name': 'Burnout profiler',
  'app.tagline': 'Supports the professional; never diagnoses.',
  'skip.toMain': 'Skip to content',
  'nav.label': 'Main menu',
  'nav.intake': 'New intake',
  'nav.cases': 'Cases',
  'lang.switch': 'Nederlands',
  'lang.switchLabel': 'Naar het Nederlands',
  'user.signedInAs': 'Signed in as {name}',
  'user.signOut': 'Sign out',
  'role.coach': 'coach',
  'role.case-manager': 'case manager',
  'role.admin': 'administrator',
  'role.integrator': 'integration',
  'loading': 'Loading…',

  'error.network': 'The server cannot be reached. Check the connection and try again.',
  'error.forbidden': 'Your role does not give access to this information.',
  'error.notFound': 'Not found.',
  'error.conflict': 'This conflicts with what is already stored.',
  'error.generic': 'Something went wrong ({status}).',

  'title.index': 'Burnout profiler',
  'index.heading': 'Burnout profiler',
  'index.redirecting': 'Redirecting…',
  'index.integrator': 'This role uses the programming interface (API) only; there is no screen access.',

  'title.login': 'Sign in — Burnout profiler',
  'login.heading': 'Sign in',
  'login.username': 'User name',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.failed': 'Unknown user name or wrong password.',
  'login.missing': 'Enter your user name and password.',
  'login.signedOut': 'You have signed out.',

  'title.intake': 'Intake — Burnout profiler',
  'intake.heading': 'Intake of a meeting',
  'intake.headingCorrection': 'Correct an intake',
  'intake.lead': 'Record what you saw in this meeting. Only what you fill in counts; “not assessed” differs from “absent”.',
  'intake.correction': 'You are correcting meeting {meeting} (version {version}) of {date}. Saving makes a new version of that meeting; the old version is kept.',
  'intake.correctionNotFound': 'Intake {id} of case {caseId} was not found; you are now recording a new meeting.',
  'intake.existingCase': 'New meeting in case {caseId}.',
  'intake.notCoach': 'Only coaches can save meetings. You can still assess without saving.',
  'intake.draftRestored': 'Your unsaved input has been restored.',
  'intake.discardDraft': 'Clear input',
  'intake.draftDiscarded': 'The input has been cleared.',
  'intake.section.meeting': 'Meeting',
  'intake.caseId': 'Case ID (pseudonym)',
  'intake.caseIdHint': 'A pseudonym such as c-0042, never a name. Letters, digits, dot, hyphen and underscore; at most 64 characters.',
  'intake.date': 'Date of the meeting',
  'intake.dateHint': 'Leave empty for today.',
  'intake.observer': 'Who observed this?',
  'observer.COACH': 'Coach',
  'observer.CLIENT': 'Client (self-report)',
  'observer.COLLEAGUE': 'Colleague',
  'observer.MANAGER': 'Manager',
  'observer.PHYSICIAN': 'Physician',
  'intake.section.observations': 'Observations',
  'intake.observationsLead': 'For each observation choose: not assessed (default), absent (checked and not there), or present: 1 slight, 2 clear, 3 strong.',
  'intake.filter': 'Filter observations',
  'intake.filterHint': 'Hides observations that do not match the text. Values already chosen are kept.',
  'intake.filterCount': '{shown} of {total} observations shown.',
  'intake.groupCount': '{n} filled in',
  'intake.expandAll': 'Open all groups',
  'intake.collapseAll': 'Close all groups',
  'value.none': 'not assessed',
  'value.absent': 'absent',
  'value.1': '1 slight',
  'value.2': '2 clear',
  'value.3': '3 strong',
  'value.absentLong': 'checked: absent',
  'intake.note': 'Note (optional)',
  'intake.section.rulers': 'Rulers (0–10)',
  'intake.rulersLead': 'Leave empty when the question was not asked.',
  'ruler.importance': 'Importance',
  'ruler.confidence': 'Confidence',
  'ruler.readiness': 'Readiness',
  'ruler.importanceHint': 'How important is it for the client to change? 0 = not at all, 10 = extremely important.',
  'ruler.confidenceHint': 'How confident is the client of succeeding? 0 = not at all, 10 = fully.',
  'ruler.readinessHint': 'How ready is the client to start now? 0 = not at all, 10 = completely ready.',
  'intake.section.notes': 'Free notes',
  'intake.notes': 'Notes',
  'intake.notesHint': 'Stored and shown, but never read by the rules.',
  'intake.submitStore': 'Save and assess',
  'intake.submitStoreCorrection': 'Save correction and assess',
  'intake.submitAssess': 'Assess only, do not save',
  'intake.submitHint': '“Assess only” shows the outcome without storing anything.',
  'intake.storing': 'Saving and assessing…',
  'intake.assessing': 'Assessing…',
  'intake.catalogueFailed': 'The list of observations could not be loaded.',

  'errors.heading.one': 'Please check the form: 1 problem',
  'errors.heading.other': 'Please check the form: {n} problems',
  'errors.serverHeading.one': 'The server did not accept the intake: 1 problem',
  'errors.serverHeading.other': 'The server did not accept the intake: {n} problems',
  'err.caseIdRequired': 'Enter a case ID (a pseudonym).',
  'err.caseIdPattern': 'Use at most 64 characters: letters, digits, dot, hyphen or underscore. No spaces and never a name.',
  'err.date': 'Enter a valid date, for example 2026-11-20, or leave the field empty.',
  'err.ruler': 'Enter a whole number from 0 to 10, or leave the field empty.',
  'err.noteWithoutValue': 'There is a note but no value. Choose “absent” or 1, 2 or 3, or clear the note.',
  'field.caseId': 'Case ID',
  'field.date': 'Date',
  'field.observer': 'Observer',
  'field.notes': 'Notes',
  'field.note': 'note',
  'field.intake': 'Intake',

  'title.outcome': 'Outcome — Burnout profiler',
  'outcome.heading': 'Outcome',
  'outcome.headingCase': 'Outcome for case {caseId}',
  'outcome.disclaimer': 'This tool supports your professional judgement; it never diagnoses.',
  'outcome.preview': 'Preview: this assessment has not been saved.',
  'outcome.noPreview': 'There is no preview to show. Fill in an intake first.',
  'outcome.missingParams': 'No outcome chosen. Open a meeting from a case.',
  'outcome.intakeNotFound': 'Intake {id} was not found in case {caseId} (it may have been corrected).',
  'meta.case': 'Case',
  'meta.date': 'Date',
  'meta.observer': 'Observer',
  'meta.meeting': 'Meeting',
  'meta.meetingValue': '{meeting}, version {version}',
  'meta.storedBy': 'Saved by',
  'meta.storedAt': 'Saved at',
  'meta.ruleSet': 'Rule set',
  'meta.coach': 'Coach',
  'link.case': 'To the case',
  'link.newMeeting': 'New meeting',
  'link.correct': 'Correct this intake',
  'link.backToForm': 'Back to the form',
  'print': 'Print',

  'safety.heading': 'Safety',
  'safety.CLEAR': 'Safety: no signs that call for a referral.',
  'safety.REFER': 'Refer: a professional looks first',
  'safety.URGENT': 'Urgent: refer today',
  'safety.waits': 'The coaching advice below waits for the referral. Start with the first recommendation.',
  'safety.flags': 'Signs',
  'safety.referral': 'Referral:',
  'safety.word.CLEAR': 'no signs',
  'safety.word.REFER': 'refer',
  'safety.word.URGENT': 'urgent',
  'safety.short.CLEAR': 'No signs',
  'safety.short.REFER': 'Refer',
  'safety.short.URGENT': 'Urgent',

  'type.heading': 'Presentation',
  'type.CONTEXTUAL': 'contextual',
  'type.RELATIONAL': 'relational',
  'type.PHYSIOLOGICAL': 'physiological',
  'type.IDENTITY': 'identity',
  'type.MIXED': 'mixed',
  'type.UNDETERMINED': 'undetermined',
  'type.primary': 'Primary presentation:',
  'type.secondary': 'Also:',
  'type.candidates': 'In view:',
  'type.none': 'none',
  'type.confidence': 'Confidence:',
  'confidence.LOW': 'low',
  'confidence.MEDIUM': 'medium',
  'confidence.HIGH': 'high',
  'type.explain.MIXED': 'Mixed: two or more presentations weigh about the same. Read the recommendations in their order.',
  'type.explain.UNDETERMINED': 'Undetermined: the evidence is too thin or too evenly spread to name one presentation. The follow-up questions help to clarify it.',
  'type.evidence': 'Evidence per presentation',
  'type.for': 'Evidence for',
  'type.against': 'Evidence against',
  'type.noEvidence': 'No evidence recorded.',
  'chart.typeTitle': 'Scores of the four presentations',
  'chart.typeDesc': 'Bar chart. {list}.',
  'chart.score': 'Score',
  'chart.type': 'Presentation',
  'chart.primaryMark': '(primary)',

  'stage.heading': 'Stage of change',
  'stage.label': 'Stage:',
  'stage.PRECONTEMPLATION': 'precontemplation',
  'stage.CONTEMPLATION': 'contemplation',
  'stage.PREPARATION': 'preparation',
  'stage.ACTION': 'action',
  'stage.MAINTENANCE': 'maintenance',
  'stage.RELAPSE': 'relapse',
  'stage.UNDETERMINED': 'undetermined',
  'stage.explain.UNDETERMINED': 'Undetermined: the markers and rulers do not settle a stage. The follow-up questions help.',
  'stage.evidence': 'Evidence',
  'stage.scores': 'Scores per stage',
  'stage.conflicts': 'Conflicts',
  'stage.noConflicts': 'No conflicts.',
  'stage.conflictCodes': 'Concerns:',

  'rec.heading': 'Recommendations',
  'rec.none': 'No recommendations.',
  'rec.waits': 'Waits for referral',
  'rec.forType': 'For presentation:',
  'rec.techniques': 'How',
  'rec.questions': 'Example questions',
  'rec.sources': 'Sources:',
  'rec.rules': 'Rules:',
  'avoid.heading': 'Better avoid',
  'avoid.none': 'Nothing to avoid.',
  'questions.heading': 'Follow-up questions',
  'questions.none': 'No follow-up questions.',
  'questions.purpose': 'Why ask:',
  'why.summary': 'Why? Every rule that fired',
  'why.lead': 'Every rule that fired, with the facts it matched.',
  'why.facts': 'Facts:',
  'why.noFacts': 'none',
  'intakeSummary.summary': 'Recorded intake',
  'intakeSummary.observations': 'Observations',
  'intakeSummary.none': 'No observations recorded.',
  'intakeSummary.rulers': 'Rulers',
  'intakeSummary.rulersNone': 'Not asked.',
  'intakeSummary.notes': 'Notes',
  'intakeSummary.noteLabel': 'Note:',
  'evidence.rulers.importance': 'importance ruler',
  'evidence.rulers.confidence': 'confidence ruler',
  'evidence.rulers.readiness': 'readiness ruler',

  'title.cases': 'Cases — Burnout profiler',
  'cases.heading': 'Cases',
  'cases.filters': 'Filters',
  'cases.filterCoach': 'Coach',
  'cases.filterType': 'Presentation',
  'cases.filterStage': 'Stage',
  'cases.filterSafety': 'Safety',
  'cases.any': 'any',
  'cases.apply': 'Apply filters',
  'cases.reset': 'Clear filters',
  'cases.caption': 'Cases, latest meeting first',
  'cases.count.one': '1 case found.',
  'cases.count.other': '{n} cases found.',
  'cases.col.case': 'Case',
  'cases.col.type': 'Presentation (latest)',
  'cases.col.stage': 'Stage',
  'cases.col.safety': 'Safety',
  'cases.col.date': 'Latest meeting',
  'cases.col.coach': 'Coach',
  'cases.col.meetings': 'Meetings',
  'cases.empty': 'No cases found.',
  'cases.emptyFiltered': 'No cases match these filters.',
  'cases.forbidden': 'Your role cannot read cases.',

  'title.case': 'Case — Burnout profiler',
  'case.heading': 'Case {caseId}',
  'case.missingId': 'No case chosen.',
  'case.course': 'Course',
  'case.changes': 'What changed since the previous meeting',
  'case.firstMeeting': 'First meeting: nothing to compare with yet.',
  'case.changesRange': 'From {from} to {to}',
  'case.primary': 'Primary presentation',
  'case.stage': 'Stage',
  'case.safety': 'Safety',
  'case.unchanged': '{value} (unchanged)',
  'case.scores': 'Scores',
  'case.before': 'Before',
  'case.after': 'Now',
  'case.delta': 'Change',
  'case.added': 'Newly observed',
  'case.removed': 'No longer observed',
  'case.intensity': 'Intensity changed',
  'case.rulers': 'Rulers',
  'case.notAsked': 'not asked',
  'case.nextSteps': 'Next steps',
  'case.nextQuestions': 'Follow-up questions',
  'case.meetings': 'Meetings',
  'case.meetingN': 'Meeting {n}',
  'case.versions': '{n} versions',
  'case.noMeetings': 'No meetings yet.',
  'case.forbidden': 'This case is not yours, or your role cannot read cases.',
  'case.notFound': 'Case {caseId} does not exist.',
  'chart.courseTitle': 'Course of the scores per meeting',
  'chart.courseDesc': 'Line chart of the four presentation scores per meeting, with the stage per meeting below.',
  'chart.legend': 'Legend',
  'chart.stageRow': 'Stage',
  'chart.safetyRow': 'Safety',
  'chart.date': 'Date',
  'chart.scrollHint': 'Course chart (scrollable)'
};

const DICTS = { nl, en };
const listeners = [];

function stored() {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return LANGS.includes(v) ? v : 'nl';
  } catch {
    return 'nl';
  }
}

let lang = stored();
document.documentElement.lang = lang;

export function getLang() {
  return lang;
}

export function otherLang() {
  return lang === 'nl' ? 'en' : 'nl';
}

/** The text for key in the current language, {name} placeholders filled from params. */
export function t(key, params) {
  return format(DICTS[lang][key] ?? DICTS.nl[key] ?? key, params);
}

function format(text, params) {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** key.one or key.other, for texts that depend on a count. */
export function plural(key, n) {
  return key + (n === 1 ? '.one' : '.other');
}

/** The text for key in a given language (for the few lines shown in both languages at once). */
export function tIn(language, key, params) {
  return format((DICTS[language] || DICTS.nl)[key] ?? DICTS.nl[key] ?? key, params);
}

/** Sets el's text to key now and after every language switch. Returns el. */
export function tx(el, key, params) {
  el.setAttribute('data-i18n', key);
  if (params) el.setAttribute('data-i18n-args', JSON.stringify(params));
  else el.removeAttribute('data-i18n-args');
  el.textContent = t(key, params);
  return el;
}

/** Sets attribute attr of el to key now and after every language switch. */
export function txAttr(el, attr, key, params) {
  const rest = (el.getAttribute('data-i18n-attr') || '')
    .split(';').filter((p) => p && !p.startsWith(attr + ':'));
  rest.push(attr + ':' + key + (params ? ':' + encodeURIComponent(JSON.stringify(params)) : ''));
  el.setAttribute('data-i18n-attr', rest.join(';'));
  el.setAttribute(attr, t(key, params));
  return el;
}

/** Redoes the texts of every element marked by tx/txAttr or data-i18n in the HTML. */
export function applyTexts(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    const args = el.getAttribute('data-i18n-args');
    el.textContent = t(el.getAttribute('data-i18n'), args ? JSON.parse(args) : undefined);
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const part of el.getAttribute('data-i18n-attr').split(';')) {
      if (!part) continue;
      const [attr, key, args] = part.split(':');
      el.setAttribute(attr, t(key, args ? JSON.parse(decodeURIComponent(args)) : undefined));
    }
  }
}

export function onLangChange(callback) {
  listeners.push(callback);
}

export function setLang(next) {
  if (!LANGS.includes(next) || next === lang) return;
  lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice then lasts for this page only
  }
  document.documentElement.lang = lang;
  applyTexts();
  for (const callback of listeners) callback(lang);
}
