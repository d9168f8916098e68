const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * The adapter replies to whatever `serviceUrl` an activity names, so without this check a crafted request could make
 * the bot post (with its credentials) to any host. Only Teams' connector hosts over https, and loopback when the
 * allow-list includes it (local mode), pass.
 */
export function isAllowedServiceUrl(serviceUrl: string, allowedHosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  if (!allowedHosts.includes(host)) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK.has(host);
}
