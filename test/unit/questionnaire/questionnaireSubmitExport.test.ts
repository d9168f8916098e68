import { describe, expect, it } from 'vitest';
import { MAX_SAVE_ATTEMPTS } from '../../../bot/migration/projects/conflictRetry';
import { exportCsv } from '../../../bot/migration/questionnaire/exportCsv';
import { exportHtml } from '../../../bot/migration/questionnaire/exportHtml';
import { exportMarkdown } from '../../../bot/migration/questionnaire/exportMarkdown';
import { exportQuestionnaire, prepareQuestionnaireExport } from '../../../bot/migration/questionnaire/questionnaireExport';
import { getQuestionnaireOverview } from '../../../bot/migration/questionnaire/questionnaireProgressView';
import { submissionMilestoneId, submitProjectQuestionnaire } from '../../../bot/migration/questionnaire/questionnaireSubmit';
import { InvalidState, PermissionDenied, ValidationFailed } from '../../../bot/migration/shared/errors';
import { caught, priya, sam, sue, tom } from '../projects/projectFixtures';
import { sectionInputs } from './fixtures';
import { fillSection, questionnaireWorld, type QuestionnaireWorld } from './questionnaireWorld';

async function answerEverything(w: QuestionnaireWorld): Promise<void> {
  for (const [sectionId, inputs] of Object.entries(sectionInputs)) {
    // The fixture leaves one required question open on purpose; answer it here.
    const all = sectionId === 'shared-resources' ? { ...inputs, 'shared-new-accounts': '4' } : inputs;
    const result = await fillSection(w, sectionId.startsWith('org') ? priya : tom, sectionId, all);
    if (result.errors.length > 0) throw new Error(`${sectionId}: ${JSON.stringify(result.errors)}`);
  }
}

