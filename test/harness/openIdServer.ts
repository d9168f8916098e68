import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendJson } from './sendJson';
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

export interface TokenOptions {
  readonly audience: string;
  readonly serviceUrl: string;
  /** Defaults to the server's issuer; another value proves issuer checking. */
  readonly issuer?: string;
  readonly expiresInSeconds?: number;
  /** Sign with a key the server does not publish: a forged token. */
  readonly forged?: boolean;
  /** More claims, e.g. an Entra token's `azp` (the calling app). */
  readonly claims?: Readonly<Record<string, unknown>>;
}

/**
 * A loopback OpenID provider standing in for the Bot Framework's: publishes metadata and a JWKS (with the
 * `msteams` endorsement real keys carry) and mints RS256 tokens, so tests exercise the adapter's real validation
 * without the internet.
 */
export class OpenIdServer {
  private constructor(
    private readonly server: Server,
    readonly metadataUrl: string,
    readonly issuer: string,
    private readonly kid: string,
    private readonly privateKey: KeyObject,
    private readonly forgedKey: KeyObject,
  ) {}

  static async start(): Promise<OpenIdServer> {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = randomUUID();
    let base = '';
    const server = createServer((req, res) => {
      if (req.url === '/.well-known/openid-configuration') {
        sendJson(res, 200, 
          JSON.stringify({ issuer: `${base}/issuer`, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }),
        );
        return;
      }
      if (req.url === '/keys') {
        const jwk = publicKey.export({ format: 'jwk' });
        sendJson(res, 200, 
          JSON.stringify({ keys: [{ ...jwk, kid, kty: 'RSA', use: 'sig', alg: 'RS256', endorsements: ['msteams'] }] }),
        );
        return;
      }
      sendJson(res, 404, '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new OpenIdServer(server, `${base}/.well-known/openid-configuration`, 'https://api.botframework.com', kid, privateKey, forged.privateKey);
  }

  signToken(options: TokenOptions): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: this.kid };
    const payload = {
      iss: options.issuer ?? this.issuer,
      aud: options.audience,
      serviceurl: options.serviceUrl,
      nbf: now - 60,
      iat: now - 60,
      exp: now + (options.expiresInSeconds ?? 3600),
      ...options.claims,
    };
    const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode(header)}.${encode(payload)}`;
    const signature = createSign('RSA-SHA256').update(unsigned).sign(options.forged === true ? this.forgedKey : this.privateKey).toString('base64url');
    return `${unsigned}.${signature}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

