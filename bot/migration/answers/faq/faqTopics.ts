/**
 * The frequent questions staff ask, each answered from a guide section and the settings. Defined in the domain so
 * the answers can name them; the recogniser's intents re-export them (bot/recognition/intents.ts).
 */
export const FAQ_TOPICS = [
  'attachments',
  'mailbox-quota',
  'old-email',
  'shared-mailboxes',
  'mobile-devices',
  'outlook-versions',
  'forwarding',
  'account-activation',
  'local-administrator',
] as const;
export type FaqTopic = (typeof FAQ_TOPICS)[number];
