import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, postActivity } from '../harness/activities';
import { startGatewayUnderTest } from '../harness/gatewayUnderTest';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';

const SECRET_TEXT = 'Patient Zebedee Quince has an appointment';
const SECRET_NAME = 'Zebedee Quince';
const SECRET_EMAIL = 'zebedee.quince@nhs.net';

describe('what the bot writes to its logs', () => {
  const lines: string[] = [];
  let bot: GatewayUnderTest;

  beforeAll(async () => {
    bot = await startGatewayUnderTest({ env: { LOG_LEVEL: 'trace' }, logDestination: { write: (line) => lines.push(line) } });
  });
  afterAll(async () => {
    await bot.close();
  });

  it('when turns succeed, fail and are refused, then no message text, name or email appears in any log line', async () => {
    const activity = (text: string) => ({
      ...messageActivity({ serviceUrl: bot.connector.serviceUrl, text }),
      from: { id: '29:z', name: SECRET_NAME, aadObjectId: 'aad-z', email: SECRET_EMAIL },
    });
    await postActivity(bot.url, activity(SECRET_TEXT));
    await postActivity(bot.url, activity('help'));
    bot.connector.failNext(403);
    await postActivity(bot.url, activity(SECRET_TEXT));
    await postActivity(bot.url, { ...activity(SECRET_TEXT), serviceUrl: 'https://attacker.example.com/' });
    await postActivity(bot.url, { type: 'message', text: SECRET_TEXT, from: { name: SECRET_NAME } });

    const log = lines.join('');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(log).toContain('turn failed');
    expect(log).not.toContain('Zebedee');
    expect(log).not.toContain(SECRET_EMAIL);
    expect(log).not.toContain('appointment');
  });

  it('when a turn fails, then the log has a correlation id matching the reference the user was given', () => {
    const apology = bot.connector.activities.find((a) => String(a.text).startsWith('Sorry, something went wrong'));
    const reference = /reference: ([0-9a-f]{8})/.exec(String(apology?.text))?.[1];
    expect(reference).toBeDefined();
    expect(lines.some((line) => line.includes('"correlationId"') && line.includes(reference!))).toBe(true);
  });
});
