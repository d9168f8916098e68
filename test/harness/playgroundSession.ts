import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlayground, writePlaygroundConfig } from '../../bot/local/playground';
import type { PlaygroundPerson } from '../../bot/local/playground';
import { connectPlayground } from './playgroundClient';
import type { PlaygroundClient } from './playgroundClient';

export interface PlaygroundSession {
  readonly client: PlaygroundClient;
  readonly url: string;
  close(): Promise<void>;
}

export const JO_BLOGGS: PlaygroundPerson = { id: 'user-jo', name: 'Jo Bloggs', userPrincipalName: 'jo.bloggs@nhs.net', email: 'jo.bloggs@nhs.net' };

export interface PlaygroundSessionOptions {
  /**
   * The current user's personal chat with the bot. Every playground calls it `personal-chat-id`, so tests with one
   * playground per person give each their own, as Teams does: otherwise the bot would see one chat shared by all.
   */
  readonly personalChatId?: string;
}

/**
 * A playground in its own folder (its config names the current user), on a port the OS picks so a developer's
 * playground on 56150 is left alone, with a client already connected to its API and stream.
 *
 * One playground is one signed-in person: it stamps every message, submit and invoke with its config's current user,
 * whatever `from` the request names. Several people are several playgrounds on the same tenant and team.
 */
export async function startPlaygroundSession(
  botEndpoint: string,
  currentUser: PlaygroundPerson = JO_BLOGGS,
  users: readonly PlaygroundPerson[] = [],
  options: PlaygroundSessionOptions = {},
): Promise<PlaygroundSession> {
  const workDir = await mkdtemp(join(tmpdir(), 'gateway-playground-'));
  await writePlaygroundConfig(workDir, { currentUser, users, ...(options.personalChatId === undefined ? {} : { personalChatId: options.personalChatId }) });
  const playground = await startPlayground({ botEndpoint, port: 0, cwd: workDir });
  const client = await connectPlayground(playground.url);
  return {
    client,
    url: playground.url,
    async close() {
      await client.close();
      await playground.stop();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}
