import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { messageActivity, postActivity, TEST_BOT_ID, TEST_TENANT } from '../harness/activities';
import { visibleText } from '../harness/cardText';
import { startGatewayUnderTest } from '../harness/gatewayUnderTest';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';
import { OpenIdServer } from '../harness/openIdServer';
import { authenticatedOptions, OUTBOUND_TEST_TOKEN } from '../harness/testCredentials';

const APP_ID = '11111111-2222-4333-8444-555555555555';

/** Nothing may be read, written or sent for a refused request: the counters prove it. */
function expectUntouched(bot: GatewayUnderTest): void {
  expect(bot.gateway.cosmosOperations.total).toBe(0);
  expect(bot.connector.calls).toHaveLength(0);
}

describe('requests refused before any work (local mode)', () => {
  let bot: GatewayUnderTest;
  beforeAll(async () => {
    bot = await startGatewayUnderTest({ env: { ALLOWED_TENANT_IDS: TEST_TENANT } });
  });
  afterAll(async () => {
    await bot.close();
  });
  beforeEach(() => {
    bot.connector.reset();
    bot.gateway.cosmosOperations.reset();
  });

  it('when an activity lacks its conversation and sender, then it gets 400 naming the fields, and nothing is touched', async () => {
    const result = await postActivity(bot.url, { type: 'message', text: 'hello', serviceUrl: bot.connector.serviceUrl });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: 'BadActivity', problems: expect.arrayContaining(['conversation: Required', 'from: Required']) as unknown });
    expectUntouched(bot);
  });

  it('when the body is not JSON, then it gets 400 and nothing is touched', async () => {
    const result = await postActivity(bot.url, '{"type": "message", ');
    expect(result.status).toBe(400);
    expectUntouched(bot);
  });

  it('when an activity names a service URL that is not Teams, then it gets 403 and the bot sends nothing there', async () => {
    const result = await postActivity(bot.url, messageActivity({ serviceUrl: 'https://attacker.example.com/', text: 'help' }));
    expect(result.status).toBe(403);
    expectUntouched(bot);
  });

  it('when an activity says plain http to a non-loopback host, then it is refused', async () => {
    const result = await postActivity(bot.url, messageActivity({ serviceUrl: 'http://smba.trafficmanager.net/uk/', text: 'help' }));
    expect(result.status).toBe(403);
    expectUntouched(bot);
  });

  it('when an activity comes from a tenant that is not allowed, then it is dropped before any state is read', async () => {
    const result = await postActivity(bot.url, messageActivity({ serviceUrl: bot.connector.serviceUrl, text: 'help', tenantId: 'another-tenant' }));
    // The turn runs inside the request, so once the response is in, anything it would have sent has been sent.
    expect(result.status).toBe(200);
    expectUntouched(bot);
  });

  it('when an activity comes from the allowed tenant, then it is answered before its HTTP response (so the check above can fail)', async () => {
    const result = await postActivity(bot.url, messageActivity({ serviceUrl: bot.connector.serviceUrl, text: 'help' }));
    expect(result.status).toBe(200);
    const [reply] = bot.connector.activities;
    expect(visibleText(reply!)).toContain('What Gateway can do');
  });

  it.each([
    ['text is a number', { text: 42 }],
    ['text is an object', { text: { toString: 'help' } }],
    ['from.name is an object', { from: { id: '29:user-1', name: { first: 'Sam' } } }],
    ['conversation.tenantId is an object', { conversation: { id: 'a:personal-1', conversationType: 'personal', tenantId: { id: TEST_TENANT } } }],
    ['conversation.conversationType is a number', { conversation: { id: 'a:personal-1', conversationType: 7 } }],
    ['channelData.team.id is a number', { channelData: { tenant: { id: TEST_TENANT }, team: { id: 19 } } }],
    ['value is a string', { value: 'item-save' }],
  ])('when %s, then it gets 400 naming the field, and nothing is touched', async (_label, override) => {
    const result = await postActivity(bot.url, { ...messageActivity({ serviceUrl: bot.connector.serviceUrl, text: 'help' }), ...override });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: 'BadActivity' });
    expectUntouched(bot);
  });
});

describe('inbound authentication (BOT_ID set)', () => {
  let bot: GatewayUnderTest;
  let openId: OpenIdServer;

  beforeAll(async () => {
    openId = await OpenIdServer.start();
    bot = await startGatewayUnderTest(authenticatedOptions(APP_ID, openId.metadataUrl));
  });
  afterAll(async () => {
    await bot.close();
    await openId.close();
  });
  beforeEach(() => {
    bot.connector.reset();
    bot.gateway.cosmosOperations.reset();
  });

  const activity = () => messageActivity({ serviceUrl: bot.connector.serviceUrl, text: 'help', botId: TEST_BOT_ID });

  it('when a request has no token, then it gets 401 and touches neither storage nor the network', async () => {
    const result = await postActivity(bot.url, activity());
    expect(result.status).toBe(401);
    expectUntouched(bot);
  });

  it.each([
    ['signed with a key the provider does not publish', { forged: true }],
    ['issued for another app', { audience: 'some-other-app' }],
    ['from another issuer', { issuer: 'https://evil.example.com' }],
    ['expired an hour ago', { expiresInSeconds: -3600 }],
    ['issued for another service URL', { serviceUrl: 'https://smba.trafficmanager.net/uk/' }],
  ])('when the token is %s, then it gets 401 and nothing is touched', async (_label, overrides) => {
    const a = activity();
    const token = openId.signToken({ audience: APP_ID, serviceUrl: String(a.serviceUrl), ...overrides });
    const result = await postActivity(bot.url, a, token);
    expect(result.status).toBe(401);
    expectUntouched(bot);
  });

  it('when the token is valid, then the turn runs and the reply is sent with the bot’s own credentials', async () => {
    const a = activity();
    const result = await postActivity(bot.url, a, openId.signToken({ audience: APP_ID, serviceUrl: String(a.serviceUrl) }));
    expect(result.status).toBe(200);
    const [reply] = await bot.connector.waitForActivities(1);
    expect(visibleText(reply!)).toContain('What Gateway can do');
    expect(bot.connector.calls[0]?.authorization).toBe(`Bearer ${OUTBOUND_TEST_TOKEN}`);
  });
});
