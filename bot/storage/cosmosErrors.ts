/**
 * The SDK's ErrorResponse carries the HTTP status in `code` (a number) and sometimes in
 * `statusCode`; transport errors put a string such as 'ECONNREFUSED' in `code`. Reading
 * both keeps callers from depending on which one a given SDK path fills in.
 */
export function cosmosStatusCode(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { code, statusCode } = err as { code?: unknown; statusCode?: unknown };
  if (typeof statusCode === 'number') return statusCode;
  if (typeof code === 'number') return code;
  return undefined;
}

/** True when a write lost an optimistic-concurrency race (someone changed the document since it was read). */
export function isPreconditionFailed(err: unknown): boolean {
  return cosmosStatusCode(err) === 412;
}

export function isNotFound(err: unknown): boolean {
  return cosmosStatusCode(err) === 404;
}

/**
 * What may be logged about an error. Cosmos error bodies and diagnostics can echo request
 * payloads, so logs get the name, codes and a clipped message, never the whole object.
 */
export function describeError(err: unknown): { name: string; code?: string | number; statusCode?: number; message: string } {
  if (!(err instanceof Error)) return { name: typeof err, message: 'non-Error thrown' };
  const { code } = err as { code?: unknown };
  const statusCode = cosmosStatusCode(err);
  return {
    name: err.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(statusCode !== undefined ? { statusCode } : {}),
    message: err.message.slice(0, 200),
  };
}
