import template from './templates/help.json';
import type { Capability } from './capability';
import { howToAsk } from './capability';
import { defineTemplate, renderCardJson } from './render';
import type { AdaptiveCardJson } from './adaptiveCardJson';

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
export function helpCard(data: HelpCardData): AdaptiveCardJson {
  return renderCardJson(helpTemplate, { capabilities: data.capabilities, howToAsk: howToAsk(data.scope) });
}
