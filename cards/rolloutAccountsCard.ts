import { formatUkDateTime } from '../bot/migration/shared/ukDates';
import type { AdaptiveCardJson } from './adaptiveCardJson';
import { heading, openUrl, rolloutCard, text, type Element } from './rolloutCardParts';

export interface AccountFileLink {
  readonly fileName: string;
  readonly people: number;
  readonly url: string;
}

/**
 * A signed link is about 500 characters (1 KB as Teams counts), so 60 of them (15,000 accounts at 250 a file) keep
 * the card under 80 KB; a bigger export is asked for group by group.
 */
export const MAX_FILE_LINKS = 60;

/**
 * The NHSmail Portal account files behind buttons, one per file, with the Portal's rule: send them one at a time,
 * and after a partial failure resubmit only what failed (DOMAIN.md, bulk provisioning).
 */
export function accountsCardJson(scope: string, people: number, links: readonly AccountFileLink[], expiresAt: Date): AdaptiveCardJson {
  const body: Element[] = [heading(`NHSmail Portal account files: ${scope}`)];
  if (people === 0) {
    body.push(text('Nobody here needs a new NHSmail account now: everyone already holds one, or their account has been requested, created or activated.'));
    return rolloutCard('accounts', body);
  }
  body.push(
    text(`${people.toLocaleString('en-GB')} new ${people === 1 ? 'account' : 'accounts'} in ${links.length} ${links.length === 1 ? 'file' : 'files'}. People who already hold an NHSmail account are left out.`),
    text('Upload them to the Portal one at a time (Validate, then Create), waiting for each to finish: files sent in parallel create duplicates. If a file partly fails, fix and resend only the rows that failed.', { isSubtle: true }),
    text(`The links are only for you and work until ${formatUkDateTime(expiresAt)}; after that, type export accounts again.`, { isSubtle: true, size: 'Small' }),
  );
  const shown = links.slice(0, MAX_FILE_LINKS);
  body.push({ type: 'ActionSet', actions: shown.map((l, i) => openUrl(`File ${i + 1} (${l.people})`, l.url)) });
  if (links.length > MAX_FILE_LINKS) body.push(text(`and ${links.length - MAX_FILE_LINKS} more files: export one group at a time (export accounts for pilot).`, { isSubtle: true }));
  return rolloutCard('accounts', body);
}
