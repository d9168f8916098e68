import { describe, expect, it } from 'vitest';
import { colleagueMigrationCardJson } from '../../../cards/colleagueMigrationCard';
import { myMigrationCardJson } from '../../../cards/myMigrationCard';
import { CARD_BUDGET_BYTES, teamsMessageBytes } from '../../../cards/teamsMessageSize';
import { DEFAULT_FAQ_SETTINGS } from '../../../bot/migration/answers/faq/faqSettings';
import { composeMyMigration } from '../../../bot/migration/answers/personal/myMigrationAnswer';
import { visibleText } from '../../harness/cardText';
import { rolloutGroup, staffMember, worstMyMigrationInput } from '../answers/personalFixtures';

const asAttachment = (content: unknown) => ({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content }] });

describe('the staff answer cards', () => {
  it('when a member of staff’s answer is drawn, then it leads with the headline and shows group and date in UK style', () => {
    const answer = composeMyMigration({ member: staffMember(), group: rolloutGroup(), organisationName: 'Ysbyty Example NHS Trust', projectMembers: [], settings: DEFAULT_FAQ_SETTINGS, focus: 'date', today: '2027-02-01' });
    const text = visibleText(asAttachment(myMigrationCardJson(answer)));
    expect(text.indexOf('You move to NHSmail on Tue 2 Mar 2027')).toBeLessThan(text.indexOf('What to do before you move'));
    expect(text).toContain('Your group: Pilot');
    expect(text).toContain('Your date: Tue 2 Mar 2027');
  });

  it('when every name is 200 characters and the project has 60 local administrators, then the card stays under the 80 KB budget', () => {
    const answer = composeMyMigration(worstMyMigrationInput());
    expect(teamsMessageBytes(myMigrationCardJson(answer))).toBeLessThan(CARD_BUDGET_BYTES);
  });

  it('when a colleague look-up finds people, then each shows group, date and status, and more matches say to use the email', () => {
    const card = colleagueMigrationCardJson({
      organisationName: 'Ysbyty',
      asked: 'khan',
      people: [{ name: 'Aisha Khan', email: 'aisha.khan@nhs.net', department: 'Pharmacy', group: 'Pilot', cutover: 'Tue 2 Mar 2027', status: 'Not started' }],
      more: true,
      today: '2027-02-01',
    });
    const text = visibleText(asAttachment(card));
    expect(text).toContain('When does khan move?');
    expect(text).toContain('1 person matches (and more).');
    expect(text).toContain('Group: Pilot');
    expect(text).toContain('Type their email address');
  });
});
