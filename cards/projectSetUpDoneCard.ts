import type { ProjectSummary } from '../bot/migration/projects/project';
import type { AdaptiveCardJson } from './adaptiveCardJson';
import { defineTemplate, renderCardJson } from './render';
import template from './templates/projectSetUpDone.json';
import { Verbs } from './verbs';

/** What `templates/projectSetUpDone.json` binds. */
interface ProjectSetUpDoneTemplateData {
  readonly verbs: typeof Verbs;
  readonly projectId: string;
  readonly doneLine: string;
  readonly nextLine: string;
}

const doneTemplate = defineTemplate<ProjectSetUpDoneTemplateData>('projectSetUpDone', template);

/**
 * Takes the set-up form's place once the project exists, so nobody meets a form still showing an old error, or
 * presses "Create the project" a second time. Its buttons lead to the next two things to do.
 */
export function projectSetUpDoneCard(project: ProjectSummary): AdaptiveCardJson {
  return renderCardJson(doneTemplate, {
    verbs: Verbs,
    projectId: project.projectId,
    doneLine: `The migration project for ${project.organisationName} (${project.odsCode}) is set up, and you are its project manager.`,
    nextLine: 'Next, give your colleagues their roles (type @Gateway roles) and start on gateway 1 (type @Gateway gateway 1).',
  });
}
