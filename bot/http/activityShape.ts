import { z } from 'zod';

const id = z.string().min(1).max(1024);
/** Optional on the wire; when present it must be what every reader of the activity assumes it is. */
const optionalText = z.string().max(100_000).nullish();
const idHolder = z.object({ id: z.string().max(1024).nullish() }).passthrough().nullish();

/**
 * The fields every turn needs before it can load state or reply, and the ones routes read, at the types they read
 * them as. Checking them up front turns a malformed POST into a clear 400 instead of an exception deep inside the
 * adapter or a route (a number as `text`, an object as the sender's name or the tenant id), and nothing is read or
 * written for it. Card data (`value`) only has to be an object here: each verb's own schema checks its fields.
 */
const activityShape = z.object({
  type: z.string().min(1).max(64),
  channelId: id,
  serviceUrl: z.string().min(1).max(2048),
  conversation: z
    .object({
      id,
      tenantId: optionalText,
      conversationType: optionalText,
      isGroup: z.boolean().nullish(),
    })
    .passthrough(),
  from: z.object({ id, name: optionalText, aadObjectId: optionalText }).passthrough(),
  recipient: z.object({ id, name: optionalText }).passthrough(),
  text: optionalText,
  name: optionalText,
  replyToId: optionalText,
  locale: optionalText,
  value: z.record(z.unknown()).nullish(),
  channelData: z.object({ tenant: idHolder, team: idHolder, channel: idHolder }).passthrough().nullish(),
  entities: z.array(z.record(z.unknown())).nullish(),
  attachments: z.array(z.record(z.unknown())).nullish(),
});

export type ActivityShapeResult = { ok: true; serviceUrl: string } | { ok: false; problems: string[] };

export function checkActivityShape(body: unknown): ActivityShapeResult {
  const parsed = activityShape.safeParse(body);
  if (parsed.success) return { ok: true, serviceUrl: parsed.data.serviceUrl };
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`) };
}