describe('submitting the questionnaire', () => {
  it('when required questions are still open, then submitting is refused listing them and nothing is recorded', async () => {
    const w = await questionnaireWorld();
    await fillSection(w, tom, 'organisation-and-contacts', sectionInputs['organisation-and-contacts'] ?? {});
    const refusal = await caught(() => submitProjectQuestionnaire(w.deps, { actor: priya, projectId: w.project.projectId }));
    expect(refusal).toBeInstanceOf(ValidationFailed);
    expect((refusal as ValidationFailed).fieldErrors[0]?.field).toBe('users-existing');
    expect((refusal as ValidationFailed).fieldErrors[0]?.message).toContain('still needs an answer');
    expect((await w.deps.projects.get(w.project.projectId))?.milestones).toEqual([]);
  });

  it('when everything required is answered and the project manager submits, then the date is recorded as a gateway milestone and progress shows the submission', async () => {
    const w = await questionnaireWorld('2026-06-30T23:30:00.000Z');
    await answerEverything(w);
    const submitted = await submitProjectQuestionnaire(w.deps, { actor: priya, projectId: w.project.projectId });
    // 23:30 UTC on 30 June is 00:30 on 1 July in London.
    expect(submitted.submission.date).toBe('2026-07-01');
    expect(submitted.milestone).toEqual({
      id: submissionMilestoneId(1),
      kind: 'questionnaire-submitted',
      date: '2026-07-01',
      note: 'Discovery questionnaire submitted to the pipeline team.',
      recordedBy: { id: priya.userId, name: 'Priya Shah' },
    });
    expect((await w.deps.projects.get(w.project.projectId))?.milestones).toEqual([submitted.milestone]);
    const overview = await getQuestionnaireOverview(w.deps, { actor: sue, projectId: w.project.projectId });
    expect(overview.progress.lastSubmission?.by.name).toBe('Priya Shah');
    expect(overview.progress.changedSinceSubmission).toBe(false);
  });

  it('when a team member tries to submit, then only the project manager or SRO may', async () => {
    const w = await questionnaireWorld();
    await answerEverything(w);
    const refusal = await caught(() => submitProjectQuestionnaire(w.deps, { actor: tom, projectId: w.project.projectId }));
    expect(refusal).toBeInstanceOf(PermissionDenied);
    expect((refusal as PermissionDenied).message).toBe('Only the project manager or SRO can submit the discovery questionnaire.');
    await expect(submitProjectQuestionnaire(w.deps, { actor: sam, projectId: w.project.projectId })).resolves.toBeDefined();
  });

  it('when nothing changed since the last submission, then submitting again is refused; after a change it records a second milestone', async () => {
    const w = await questionnaireWorld();
    await answerEverything(w);
    await submitProjectQuestionnaire(w.deps, { actor: priya, projectId: w.project.projectId });
    await expect(submitProjectQuestionnaire(w.deps, { actor: priya, projectId: w.project.projectId })).rejects.toBeInstanceOf(InvalidState);
    await fillSection(w, tom, 'mobile-devices', { 'mobile-users': '310' });
    expect((await getQuestionnaireOverview(w.deps, { actor: tom, projectId: w.project.projectId })).progress.changedSinceSubmission).toBe(true);
    const again = await submitProjectQuestionnaire(w.deps, { actor: priya, projectId: w.project.projectId });
    expect(again.milestone.id).toBe(submissionMilestoneId(2));
    expect(again.milestone.note).toBe('Discovery questionnaire submitted again with updated answers.');
    expect((await w.deps.projects.get(w.project.projectId))?.milestones.map((m) => m.id)).toEqual([submissionMilestoneId(1), submissionMilestoneId(2)]);
  });

  it('when the milestone could not be written after the submission was saved, then the next press of Submit records it, once', async () => {
    const w = await questionnaireWorld();
    await answerEverything(w);
    w.store.collideNext(MAX_SAVE_ATTEMPTS);
    await expect(submitProjectQuestionnaire(w.deps, { actor: priya, projectId: w.project.projectId })).rejects.toThrow('A lot of people are updating this project');
    expect((await w.answers.get(w.project.projectId)).submissions).toHaveLength(1);
    expect((await w.deps.projects.get(w.project.projectId))?.milestones).toEqual([]);

    await expect(submitProjectQuestionnaire(w.deps, { actor: priya, projectId: w.project.projectId })).rejects.toBeInstanceOf(InvalidState);
    await expect(submitProjectQuestionnaire(w.deps, { actor: priya, projectId: w.project.projectId })).rejects.toBeInstanceOf(InvalidState);
    expect((await w.deps.projects.get(w.project.projectId))?.milestones.map((m) => m.id)).toEqual([submissionMilestoneId(1)]);
  });

  it('when two managers press Submit at the same moment, then one submission and one milestone are recorded', async () => {
    const w = await questionnaireWorld();
    await answerEverything(w);
    const results = await Promise.allSettled([
      submitProjectQuestionnaire(w.deps, { actor: priya, projectId: w.project.projectId }),
      submitProjectQuestionnaire(w.deps, { actor: sam, projectId: w.project.projectId }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await w.answers.get(w.project.projectId)).submissions).toHaveLength(1);
    expect((await w.deps.projects.get(w.project.projectId))?.milestones).toHaveLength(1);
  });
});

describe('exporting the questionnaire', () => {
  it('when staff ask for the export, then only the project team may take it', async () => {
    const w = await questionnaireWorld();
    await expect(prepareQuestionnaireExport(w.deps, { actor: sue, projectId: w.project.projectId })).rejects.toBeInstanceOf(PermissionDenied);
  });

  it('when a team member asks for the export, then the summary says how far it has got and what it suggests for the risks log', async () => {
    const w = await questionnaireWorld();
    await answerEverything(w);
    const summary = await prepareQuestionnaireExport(w.deps, { actor: tom, projectId: w.project.projectId });
    expect(summary.progress.complete).toBe(true);
    expect(summary.overlaps.flaggedApplications.map((a) => a.name)).toEqual(['Mitel phones', '@Alert, "critical"']);
    expect(summary.preparedAt).toBe('Wed 25 Nov 2026, 10:00');
  });

  it('when a document is exported, then each format is the domain export of the stored answers, byte for byte, named by ODS code and date', async () => {
    const w = await questionnaireWorld();
    await answerEverything(w);
    const record = await w.answers.get(w.project.projectId);
    const options = { exportedAt: '2026-11-25T10:00:00.000Z' };
    const projectId = w.project.projectId;
    const markdown = await exportQuestionnaire(w.deps, { projectId, format: 'markdown' });
    const html = await exportQuestionnaire(w.deps, { projectId, format: 'html' });
    const csv = await exportQuestionnaire(w.deps, { projectId, format: 'csv' });
    expect(markdown).toEqual({ fileName: 'discovery-questionnaire-RH8-2026-11-25.md', contentType: 'text/markdown; charset=utf-8', body: exportMarkdown(w.deps.questionSet, record, options) });
    expect(html?.body).toBe(exportHtml(w.deps.questionSet, record, options));
    expect(csv?.body).toBe(exportCsv(w.deps.questionSet, record));
    expect(csv?.fileName).toBe('discovery-questionnaire-RH8-2026-11-25.csv');
    expect(await exportQuestionnaire(w.deps, { projectId, format: 'markdown' })).toEqual(markdown);
  });

  it('when nobody has answered the organisation name yet, then the export is titled with the project’s organisation', async () => {
    const w = await questionnaireWorld();
    const markdown = await exportQuestionnaire(w.deps, { projectId: w.project.projectId, format: 'markdown' });
    expect(markdown?.body.split('\n')[0]).toBe('# Discovery questionnaire: Royal Devon Hospital');
  });

  it('when the link names a project that does not exist or is not a project id, then there is nothing to export', async () => {
    const w = await questionnaireWorld();
    expect(await exportQuestionnaire(w.deps, { projectId: 'prj-404', format: 'csv' })).toBeUndefined();
    expect(await exportQuestionnaire(w.deps, { projectId: 'tenant:x', format: 'csv' })).toBeUndefined();
  });
});
