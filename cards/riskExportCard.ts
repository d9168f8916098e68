import { formatUkDateTime } from '../bot/migration/shared/ukDates';
import type { AdaptiveCardJson } from './adaptiveCardJson';
import { defineTemplate, renderCardJson } from './render';
import template from './templates/riskExport.json';
import { Verbs } from './verbs';

/** What `templates/riskExport.json` binds. */
interface RiskExportTemplateData {
  readonly verbs: typeof Verbs;
  readonly projectId: string;
  readonly line: string;
  readonly url: string;
}

const riskExportTemplate = defineTemplate<RiskExportTemplateData>('riskExport', template);

/**
 * The log's CSV behind a button: a link in message text would be defused (no typed text becomes a link), and a
 * button keeps the signed address out of sight in the chat.
 */
export function riskExportCardJson(projectId: string, link: { readonly url: string; readonly expiresAt: Date }): AdaptiveCardJson {
  return renderCardJson(riskExportTemplate, {
    verbs: Verbs,
    projectId,
    line: `The whole log as a CSV file for a spreadsheet. The link is only for you and works until ${formatUkDateTime(link.expiresAt)}; after that, type export risks again.`,
    url: link.url,
  });
}
