import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';

/**
 * Checks an Entra access token presented to the job endpoint: RS256 signature by a key the tenant's OpenID metadata
 * publishes, the issuer, the audience (the bot's own app id, or `api://` it), the calling app (by default the bot's
 * own identity, e.g. the managed identity a timer function shares with it), and the token's lifetime.
 *
 * Written on node:crypto rather than a JWT library: the token shape is fixed and small, and every check is here to
 * read. Keys are cached and fetched again when a token names an unknown `kid` (at most once a minute), so a rotated
 * key is picked up without a restart and a flood of bad tokens cannot make the bot hammer the metadata endpoint.
 */
export interface EntraJobTokenSettings {
  readonly openIdMetadataUrl: string;
  readonly issuers: readonly string[];
  readonly audiences: readonly string[];
  /** App ids (`azp` or `appid` claim) allowed to start the job. */
  readonly callers: readonly string[];
  /** Allowance for clocks a little apart. */
  readonly clockSkewSeconds?: number;
}

export type TokenCheck = { readonly ok: true; readonly caller: string } | { readonly ok: false; readonly reason: string };

export interface EntraJobTokenValidator {
  check(token: string): Promise<TokenCheck>;
}

type Fetch = (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export function entraJobTokenValidator(settings: EntraJobTokenSettings, options: { readonly fetch?: Fetch; readonly now?: () => number } = {}): EntraJobTokenValidator {
  const get: Fetch = options.fetch ?? ((url) => fetch(url, { signal: AbortSignal.timeout(10_000) }));
  const now = options.now ?? Date.now;
  const skew = (settings.clockSkewSeconds ?? 300) * 1000;
  let keys = new Map<string, JsonWebKey>();
  let fetchedAt = Number.NEGATIVE_INFINITY;

  const refreshKeys = async (): Promise<void> => {
    if (now() - fetchedAt < 60_000) return;
    fetchedAt = now();
    const metadata = await readJson(get, settings.openIdMetadataUrl);
    const jwksUri = typeof metadata === 'object' && metadata !== null ? (metadata as { jwks_uri?: unknown }).jwks_uri : undefined;
    if (typeof jwksUri !== 'string') throw new Error('OpenID metadata has no jwks_uri');
    const jwks = await readJson(get, jwksUri);
    const list = typeof jwks === 'object' && jwks !== null ? (jwks as { keys?: unknown }).keys : undefined;
    const next = new Map<string, JsonWebKey>();
    if (Array.isArray(list)) {
      for (const key of list as unknown[]) {
        if (typeof key === 'object' && key !== null && typeof (key as { kid?: unknown }).kid === 'string' && (key as { kty?: unknown }).kty === 'RSA') {
          next.set((key as { kid: string }).kid, key as JsonWebKey);
        }
      }
    }
    keys = next;
  };

  return {
    async check(token) {
      const parts = token.split('.');
      if (parts.length !== 3) return { ok: false, reason: 'malformed' };
      const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
      const header = decodePart(headerPart);
      const payload = decodePart(payloadPart);
      if (!header || !payload) return { ok: false, reason: 'malformed' };
      if (header.alg !== 'RS256' || typeof header.kid !== 'string') return { ok: false, reason: 'algorithm' };
      let jwk = keys.get(header.kid);
      if (!jwk) {
        await refreshKeys();
        jwk = keys.get(header.kid);
      }
      if (!jwk) return { ok: false, reason: 'unknown-key' };
      const signed = verify('RSA-SHA256', Buffer.from(`${headerPart}.${payloadPart}`), createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(signaturePart, 'base64url'));
      if (!signed) return { ok: false, reason: 'signature' };
      if (typeof payload.iss !== 'string' || !settings.issuers.includes(payload.iss)) return { ok: false, reason: 'issuer' };
      const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
      if (!audiences.some((a) => typeof a === 'string' && settings.audiences.includes(a))) return { ok: false, reason: 'audience' };
      const at = now();
      if (typeof payload.exp !== 'number' || payload.exp * 1000 + skew < at) return { ok: false, reason: 'expired' };
      if (typeof payload.nbf === 'number' && payload.nbf * 1000 - skew > at) return { ok: false, reason: 'not-yet-valid' };
      const caller = typeof payload.azp === 'string' ? payload.azp : typeof payload.appid === 'string' ? payload.appid : undefined;
      if (caller === undefined || !settings.callers.includes(caller)) return { ok: false, reason: 'caller' };
      return { ok: true, caller };
    },
  };
}

/** Entra's metadata and issuers (v1 and v2 tokens) for a tenant: the defaults for the bot's own tenant. */
export function entraDefaultsFor(tenantId: string): { readonly openIdMetadataUrl: string; readonly issuers: readonly string[] } {
  return {
    openIdMetadataUrl: `https://login.microsoftonline.com/${tenantId}/v2.0/.well-known/openid-configuration`,
    issuers: [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`],
  };
}

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function readJson(get: Fetch, url: string): Promise<unknown> {
  const response = await get(url);
  if (!response.ok) throw new Error(`OpenID endpoint answered ${response.status}`);
  return response.json();
}
