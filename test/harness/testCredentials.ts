import { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { ServiceClientCredentials } from 'botframework-connector';

export const OUTBOUND_TEST_TOKEN = 'outbound-test-token';

/**
 * Signs the bot's outbound calls with a fixed token instead of asking Entra ID (unreachable here), so an
 * authenticated bot can still reply to the fake connector. Inbound validation is untouched.
 */
export class StaticCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(private readonly appId: string) {
    super();
  }

  isValidAppId(appId: string): Promise<boolean> {
    return Promise.resolve(appId === this.appId);
  }

  isAuthenticationDisabled(): Promise<boolean> {
    return Promise.resolve(false);
  }

  createCredentials(): Promise<ServiceClientCredentials> {
    return Promise.resolve({
      signRequest: (request) => {
        request.headers.set('authorization', `Bearer ${OUTBOUND_TEST_TOKEN}`);
        return Promise.resolve(request);
      },
    });
  }
}
