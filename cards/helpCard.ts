import type { Attachment } from 'botbuilder';
import template from './templates/help.json';
import type { Capability } from './capability';
import { howToAsk } from './capability';
import { defineTemplate, renderCard } from './render';

export interface HelpCardData {
  readonly scope: 'team' | 'personal' | 'groupChat';
  readonly capabilities: readonly Capability[];
}

/** What `templates/help.json` binds. */
interface HelpTemplateData {
  readonly capabilities: readonly Capability[];
  readonly howToAsk: string;
}

const helpTemplate = defineTemplate<HelpTemplateData>('help', template);

/** Lists only what is wired up today: the list comes from the registered routes, so it cannot promise more. */
export function helpCard(data: HelpCardData): Attachment {
  return renderCard(helpTemplate, { capabilities: data.capabilities, howToAsk: howToAsk(data.scope) });
}
