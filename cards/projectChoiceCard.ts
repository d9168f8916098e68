import type { ProjectSummary } from '../bot/migration/projects/project';
import template from './templates/projectChoice.json';
import { defineTemplate, renderCardJson } from './render';
import type { Verb } from './verbs';
import type { AdaptiveCardJson } from './adaptiveCardJson';

export interface ProjectChoiceView {
  readonly projects: readonly ProjectSummary[];
  /** The button each project gets: the verb of what was asked for, and any data besides the project id. */
  readonly verb: Verb;
  readonly data?: Readonly<Record<string, string>>;
  /** "see the status", "export the questionnaire": what the person asked to do. */
  readonly purpose: string;
}

interface ProjectChoiceTemplateData {
  readonly intro: string;
  readonly choices: readonly { readonly title: string; readonly verb: Verb; readonly data: Readonly<Record<string, string>> }[];
}

const choiceTemplate = defineTemplate<ProjectChoiceTemplateData>('projectChoice', template);

/**
 * In a personal chat there is no team to say which project is meant; someone
 * on several projects picks one, and the button carries on with what they
 * asked for.
 */
export function projectChoiceCard(view: ProjectChoiceView): AdaptiveCardJson {
  return renderCardJson(choiceTemplate, {
    intro: `You are on ${view.projects.length} migration projects. Which one do you want to ${view.purpose} for?`,
    choices: view.projects.map((p) => ({
      title: `${p.organisationName} (${p.odsCode})`,
      verb: view.verb,
      data: { ...view.data, verb: view.verb, projectId: p.projectId },
    })),
  });
}
