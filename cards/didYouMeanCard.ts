import type { AdaptiveCardJson } from './adaptiveCardJson';
import template from './templates/didYouMean.json';
import { defineTemplate, renderCardJson } from './render';

/** What `templates/didYouMean.json` binds: the command exactly as it would be typed. */
export interface DidYouMeanData {
  readonly command: string;
}

const didYouMeanTemplate = defineTemplate<DidYouMeanData>('didYouMean', template);

/** "Did you mean gateway 1?" with the command as a button, so a slip is one press from what was meant. */
export function didYouMeanCard(data: DidYouMeanData): AdaptiveCardJson {
  return renderCardJson(didYouMeanTemplate, data);
}
