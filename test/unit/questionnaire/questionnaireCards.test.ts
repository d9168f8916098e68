import { describe, expect, it } from 'vitest';
import { questionnaireExportCardJson } from '../../../cards/questionnaireExportCard';
import { TYPED_VALUE_MAX_LENGTH } from '../../../cards/questionnaireInputs';
import { questionnaireProgressCardJson } from '../../../cards/questionnaireProgressCard';
import { projectChoiceCard } from '../../../cards/projectChoiceCard';
import { questionnaireSectionCardJson, sectionViewAfterSave, type SectionCardView } from '../../../cards/questionnaireSectionCard';
import { CARD_BUDGET_BYTES, teamsMessageBytes } from '../../../cards/teamsMessageSize';
import { Verbs } from '../../../cards/verbs';
import type { ProjectSummary } from '../../../bot/migration/projects/project';
import { emptyQuestionnaire, type QuestionnaireRecord } from '../../../bot/migration/questionnaire/answerRecord';
import { applyAnswers, editBaseFor } from '../../../bot/migration/questionnaire/answers';
import { questionnaireProgress } from '../../../bot/migration/questionnaire/progress';
import { deriveOverlaps } from '../../../bot/migration/questionnaire/overlaps';
import { numberedSection } from '../../../bot/migration/questionnaire/questionnaireSectionLookup';
import { validateSection } from '../../../bot/migration/questionnaire/validateSection';
import { fixtureRecord, priya, set, WINTER } from './fixtures';

type Json = Record<string, unknown>;

const project: ProjectSummary = { projectId: 'prj-1', organisationName: 'Ysbyty Gwynedd', odsCode: '7A1', plannedCutover: '2027-06-28' };

/** Every node of a card that satisfies `test`, at any depth, data included. */
function nodes(card: unknown, test: (node: Json) => boolean): Json[] {
  const found: Json[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      if (test(node as Json)) found.push(node as Json);
      Object.values(node).forEach(visit);
    }
  };
  visit(card);
  return found;
}

const inputs = (card: unknown): Json[] => nodes(card, (n) => typeof n.type === 'string' && n.type.startsWith('Input.'));
const input = (card: unknown, id: string): Json | undefined => inputs(card).find((i) => i.id === id);
const actions = (card: unknown): Json[] => nodes(card, (n) => n.type === 'Action.Execute' || n.type === 'Action.OpenUrl');
const texts = (card: unknown): string => nodes(card, (n) => n.type === 'TextBlock' || n.type === 'TextRun').map((n) => String(n.text)).join('\n');

function sectionView(sectionId: string, record: QuestionnaireRecord, extra: Partial<SectionCardView> = {}): SectionCardView {
  const section = numberedSection(set, sectionId);
  if (!section) throw new Error(sectionId);
  return { project, set, section, record, base: editBaseFor(set, record, sectionId), ...extra };
}

function assertSendable(card: Json): void {
  const text = JSON.stringify(card);
  expect(card.type).toBe('AdaptiveCard');
  expect(card.version).toBe('1.5');
  expect(text).not.toContain('${');
  expect(teamsMessageBytes(card)).toBeLessThan(CARD_BUDGET_BYTES);
  for (const action of actions(card).filter((a) => a.type === 'Action.Execute')) {
    const fallback = action.fallback as Json;
    expect(fallback.type).toBe('Action.Submit');
    expect(fallback.data).toEqual(action.data);
    expect((action.data as Json).verb).toBe(action.verb);
    expect(Object.values(Verbs)).toContain(action.verb);
  }
}

