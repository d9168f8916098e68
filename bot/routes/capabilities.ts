import type { Capability } from '../../cards/capability';

/**
 * What Gateway answers today, in the order the help card lists them. A capability is added here in the same change
 * that registers its route, so help never promises something the bot cannot do.
 */
export const CAPABILITIES: readonly Capability[] = [
  { command: 'help', description: 'Shows this list of what I can do.' },
];
