import { AuthenticationConstants } from 'botframework-connector';
import { CallerIdConstants } from 'botframework-schema';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { AuthConfig } from '../config';
import type { Logger } from '../log';
import { GatewayAdapter } from './gatewayAdapter';
import { plainReplies } from './plainReplies';

/**
 * Without an app id the adapter checks nothing, which is why config only allows that on loopback. With one, every
 * inbound request must carry a Bot Framework token for this app; the OpenID and issuer overrides exist for
 * sovereign clouds and for the tests' loopback OpenID server.
 */
export function createAdapter(auth: AuthConfig, credentialsFactory?: ServiceClientCredentialsFactory, logger?: Logger): GatewayAdapter {
  const adapter = auth.kind === 'none' ? new GatewayAdapter({}) : authenticatingAdapter(auth, credentialsFactory);
  adapter.use(plainReplies);
  return logger === undefined ? adapter : adapter.useLogger(logger);
}

function authenticatingAdapter(auth: Exclude<AuthConfig, { kind: 'none' }>, credentialsFactory?: ServiceClientCredentialsFactory): GatewayAdapter {
  return new GatewayAdapter(
    {
      MicrosoftAppId: auth.appId,
      MicrosoftAppPassword: auth.appPassword,
      MicrosoftAppType: auth.appType,
      MicrosoftAppTenantId: auth.tenantId,
      ...(auth.openIdMetadataUrl === undefined && auth.tokenIssuer === undefined ? {} : overriddenValidation(auth.openIdMetadataUrl, auth.tokenIssuer)),
    },
    credentialsFactory,
  );
}

/**
 * Setting any one validation endpoint switches the SDK to "parameterized" mode, where every endpoint must be given:
 * the public-cloud values fill the gaps, so overriding the OpenID URL does not silently blank the token issuer.
 */
function overriddenValidation(openIdMetadataUrl: string | undefined, tokenIssuer: string | undefined): Record<string, string | boolean> {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: tokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: openIdMetadataUrl ?? AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}
