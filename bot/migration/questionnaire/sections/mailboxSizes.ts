import type { CatalogueSettings } from '../../gateways/catalogueSettings';
import type { QuestionSection } from '../questionTypes';
import { defineSection } from './defineSection';

/**
 * Guide section 3, "Quotas" and "Review local email data". The quota and the
 * attachment limit come from settings: the guide says 4 GB and 20 MB, and
 * both have changed since.
 */
export function mailboxSizesSection(settings: CatalogueSettings): QuestionSection {
  const quota = `${settings.mailboxQuotaGb} GB`;
  const attachments = `${settings.attachmentLimitMb} MB`;
  return defineSection('mailbox-sizes', 'Mailbox sizes and quotas', ['3'], [
    {
      id: 'mailbox-over-quota',
      type: 'number',
      text: `How many mailboxes hold more than ${quota}?`,
      help: `Mailboxes under ${quota} move across in full. Send people with large mailboxes guidance on archiving; anyone still over ${quota} can buy a larger mailbox from the top-up services catalogue (ask ${settings.supplierContactEmail}).`,
      required: true,
      min: 0,
    },
    {
      id: 'mailbox-largest-gb',
      type: 'number',
      text: 'How big is your largest mailbox, in GB?',
      required: false,
      min: 0,
    },
    {
      id: 'mailbox-total-gb',
      type: 'number',
      text: 'Roughly how much email do you hold in total, in GB?',
      required: false,
      min: 0,
    },
    {
      id: 'mailbox-larger-mailboxes',
      type: 'yes-no',
      text: 'Do you expect to buy larger mailboxes?',
      required: false,
    },
    {
      id: 'mailbox-attachments-checked',
      type: 'yes-no',
      text: `Have you checked your mail for blocked attachment types and attachments over ${attachments}?`,
      help: `NHSmail blocks some file types (for example .exe and .docm) and attachments over ${attachments}. Larger files can be sent with the Secure Electronic File Transfer service.`,
      required: false,
    },
  ]);
}
