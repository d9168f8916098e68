import { z } from 'zod';

const id = z.string().min(1).max(1024);

/**
 * The fields every turn needs before it can load state or reply. Checking them up front turns a malformed POST into a
 * clear 400 instead of an exception deep inside the adapter, and nothing is read or written for it.
 */
const activityShape = z.object({
  type: z.string().min(1).max(64),
  channelId: id,
  serviceUrl: z.string().min(1).max(2048),
  conversation: z.object({ id }),
  from: z.object({ id }),
  recipient: z.object({ id }),
});

export type ActivityShapeResult = { ok: true; serviceUrl: string } | { ok: false; problems: string[] };

export function checkActivityShape(body: unknown): ActivityShapeResult {
  const parsed = activityShape.safeParse(body);
  if (parsed.success) return { ok: true, serviceUrl: parsed.data.serviceUrl };
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`) };
}
