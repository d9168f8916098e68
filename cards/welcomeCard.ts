import template from './templates/welcome.json';
import { defineTemplate, renderCardJson } from './render';
import { Verbs } from './verbs';
import type { Capability } from './capability';
import { howToAsk } from './capability';
import type { AdaptiveCardJson } from './adaptiveCardJson';

export interface WelcomeCardData {
  readonly scope: 'team' | 'personal' | 'groupChat';
  readonly capabilities: readonly Capability[];
}

/** What `templates/welcome.json` binds. */
interface WelcomeTemplateData {
  readonly intro: string;
  readonly capabilities: readonly Capability[];
  readonly howToAsk: string;
  readonly helpVerb: string;
}

const welcomeTemplate = defineTemplate<WelcomeTemplateData>('welcome', template);

const INTRO =
  'I help your project team move your organisation’s email to NHSmail, following NHS Digital’s self-migration guide: ' +
  'the six gateways, the discovery questionnaire, risks and issues, and the roll-out in groups. Staff can ask me when they ' +
  'move and what to do, in their own words, and I remind them before their cutover.';

/** Sent once when the bot is added, so the team learns what it is for before anyone has to ask. */
export function welcomeCard(data: WelcomeCardData): AdaptiveCardJson {
  return renderCardJson(welcomeTemplate, {
    intro: INTRO,
    capabilities: data.capabilities,
    howToAsk: howToAsk(data.scope),
    helpVerb: Verbs.help,
  });
}
