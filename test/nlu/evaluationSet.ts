import type { FaqTopic, MigrationQuestionFocus, Recognition } from '../../bot/recognition/intents';

/**
 * The labelled evaluation set: questions as staff type them (typos, British phrasing, department words, texting
 * shorthand) and off-topic ones that must be declined. Written apart from the training corpus
 * (bot/recognition/nlu/corpus.ts), and never copied into it: a question that fails here is fixed by teaching the
 * corpus the idea in other words, so this set keeps measuring what the model has not seen.
 */
export type Expected =
  | { readonly intent: 'when-do-i-migrate'; readonly focus: MigrationQuestionFocus; readonly department?: string }
  | { readonly intent: 'colleague-migration'; readonly who: string }
  | { readonly intent: 'faq'; readonly topic: FaqTopic }
  | { readonly intent: 'ask-team' }
  | { readonly intent: 'declined' };

const mine = (focus: MigrationQuestionFocus, department?: string): Expected => ({ intent: 'when-do-i-migrate', focus, ...(department === undefined ? {} : { department }) });
const who = (name: string): Expected => ({ intent: 'colleague-migration', who: name });
const faq = (topic: FaqTopic): Expected => ({ intent: 'faq', topic });
const ASK: Expected = { intent: 'ask-team' };
const OFF: Expected = { intent: 'declined' };

