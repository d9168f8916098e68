import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TENANT } from '../harness/activities';
import { startGatewayUnderTest, type GatewayUnderTest } from '../harness/gatewayUnderTest';
import { OpenIdServer } from '../harness/openIdServer';
import { authenticatedOptions } from '../harness/testCredentials';

/** POST /api/jobs/weekly-highlights with an Entra token for the bot's own app instead of the key. */

const APP_ID = '5b8a3f6e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const ISSUER = `https://login.microsoftonline.com/${TEST_TENANT}/v2.0`;

describe('the job endpoint with an Entra bearer token', () => {
  let bot: GatewayUnderTest;
  let openId: OpenIdServer;
  const trigger = (token?: string) =>
    fetch(`${bot.url}/api/jobs/weekly-highlights`, { method: 'POST', headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
  const token = (options: { audience?: string; issuer?: string; caller?: string; forged?: boolean; expiresInSeconds?: number } = {}) =>
    openId.signToken({
      audience: options.audience ?? APP_ID,
      serviceUrl: 'unused',
      issuer: options.issuer ?? ISSUER,
      ...(options.forged === undefined ? {} : { forged: options.forged }),
      ...(options.expiresInSeconds === undefined ? {} : { expiresInSeconds: options.expiresInSeconds }),
      claims: { azp: options.caller ?? APP_ID, tid: TEST_TENANT },
    });

  beforeAll(async () => {
    openId = await OpenIdServer.start();
    bot = await startGatewayUnderTest(authenticatedOptions(APP_ID, openId.metadataUrl, { JOBS_TOKEN_OPENID_METADATA_URL: openId.metadataUrl }));
  });
  afterAll(async () => {
    await bot?.close();
    await openId?.close();
  });

  it('when a valid token for the bot’s own app is given, then the run starts (202), with no key configured', async () => {
    const response = await trigger(token());
    expect(response.status).toBe(202);
    expect(((await response.json()) as { runId?: unknown }).runId).toEqual(expect.stringMatching(/./));
  });

  it('when the token is missing, forged, expired, for another audience or issuer, or from another app, then 401 and nothing runs', async () => {
    for (const bad of [
      undefined,
      token({ forged: true }),
      token({ expiresInSeconds: -3600 }),
      token({ audience: 'some-other-api' }),
      token({ issuer: 'https://login.microsoftonline.com/another-tenant/v2.0' }),
      token({ caller: '11111111-2222-3333-4444-555555555555' }),
      'not.a.token',
    ]) {
      const response = await trigger(bad);
      expect(response.status).toBe(401);
    }
  });
});
