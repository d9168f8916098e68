import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { AuthConfig } from '../config';
import { GatewayAdapter } from './gatewayAdapter';

/**
 * Without an app id the adapter checks nothing, which is why config only allows that on loopback. With one, every
 * inbound request must carry a Bot Framework token for this app; the OpenID and issuer overrides exist for
 * sovereign clouds and for the tests' loopback OpenID server.
 */
export function createAdapter(auth: AuthConfig, credentialsFactory?: ServiceClientCredentialsFactory): GatewayAdapter {
  if (auth.kind === 'none') return new GatewayAdapter({});
  return new GatewayAdapter(
    {
      MicrosoftAppId: auth.appId,
      MicrosoftAppPassword: auth.appPassword,
      MicrosoftAppType: auth.appType,
      MicrosoftAppTenantId: auth.tenantId,
      ...(auth.openIdMetadataUrl === undefined
        ? {}
        : { ToBotFromChannelOpenIdMetadataUrl: auth.openIdMetadataUrl, ToBotFromEmulatorOpenIdMetadataUrl: auth.openIdMetadataUrl }),
      ...(auth.tokenIssuer === undefined ? {} : { ToBotFromChannelTokenIssuer: auth.tokenIssuer }),
    },
    credentialsFactory,
  );
}