export const EVALUATION_SET: readonly (readonly [string, Expected])[] = [
  // Their own date
  ['When am I being moved onto NHSmail?', mine('date')],
  ["what's my migration date", mine('date')],
  ['wen do i migrate', mine('date')],
  ['When will my e-mail switch over to nhs.net?', mine('date')],
  ['Have I got a date for moving to NHS mail yet?', mine('date')],
  ['what day is my mailbox migrated', mine('date')],
  ['When is my changeover to NHSmail happening?', mine('date')],
  ['when do i get moved across', mine('date')],
  ['Any idea when I move over to nhsmail?', mine('date')],
  ['migration date for me please', mine('date')],
  ['When does Pharmacy go live on NHSmail?', mine('date', 'pharmacy')],
  ['when is A&E migrating', mine('date', 'emergency department')],
  ['What date is the maternity unit moving over?', mine('date', 'maternity')],
  ['when does payroll move to nhs.net', mine('date', 'finance')],
  ['whens my cut over date', mine('date')],
  ['When will my inbox be migrated?', mine('date')],
  // Their own group
  ['Am I in the pilot group?', mine('group')],
  ['is radiology in the pilot', mine('group', 'radiology')],
  ['Which migration phase have I been put in?', mine('group')],
  ['what group am i', mine('group')],
  ['Is pathology part of the pilot?', mine('group', 'pathology')],
  ['are the district nurses in phase one', mine('group', 'community nursing')],
  ['Which wave is estates in?', mine('group', 'estates')],
  ['am i in the first wave of the roll out', mine('group')],
  ['Is the physio team in the pilot?', mine('group', 'physiotherapy')],
  ['which phase is HR in', mine('group', 'human resources')],
  ['Is ICU in phase 2?', mine('group', 'critical care')],
  ['Have I been put in the pilot?', mine('group')],
  ['what roll-out group is my team in', mine('group')],
  // Their own mailbox
  ['My mailbox is massive, what should I do?', mine('mailbox')],
  ['my mailbox is to big what do i do', mine('mailbox')],
  ['Is my mailbox under the limit?', mine('mailbox')],
  ['How much email have I got?', mine('mailbox')],
  ['I think my mailbox is too large to move', mine('mailbox')],
  ['my inbox is over the limit', mine('mailbox')],
  ['Do I have to clear out my mailbox before I move?', mine('mailbox')],
  ['how do i shrink my mailbox before the migration', mine('mailbox')],
  ['Is my mailbox too big for nhs mail?', mine('mailbox')],
  ['what size is my mailbox', mine('mailbox')],
  // What to do
  ['What do I need to do to get ready for the move?', mine('what-to-do')],
  ['what do i have to do before migrating', mine('what-to-do')],
  ['What happens on the day I migrate?', mine('what-to-do')],
  ['Is there anything I should do before my cutover?', mine('what-to-do')],
  ['how should i prepare for nhsmail', mine('what-to-do')],
  ['What do I do once I have been migrated?', mine('what-to-do')],
  ['what should i do after the move', mine('what-to-do')],
  ['What are the steps I need to take before migration?', mine('what-to-do')],
  ['wat do i need to do b4 i move', mine('what-to-do')],
  ['What will happen on migration day?', mine('what-to-do')],
  ['How do I get myself ready for moving to nhs.net?', mine('what-to-do')],
  ['anything i need to do before my move', mine('what-to-do')],
  // Colleagues
  ['When does Fatima Begum migrate?', who('Fatima Begum')],
  ['when is oliver wright moving to nhsmail', who('oliver wright')],
  ['When will Grace Okafor move over?', who('Grace Okafor')],
  ['what is the migration date for j.bloggs@example-trust.nhs.uk', who('j.bloggs@example-trust.nhs.uk')],
  ['look up anna.nowak@nhs.net', who('anna.nowak@nhs.net')],
  ['Which group is Rhys Morgan in?', who('Rhys Morgan')],
  ['when does Chloe migrate', who('Chloe')],
  ['What phase is Liam Murphy in?', who('Liam Murphy')],
  ['When is Dr Singh moving?', who('Dr Singh')],
  ['check when sam.taylor@example.nhs.uk migrates', who('sam.taylor@example.nhs.uk')],
  ['When does Kwame Mensah move to nhs.net?', who('Kwame Mensah')],
  ['is emily.clarke@nhs.net in the pilot', who('emily.clarke@nhs.net')],
  ['find the migration date for George Hughes', who('George Hughes')],
  ['when will Aisha Rahman migrate', who('Aisha Rahman')],
  // Attachments
  ["What's the biggest attachment I can send on NHSmail?", faq('attachments')],
  ['how large can an attachment be', faq('attachments')],
  ['Are .exe files blocked?', faq('attachments')],
  ['What file types can I not attach?', faq('attachments')],
  ['Is there a size limit for attachments?', faq('attachments')],
  ['how do i send a really big file', faq('attachments')],
  ['my attachment got blocked why', faq('attachments')],
  // Mailbox quota
  ['How much storage does an NHSmail mailbox have?', faq('mailbox-quota')],
  ['whats the mailbox quota on nhs.net', faq('mailbox-quota')],
  ['What size mailbox do we get?', faq('mailbox-quota')],
  ['Can I have a larger mailbox?', faq('mailbox-quota')],
  ['how many GB is an nhsmail mailbox', faq('mailbox-quota')],
  ['What is the maximum size of a mailbox?', faq('mailbox-quota')],
  ['is there a storage limit on nhsmail', faq('mailbox-quota')],
  // Old email
  ['Will I still be able to read my old emails?', faq('old-email')],
  ['what happens to all my old mail', faq('old-email')],
  ['Do my old emails come across to NHSmail?', faq('old-email')],
  ['How do I get at my archived emails after the move?', faq('old-email')],
  ['will i loose my old emails', faq('old-email')],
  ['What happens to my .pst archive?', faq('old-email')],
  ['can i get to my old contacts and calendar', faq('old-email')],
  // Shared mailboxes
  ['What happens to our shared inbox?', faq('shared-mailboxes')],
  ['will the team mailbox be moved', faq('shared-mailboxes')],
  ['How do shared calendars work during the migration?', faq('shared-mailboxes')],
  ['Can I still use the shared mailbox after I move?', faq('shared-mailboxes')],
  ['what about generic mailboxes', faq('shared-mailboxes')],
  ['Will I be able to see my colleagues calendars if they have not moved?', faq('shared-mailboxes')],
  ['shared mailbox access after migration', faq('shared-mailboxes')],
  // Mobile devices
  ['How do I get my NHSmail on my iPhone?', faq('mobile-devices')],
  ['can i have nhs mail on my mobile', faq('mobile-devices')],
  ['Will my work phone still get my emails?', faq('mobile-devices')],
  ['setting up nhsmail on an android phone', faq('mobile-devices')],
  ['Can I read my email on my iPad?', faq('mobile-devices')],
  ['does nhsmail work on a smart phone', faq('mobile-devices')],
  ['How do I put my email on my tablet?', faq('mobile-devices')],
  // Outlook versions and webmail
  ['Which Outlook do I need for NHSmail?', faq('outlook-versions')],
  ['will outlook 2007 still work', faq('outlook-versions')],
  ['Can I get to NHSmail from a web browser?', faq('outlook-versions')],
  ['what versions of outlook are supported', faq('outlook-versions')],
  ["What's the web address for webmail?", faq('outlook-versions')],
  ['Is my Office version OK for nhs.net?', faq('outlook-versions')],
  ['can i just use outlook web app', faq('outlook-versions')],
  // Forwarding
  ['Will emails to my old address be forwarded?', faq('forwarding')],
  ['can i auto forward my email to nhsmail', faq('forwarding')],
  ['What happens if someone emails my old address?', faq('forwarding')],
  ['How long does forwarding from the old system last?', faq('forwarding')],
  ['is auto-forwarding allowed', faq('forwarding')],
  ['Can I forward my NHSmail to my Gmail?', faq('forwarding')],
  ['will my old address still work after the move', faq('forwarding')],
  // Account activation
  ['How do I activate my new NHSmail account?', faq('account-activation')],
  ['i havent had my password for nhsmail', faq('account-activation')],
  ['How do I sign in to NHSmail for the first time?', faq('account-activation')],
  ['My NHSmail account is still pending', faq('account-activation')],
  ['how do i change my nhsmail password', faq('account-activation')],
  ["I can't log into my new nhs.net account", faq('account-activation')],
  ['Where do I get my NHSmail login?', faq('account-activation')],
  // Local administrator
  ['Who is our local administrator?', faq('local-administrator')],
  ['who is the LA here', faq('local-administrator')],
  ['Who manages NHSmail for us?', faq('local-administrator')],
  ['who can help me with my nhsmail account', faq('local-administrator')],
  ['Who do I contact about NHSmail problems?', faq('local-administrator')],
  ['Who is the local admin?', faq('local-administrator')],
  ['who resets nhsmail passwords', faq('local-administrator')],
  // Questions for the team
  ['Will my email signature be kept?', ASK],
  ['Can I keep using my current email address?', ASK],
  ['will my contacts move over', ASK],
  ["I'm on annual leave on my migration day, what happens?", ASK],
  ['Can my migration be postponed?', ASK],
  ['Will my mailbox rules still work after the migration?', ASK],
  ['Will my out-of-office reply be moved across?', ASK],
  ['does scan to email work after we move to nhsmail', ASK],
  ['Can I pick my NHSmail address?', ASK],
  ['Is there any NHSmail training?', ASK],
  ['Will my PA still be able to manage my mailbox?', ASK],
  ['what about our distribution lists after the migration', ASK],
  ['Will Teams be affected by the email migration?', ASK],
  ['What if my email goes wrong during the migration?', ASK],
  ['Could I be migrated sooner?', ASK],
  ['Will public folders come across to NHSmail?', ASK],
  // Off topic: declined
  ['Is it sunny outside?', OFF],
  ["what's for lunch today", OFF],
  ['Tell me something funny', OFF],
  ['Who won the match last night?', OFF],
  ['How do I request annual leave?', OFF],
  ['Where can I park?', OFF],
  ['hiya', OFF],
  ['What time is it?', OFF],
  ['Can you order a taxi?', OFF],
  ['The printer on level 3 is jammed', OFF],
  ['When is the staff party?', OFF],
  ['What is 7 times 8?', OFF],
  ['How do I get a new ID badge?', OFF],
  ['my keyboard is broken', OFF],
  ['What time does the coffee shop close?', OFF],
  ['Where is the nearest cashpoint?', OFF],
  ['how old are you', OFF],
  ['Can I have a day off on Friday?', OFF],
  ['when is the next bus into town', OFF],
  ['How do I submit my mileage claim?', OFF],
  ['Is the gym open on Sundays?', OFF],
  ['who is the chief executive', OFF],
  ['fancy a cuppa', OFF],
  ['Book me a meeting room for Tuesday', OFF],
  ['What is the capital of France?', OFF],
  ['recommend a good film', OFF],
  ['What is the wifi password?', OFF],
  ['How many days holiday do I get?', OFF],
  ['lol', OFF],
  ['Why is the sky blue?', OFF],
];

/** Whether a recognition (or a decline, undefined) is what the label says. */
export function matches(expected: Expected, recognition: Recognition | undefined): boolean {
  if (expected.intent === 'declined') return recognition === undefined || recognition.intent === 'unknown';
  if (recognition === undefined || recognition.intent !== expected.intent) return false;
  switch (recognition.intent) {
    case 'when-do-i-migrate':
      return expected.intent === 'when-do-i-migrate' && recognition.entities.focus === expected.focus && recognition.entities.department === expected.department;
    case 'colleague-migration':
      return expected.intent === 'colleague-migration' && recognition.entities.who.toLowerCase() === expected.who.toLowerCase();
    case 'faq':
      return expected.intent === 'faq' && recognition.entities.topic === expected.topic;
    default:
      return true;
  }
}