describe('the questionnaire section card', () => {
  it.each(set.sections.map((s) => s.id))('when section %s is drawn empty, answered, and with every field refused at full length, then it stays a sendable 1.5 card under 80 KB', (sectionId) => {
    assertSendable(questionnaireSectionCardJson(sectionView(sectionId, emptyQuestionnaire())));
    assertSendable(questionnaireSectionCardJson(sectionView(sectionId, fixtureRecord())));
    const section = numberedSection(set, sectionId)?.section;
    const keep = Object.fromEntries((section?.questions ?? []).map((q) => [q.id, 'x'.repeat(TYPED_VALUE_MAX_LENGTH * 3)]));
    const errors = (section?.questions ?? []).map((q) => ({ questionId: q.id, message: 'Keep this to 2,000 characters or fewer (you have 15,000).' }));
    assertSendable(questionnaireSectionCardJson(sectionView(sectionId, fixtureRecord(), { keep, errors })));
  });

  it('when the biggest possible applications list is stored, then the card still fits', () => {
    const apps = Array.from({ length: 100 }, (_, i) => ({
      name: `Application ${i} ${'n'.repeat(80)}`,
      purpose: 'other',
      sendsMailVia: 'smtp-relay',
      contact: 'c'.repeat(200),
      flagged: true,
    }));
    const validation = validateSection(set, 'applications', { 'apps-any': 'yes', 'apps-list': apps, 'apps-automated-mailboxes': '3' });
    expect(validation.errors).toEqual([]);
    const record = applyAnswers(set, emptyQuestionnaire(), validation, priya, WINTER).record;
    const card = questionnaireSectionCardJson(sectionView('applications', record));
    assertSendable(card);
    expect(String(input(card, 'apps-list')?.value).split('\n')).toHaveLength(100);
  });

  it('when a section is drawn, then each question gets the input its type needs', () => {
    const card = questionnaireSectionCardJson(sectionView('organisation-and-contacts', emptyQuestionnaire()));
    expect(input(card, 'org-name')).toMatchObject({ type: 'Input.Text', label: "What is your organisation's name? (required)", maxLength: 200, isMultiline: false, value: '' });
    expect(input(card, 'org-project-manager-email')).toMatchObject({ type: 'Input.Text', style: 'Email', placeholder: 'name@nhs.net' });
    expect(typeof input(card, 'org-project-manager-email')?.regex).toBe('string');
    expect(input(card, 'org-senior-approval')).toMatchObject({ type: 'Input.ChoiceSet', style: 'expanded', value: '', choices: [{ title: 'Yes', value: 'yes' }, { title: 'No', value: 'no' }] });

    const method = questionnaireSectionCardJson(sectionView('migration-method-and-phasing', emptyQuestionnaire()));
    expect(input(method, 'method-approach')).toMatchObject({ type: 'Input.ChoiceSet', style: 'expanded' });
    expect(input(method, 'method-cutover')).toMatchObject({ type: 'Input.Date', min: '2024-01-01', max: '2035-12-31' });
    expect(input(method, 'method-cutover')).not.toHaveProperty('value');
    expect(input(method, 'method-coexistence-weeks')).toMatchObject({ type: 'Input.Number', min: 0, max: 104 });
    expect(input(method, 'method-coexistence-weeks')).not.toHaveProperty('value');

    const clients = questionnaireSectionCardJson(sectionView('clients-and-browsers', emptyQuestionnaire()));
    expect(input(clients, 'clients-access')).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, style: 'expanded' });
    const legacy = questionnaireSectionCardJson(sectionView('legacy-data', emptyQuestionnaire()));
    expect(input(legacy, 'legacy-method')).toMatchObject({ type: 'Input.ChoiceSet', style: 'compact', placeholder: 'Choose one' });
    expect(input(legacy, 'legacy-detail')).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: 1000 });

    const apps = questionnaireSectionCardJson(sectionView('applications', emptyQuestionnaire()));
    expect(input(apps, 'apps-list')).toMatchObject({ type: 'Input.Text', isMultiline: true });
    expect(texts(apps)).toContain('One application a line: name | what it is for | how it sends mail | contact | flag.');
    const plan = questionnaireSectionCardJson(sectionView('registrations', emptyQuestionnaire()));
    expect(input(plan, 'registrations-plan')).toMatchObject({ type: 'Input.Text', isMultiline: true, placeholder: '2027-01: 200' });
  });

  it('when a section is drawn, then it says the questions are derived from the guide, who answered each, and Save carries the edit base', () => {
    const record = fixtureRecord();
    const card = questionnaireSectionCardJson(sectionView('mobile-devices', record));
    expect(texts(card)).toContain(set.notice);
    expect(texts(card)).toContain('Answered by Tom O\'Neill, Wed 10 Jun 2026, 09:30');
    expect(input(card, 'mobile-users')?.value).toBe(300);
    expect(input(card, 'mobile-platforms')?.value).toBe('ios,android');
    const save = actions(card).find((a) => a.verb === Verbs.questionnaireSave);
    expect(save?.data).toEqual({ verb: Verbs.questionnaireSave, projectId: 'prj-1', sectionId: 'mobile-devices', base: editBaseFor(set, record, 'mobile-devices') });
    expect(actions(card).map((a) => a.title)).toEqual(['Save', 'Back to the overview']);
  });

  it('when fields were refused, then each shows its reason under it and keeps the value as typed, or repeats it where the input cannot hold it', () => {
    const card = questionnaireSectionCardJson(
      sectionView('organisation-and-contacts', emptyQuestionnaire(), {
        keep: { 'org-project-manager-email': 'priya at nhs' },
        errors: [{ questionId: 'org-project-manager-email', message: 'Enter a real email address, like name@nhs.net.' }],
      }),
    );
    expect(input(card, 'org-project-manager-email')?.value).toBe('priya at nhs');
    expect(texts(card)).toContain('Enter a real email address, like name@nhs.net.');

    const mailbox = questionnaireSectionCardJson(
      sectionView('mailbox-sizes', emptyQuestionnaire(), {
        keep: { 'mailbox-over-quota': '-3', 'mailbox-largest-gb': 'lots' },
        errors: [
          { questionId: 'mailbox-over-quota', message: 'Enter a whole number of 0 or more.' },
          { questionId: 'mailbox-largest-gb', message: 'Enter a whole number of 0 or more.' },
        ],
      }),
    );
    expect(input(mailbox, 'mailbox-over-quota')?.value).toBe(-3);
    expect(texts(mailbox)).toContain('Enter a whole number of 0 or more. You entered “lots”.');
  });

  it('when a save partly failed, was clean, or hit someone else’s change, then the banner says so and Next section appears only after a clean save', () => {
    const record = fixtureRecord();
    const base = { project, set, section: numberedSection(set, 'mobile-devices')!, record, base: editBaseFor(set, record, 'mobile-devices'), keep: {} };
    const change = { questionId: 'mobile-users', sectionId: 'mobile-devices', before: null, after: null, by: priya, at: WINTER };
    const clean = questionnaireSectionCardJson(sectionViewAfterSave({ ...base, outcome: 'saved', changes: [change, change], errors: [] }));
    expect(texts(clean)).toContain('Saved 2 answers.');
    expect(actions(clean).map((a) => a.title)).toContain('Next section');
    const partly = questionnaireSectionCardJson(sectionViewAfterSave({ ...base, outcome: 'saved', changes: [change], errors: [{ questionId: 'mobile-users', message: 'x' }] }));
    expect(texts(partly)).toContain('Saved 1 answer. 1 answer needs another look: see the message under it.');
    expect(actions(partly).map((a) => a.title)).not.toContain('Next section');
    const stale = questionnaireSectionCardJson(
      sectionViewAfterSave({ ...base, outcome: 'stale', errors: [], conflicts: [{ questionId: 'mobile-users', questionText: 'How many?', expectedVersion: 0, actualVersion: 1, changedBy: priya }] }),
    );
    expect(texts(stale)).toContain('Someone else changed the answer to “How many?” after you opened this section, so nothing was saved.');
    expect(texts(stale)).toContain('Priya Shah changed this answer after you opened the section');
  });
});

