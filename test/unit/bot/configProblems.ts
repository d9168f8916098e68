import { ConfigError, loadConfig } from '../../../bot/config';

/** What `loadConfig` refuses these settings for, as the engineer reads it at start-up; throws if it accepts them. */
export function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env, '/srv/gateway');
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}
