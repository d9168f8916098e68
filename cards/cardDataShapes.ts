import { z } from 'zod';

/**
 * The shapes every card's data is built from, shared by cardData.ts and rolloutCardData.ts so a roll-out field is
 * held to exactly the same rule as any other card's.
 */

/** Ids are strings on every card; the domain decides whether one names anything. */
export const id = z.string().max(200);
/** Templates write numbers as `"${stage}"`, which the templating keeps as a number or leaves as a string. */
export const wholeNumber = z.union([z.number().int(), z.string().trim().regex(/^-?\d{1,15}$/).transform(Number)]);
/** Typed text from an input: trimmed. */
export const text = z.string().max(20_000).transform((s) => s.trim());

export const projectOnly = z.object({ projectId: id });