describe('the questionnaire overview card', () => {
  const progress = questionnaireProgress(set, fixtureRecord());

  it('when the project manager looks, then every section has its status, what is still needed, who answered, and Export and Submit are offered', () => {
    const card = questionnaireProgressCardJson({ project, set, progress, may: { answer: true, submit: true, export: true } });
    assertSendable(card);
    const text = texts(card);
    expect(text).toContain('Complete');
    expect(text).toContain('Incomplete');
    expect(text).toContain('Still needed: How many new shared accounts will you need on NHSmail?');
    expect(text).toContain("Answered by Tom O'Neill (6)");
    expect(text).toContain(set.notice);
    expect(JSON.stringify(card)).toContain('"title":"Priya Shah"');
    const titles = actions(card).map((a) => a.title);
    expect(titles.filter((t) => String(t).startsWith('Open section'))).toHaveLength(10);
    expect(titles).toEqual(expect.arrayContaining(['Export', 'Submit to the pipeline team', 'Refresh']));
    const open3 = actions(card).find((a) => a.title === 'Open section 3');
    expect(open3?.data).toEqual({ verb: Verbs.questionnaireSection, projectId: 'prj-1', sectionId: 'shared-resources' });
  });

  it('when staff look, then the card is read-only', () => {
    const card = questionnaireProgressCardJson({ project, set, progress, may: { answer: false, submit: false, export: false } });
    expect(actions(card).map((a) => a.title)).toEqual(['Refresh']);
    expect(texts(card)).toContain('Only members of the project team can answer the questionnaire');
  });

  it('when nothing is answered yet, then it still renders fully bound', () => {
    const card = questionnaireProgressCardJson({ project, set, progress: questionnaireProgress(set, emptyQuestionnaire()), may: { answer: true, submit: false, export: true } });
    assertSendable(card);
    expect(texts(card)).toContain('0 of 49 questions answered · 0 of 10 sections complete');
  });
});

