import { describe, expect, it } from 'vitest';
import { questionnaireSectionCardJson } from '../../../cards/questionnaireSectionCard';
import { summariseProject } from '../../../bot/migration/projects/project';
import { emptyQuestionnaire } from '../../../bot/migration/questionnaire/answerRecord';
import { editBaseFor } from '../../../bot/migration/questionnaire/answers';
import { findQuestionnaireSection } from '../../../bot/migration/questionnaire/questionnaireSectionLookup';
import { setupSuggestions } from '../../../bot/migration/questionnaire/setupSuggestions';
import { projectFixture } from '../cards/fixtures';
import { recordWith, set } from './fixtures';

const project = projectFixture();
const section = (id: string) => findQuestionnaireSection(set, id)!;

describe('setupSuggestions', () => {
  it('when the questionnaire is empty, then what set-up knows is suggested for the questions it answers', () => {
    const record = emptyQuestionnaire();
    expect(setupSuggestions(section('1').section, record, project)).toEqual({ 'org-name': project.organisationName, 'org-ods-code': 'RH8' });
    expect(setupSuggestions(section('2').section, record, project)).toEqual({ 'users-existing': 5200, 'users-new-accounts': 150 });
    expect(setupSuggestions(section('9').section, record, project)).toMatchObject({ 'method-approach': 'self-migration', 'method-phasing': 'phased', 'method-cutover': '2027-01-06' });
  });

  it('when a question has been answered, then it gets no suggestion, so a real answer is never replaced', () => {
    const record = recordWith({ 'users-and-accounts': { 'users-existing': '4000' } });
    expect(setupSuggestions(section('2').section, record, project)).toEqual({ 'users-new-accounts': 150 });
  });

  it('when the section card shows a suggestion, then the field holds it and says it is only suggested until saved', () => {
    const record = emptyQuestionnaire();
    const opened = section('2');
    const card = questionnaireSectionCardJson({
      project: summariseProject(project),
      set,
      section: opened,
      record,
      base: editBaseFor(set, record, opened.section.id),
      suggested: setupSuggestions(opened.section, record, project),
    });
    const text = JSON.stringify(card);
    expect(text).toContain('"id":"users-existing","label":"Roughly how many people use your current email service? (required)","min":0,"value":5200');
    expect(text).toContain('Suggested from the project set-up: press Save to keep it.');
  });
});
