import { describe, expect, it } from 'vitest';
import { findQuestion } from '../../../bot/migration/questionnaire/questionLookup';
import { DEFAULT_QUESTION_SET } from '../../../bot/migration/questionnaire/questionSet';
import type { Question } from '../../../bot/migration/questionnaire/questionTypes';
import { validateAnswer, type AnswerCheck } from '../../../bot/migration/questionnaire/validateAnswer';

function q(id: string): Question {
  const found = findQuestion(DEFAULT_QUESTION_SET, id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
}

function value(id: string, raw: unknown): unknown {
  const check = validateAnswer(q(id), raw);
  if (check.outcome !== 'answer') throw new Error(`expected an answer, got ${JSON.stringify(check)}`);
  return check.answer.value;
}

function message(id: string, raw: unknown): string {
  const check: AnswerCheck = validateAnswer(q(id), raw);
  if (check.outcome !== 'invalid') throw new Error(`expected invalid, got ${JSON.stringify(check)}`);
  return check.message;
}

describe('empty input', () => {
  it.each([[null], [''], ['   '], [[]], [undefined]])('when the input is %j, then it is blank, not an error', (raw) => {
    expect(validateAnswer(q('users-existing'), raw)).toEqual({ outcome: 'blank' });
    expect(validateAnswer(q('apps-list'), raw)).toEqual({ outcome: 'blank' });
  });
});

describe('numbers', () => {
  it('when written with thousands commas, spaces around or as a number, then the whole number is kept', () => {
    expect(value('users-existing', '1,200')).toBe(1200);
    expect(value('users-existing', ' 5000 ')).toBe(5000);
    expect(value('users-existing', 0)).toBe(0);
    expect(value('users-existing', '1,234,567')).toBe(1234567);
  });

  it.each([['-5'], [-5], ['1.5'], [2.5], ['lots'], ['1,2'], ['12,00'], ['1e3'], [true]])('when given %j, then it asks for a whole number of 0 or more', (raw) => {
    expect(message('users-existing', raw)).toBe('Enter a whole number of 0 or more.');
  });

  it('when a question has a maximum, then the message gives the range', () => {
    expect(message('method-coexistence-weeks', '105')).toBe('Enter a whole number between 0 and 104.');
    expect(value('method-coexistence-weeks', '104')).toBe(104);
  });
});

describe('yes or no', () => {
  it('when given a toggle, a choice or a boolean, then it reads yes or no', () => {
    expect(value('org-senior-approval', 'Yes')).toBe(true);
    expect(value('org-senior-approval', 'true')).toBe(true);
    expect(value('org-senior-approval', 'N')).toBe(false);
    expect(value('org-senior-approval', false)).toBe(false);
  });

  it('when given anything else, then it asks for yes or no', () => {
    expect(message('org-senior-approval', 'maybe')).toBe('Choose yes or no.');
  });
});

describe('choices', () => {
  it('when given a choice id or its label in any case, then the id is stored', () => {
    expect(value('method-phasing', 'phased')).toBe('phased');
    expect(value('method-phasing', ' all at once (BIG BANG) ')).toBe('big-bang');
  });

  it('when the choice is not offered, then the message lists the choices', () => {
    expect(message('method-phasing', 'gradually')).toBe('Choose one of: All at once (big bang), In phases.');
  });

  it('when several are picked as "a,b" or a list, then each is stored once, in the question order', () => {
    expect(value('clients-browsers', 'chrome,edge,chrome')).toEqual(['edge', 'chrome']);
    expect(value('clients-browsers', ['Safari', 'edge'])).toEqual(['edge', 'safari']);
    expect(validateAnswer(q('clients-browsers'), ' , ')).toEqual({ outcome: 'blank' });
  });

  it('when one of several picks is unknown, then the message lists what can be chosen', () => {
    expect(message('mobile-platforms', 'ios,blackberry')).toBe('Choose one or more of: iPhone or iPad, Android, Windows, Other.');
  });
});

describe('dates', () => {
  it('when written ISO or the UK way, then the ISO date is stored', () => {
    expect(value('method-cutover', '2027-06-28')).toBe('2027-06-28');
    expect(value('method-cutover', '25/11/2026')).toBe('2026-11-25');
    expect(value('method-cutover', '2/3/2027')).toBe('2027-03-02');
  });

  it.each([['31/06/2027'], ['2027-02-29'], ['11/25/2026'], ['next Tuesday'], ['25-11-2026']])('when given %j, then it asks for a date in the planning window', (raw) => {
    expect(message('method-cutover', raw)).toBe('Enter a date between 1 January 2024 and 31 December 2035, like 25/11/2026.');
  });

  it('when the date is real but outside the window, then it is refused', () => {
    expect(message('method-pilot-start', '31/12/2023')).toContain('between 1 January 2024 and 31 December 2035');
    expect(value('method-pilot-start', '31/12/2035')).toBe('2035-12-31');
  });
});

describe('email addresses', () => {
  it('when the address is plain, then it is kept in lower case without spaces', () => {
    expect(value('org-project-manager-email', ' Sian.Hughes@NHS.net ')).toBe('sian.hughes@nhs.net');
    expect(value('org-project-manager-email', "o'neill+mig@wales.nhs.uk")).toBe("o'neill+mig@wales.nhs.uk");
  });

  it.each([['name'], ['name@nhs'], ['name@@nhs.net'], ['na me@nhs.net'], ['name@nhs..net'], ['.name@nhs.net'], ['name@-nhs.net'], ['name@nhs.n3t'], ['<a>@nhs.net']])(
    'when given %j, then it asks for a real email address',
    (raw) => {
      expect(message('org-project-manager-email', raw)).toBe('Enter a real email address, like name@nhs.net.');
    },
  );
});

describe('text', () => {
  it('when text has Windows line ends and spaces around it, then it is tidied', () => {
    expect(value('legacy-detail', '  first\r\nsecond\rthird  ')).toBe('first\nsecond\nthird');
  });

  it('when text is too long, then the message says the limit and the length', () => {
    expect(message('org-ods-code', 'ABCDEFGHIJ')).toBe('Keep this to 9 characters or fewer (you have 10).');
    expect(message('legacy-detail', 'é'.repeat(1001))).toBe('Keep this to 1,000 characters or fewer (you have 1,001).');
    expect(value('legacy-detail', 'é'.repeat(1000))).toHaveLength(1000);
  });

  it('when the input is not text, then it says so', () => {
    expect(message('legacy-detail', { nope: true })).toBe('Enter your answer as text.');
  });
});

describe('application lists', () => {
  it('when rows are given by id or label, then each is stored with only the fields it has', () => {
    expect(
      value('apps-list', [
        { name: ' Mitel phones ', purpose: 'VOIP phones', sendsMailVia: 'SMTP relay', contact: 'ICT desk', flagged: 'yes' },
        { name: 'Scanners', purpose: 'scan-to-email' },
      ]),
    ).toEqual([
      { name: 'Mitel phones', purpose: 'voip', sendsMailVia: 'smtp-relay', contact: 'ICT desk', flagged: true },
      { name: 'Scanners', purpose: 'scan-to-email', sendsMailVia: 'unknown' },
    ]);
  });

  it('when the list arrives as JSON text from a card, then it is read the same way', () => {
    expect(value('apps-list', JSON.stringify([{ name: 'Alerts', purpose: 'alerts', sendsMailVia: 'exchange', flagged: false }]))).toEqual([
      { name: 'Alerts', purpose: 'alerts', sendsMailVia: 'exchange' },
    ]);
  });

  it('when rows have problems, then every problem is given with its row number, and empty rows are ignored', () => {
    expect(
      message('apps-list', [
        { name: '', purpose: '', sendsMailVia: '' },
        { name: 'Mitel', purpose: 'fax' },
        { purpose: 'alerts' },
        { name: 'mitel', purpose: 'voip', sendsMailVia: 'pigeon', flagged: 'perhaps' },
      ]),
    ).toBe(
      'Application 2: choose what it is for: VOIP phones, Scan to email, System alerts, Appointment reminders, Other. ' +
        'Application 3: enter its name. ' +
        'Application 4 has the same name as application 2; give each a different name. ' +
        'Application 4: choose how it sends mail: SMTP relay, Exchange, Other, Not known. ' +
        'Application 4: say yes or no to flagging it for re-integration.',
    );
  });

  it('when only empty rows are sent, then it is blank', () => {
    expect(validateAnswer(q('apps-list'), [{ name: ' ', purpose: '' }])).toEqual({ outcome: 'blank' });
  });

  it('when the input is not a list, then it explains what to give', () => {
    expect(message('apps-list', 'Mitel phones')).toBe('Add each application as a row with its name, what it is for and how it sends mail.');
  });
});

describe('registrations per month', () => {
  it('when pasted as lines in either month format, then the plan is stored in month order', () => {
    expect(value('registrations-plan', '2027-05: 1,200\n\n03/2027 = 50\r\n2027-4 300\n')).toEqual([
      { month: '2027-03', planned: 50 },
      { month: '2027-04', planned: 300 },
      { month: '2027-05', planned: 1200 },
    ]);
  });

  it('when given rows, then they are read the same way', () => {
    expect(value('registrations-plan', [{ month: '2027-02', planned: 10 }, { month: '2027-01', planned: '0' }])).toEqual([
      { month: '2027-01', planned: 0 },
      { month: '2027-02', planned: 10 },
    ]);
  });

  it('when lines are wrong or a month repeats, then each problem is named', () => {
    expect(message('registrations-plan', '2027-13: 5\n2027-01: -4\nJanuary: 4\n2027-02: 1\n02/2027: 2')).toBe(
      'Line 1: give the month as a real month, like 2027-01: 200. ' +
        'Line 2: enter the planned number as a whole number of 0 or more. ' +
        'Line 3: write a month and a number, like 2027-01: 200. ' +
        'February 2027 appears more than once; give one number for each month.',
    );
  });
});