describe('the export summary card', () => {
  const record = fixtureRecord();
  const summary = {
    project,
    role: 'project-manager' as const,
    progress: questionnaireProgress(set, record),
    overlaps: deriveOverlaps(set, record),
    preparedAt: 'Wed 25 Nov 2026, 14:05',
  };

  it('when it is for a personal chat, then it carries the download links and when they stop working', () => {
    const card = questionnaireExportCardJson({
      summary,
      links: [
        { format: 'markdown', url: 'https://bot.example/api/exports/a' },
        { format: 'csv', url: 'https://bot.example/api/exports/b' },
      ],
      linksExpire: 'Wed 25 Nov 2026, 14:20',
    });
    assertSendable(card);
    expect(actions(card).filter((a) => a.type === 'Action.OpenUrl').map((a) => [a.title, a.url])).toEqual([
      ['Download Markdown', 'https://bot.example/api/exports/a'],
      ['Download CSV', 'https://bot.example/api/exports/b'],
    ]);
    expect(texts(card)).toContain('The links work until Wed 25 Nov 2026, 14:20');
    expect(texts(card)).toContain('Risk');
    expect(JSON.stringify(card)).toContain('"title":"New accounts","value":"650"');
  });

  it('when it is for a channel, then there are no links, only where to get them', () => {
    const card = questionnaireExportCardJson({ summary, links: [] });
    assertSendable(card);
    expect(actions(card).filter((a) => a.type === 'Action.OpenUrl')).toEqual([]);
    expect(texts(card)).toContain('type export questionnaire to me in our personal chat');
  });

  it('when 100 applications are flagged, then the notes still fit on the card', () => {
    const apps = Array.from({ length: 100 }, (_, i) => ({ name: `App ${i} ${'n'.repeat(80)}`, purpose: 'other', sendsMailVia: 'unknown', contact: 'c'.repeat(200), flagged: 'yes' }));
    const full = applyAnswers(set, record, validateSection(set, 'applications', { 'apps-list': apps }), priya, WINTER, editBaseFor(set, record, 'applications')).record;
    const card = questionnaireExportCardJson({ summary: { ...summary, overlaps: deriveOverlaps(set, full) }, links: [] });
    assertSendable(card);
    expect(texts(card)).toMatch(/And \d+ more: the exported document lists every one in full\./);
  });
});

describe('the which-project card', () => {
  it('when someone is on two projects, then each button carries on with what they asked for', () => {
    const other: ProjectSummary = { ...project, projectId: 'prj-2', organisationName: 'Appledore Surgery', odsCode: 'L83100' };
    const card = projectChoiceCard({ projects: [project, other], verb: Verbs.questionnaireSection, data: { sectionId: '3' }, purpose: 'answer that section' });
    assertSendable(card);
    expect(actions(card).map((a) => [a.title, a.data])).toEqual([
      ['Ysbyty Gwynedd (7A1)', { sectionId: '3', verb: Verbs.questionnaireSection, projectId: 'prj-1' }],
      ['Appledore Surgery (L83100)', { sectionId: '3', verb: Verbs.questionnaireSection, projectId: 'prj-2' }],
    ]);
  });
});
