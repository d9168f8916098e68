import { describe, expect, it } from 'vitest';
import { deriveOverlaps } from '../../../bot/migration/questionnaire/overlaps';
import { addQuestionnaireRisks, suggestionRiskId } from '../../../bot/migration/risks/addQuestionnaireRisks';
import { listRisks } from '../../../bot/migration/risks/listRisks';
import { questionnaireRiskSuggestions, slug } from '../../../bot/migration/risks/questionnaireRisks';
import { closeRisk } from '../../../bot/migration/risks/riskDecisions';
import { isRiskId } from '../../../bot/migration/risks/riskEntry';
import { priya, sam, tom } from '../projects/projectFixtures';
import { fixtureRecord, recordWith, set } from '../questionnaire/fixtures';
import { riskWorld } from './riskFixtures';

describe('the questionnaire’s suggested risks in the log', () => {
  it('when the fixture answers are read, then each suggestion has a stable key naming what it is about', () => {
    const suggestions = questionnaireRiskSuggestions(set, deriveOverlaps(set, fixtureRecord()));
    expect(suggestions.map((s) => [s.key, s.category, s.itemId])).toEqual([
      ['application-mitel-phones', 'applications', 'g1-integrated-apps-review'],
      ['application-alert-critical', 'applications', 'g1-integrated-apps-review'],
      ['new-accounts-approval', 'schedule', 'g4-extra-approval-days'],
      ['old-outlook', 'technical', undefined],
    ]);
    const plan = questionnaireRiskSuggestions(set, deriveOverlaps(set, recordWith({ 'users-and-accounts': { 'users-new-accounts': '400' }, registrations: { 'registrations-plan': '2027-01: 100' } })));
    expect(plan.map((s) => s.key)).toEqual(['registrations-plan']);
    expect(suggestions.every((s) => isRiskId(suggestionRiskId(s.key)))).toBe(true);
  });

  it('when an answer’s numbers change, then the suggestion keeps its key', () => {
    const before = questionnaireRiskSuggestions(set, deriveOverlaps(set, recordWith({ 'users-and-accounts': { 'users-new-accounts': '600' } })));
    const after = questionnaireRiskSuggestions(set, deriveOverlaps(set, recordWith({ 'users-and-accounts': { 'users-new-accounts': '900' } })));
    expect(before.map((s) => s.key)).toEqual(['new-accounts-approval']);
    expect(after.map((s) => s.key)).toEqual(before.map((s) => s.key));
    expect(after[0]?.description).not.toBe(before[0]?.description);
  });

  it('when suggestions are added twice, even at once, then each is in the log once, owned by the PM and marked as from the questionnaire', async () => {
    const world = await riskWorld();
    const overlaps = deriveOverlaps(set, fixtureRecord());
    const command = { actor: tom, projectId: world.project.projectId, questionSet: set, overlaps };
    const [first, second] = await Promise.all([addQuestionnaireRisks(world.riskDeps, command), addQuestionnaireRisks(world.riskDeps, command)]);
    expect((first?.length ?? 0) + (second?.length ?? 0)).toBe(4);
    expect(await addQuestionnaireRisks(world.riskDeps, command)).toEqual([]);
    const page = await listRisks(world.riskDeps, { actor: sam, projectId: world.project.projectId });
    expect(page.risks).toHaveLength(4);
    expect(page.risks.every((r) => r.entry.owner.id === '29:priya' && r.entry.source?.kind === 'questionnaire' && r.entry.createdBy.id === '29:tom')).toBe(true);
    expect(page.risks[0]?.entry).toMatchObject({ title: 'Some staff use a version of Outlook NHSmail does not support', likelihood: 4, impact: 4, reviewDate: '2026-12-02' });
  });

  it('when a suggested risk was closed, then saving the questionnaire again does not bring it back', async () => {
    const world = await riskWorld();
    const command = { actor: tom, projectId: world.project.projectId, questionSet: set, overlaps: deriveOverlaps(set, fixtureRecord()) };
    await addQuestionnaireRisks(world.riskDeps, command);
    await closeRisk(world.riskDeps, { actor: priya, projectId: world.project.projectId, riskId: suggestionRiskId('old-outlook'), expectedVersion: 1, reason: 'Everyone is on Office 2016 now.' });
    expect(await addQuestionnaireRisks(world.riskDeps, command)).toEqual([]);
    expect((await world.riskDeps.risks.get(world.project.projectId, suggestionRiskId('old-outlook')))?.status).toBe('closed');
  });

  it('when names have accents, symbols or other scripts, then keys are id-safe and still tell them apart', () => {
    expect(slug('EMIS Web')).toBe('emis-web');
    expect(slug('Crème Brûlée')).toBe('creme-brulee');
    expect(slug('@Alert, "critical"')).toBe('alert-critical');
    expect(slug('患者')).not.toBe(slug('医院'));
    expect(slug('!!!')).toBe('none');
  });
});
