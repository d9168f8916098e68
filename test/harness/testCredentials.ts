import { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { ServiceClientCredentials } from 'botframework-connector';
import { TEST_TENANT } from './activities';
import type { GatewayUnderTestOptions } from './gatewayUnderTest';

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

/**
 * The bot as deployed (BOT_ID set, so every inbound request must carry a valid token), validating tokens against a
 * loopback OpenID server and signing its replies with the static credentials above. `env` adds or overrides settings.
 */
export function authenticatedOptions(appId: string, openIdMetadataUrl: string, env: Record<string, string> = {}): GatewayUnderTestOptions {
  return {
    env: {
      BOT_ID: appId,
      BOT_PASSWORD: 'not-used-outbound-in-tests',
      BOT_TENANT_ID: TEST_TENANT,
      BOT_OPENID_METADATA_URL: openIdMetadataUrl,
      HOST: '127.0.0.1',
      ALLOWED_TENANT_IDS: TEST_TENANT,
      ALLOWED_SERVICE_URL_HOSTS: '127.0.0.1',
      ...env,
    },
    credentialsFactory: new StaticCredentialsFactory(appId),
  };
}
