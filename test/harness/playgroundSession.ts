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

/**
 * A playground in its own folder (its config names the current user), on a port the OS picks so a developer's
 * playground on 56150 is left alone, with a client already connected to its API and stream.
 */
export async function startPlaygroundSession(
  botEndpoint: string,
  currentUser: PlaygroundPerson = JO_BLOGGS,
  users: readonly PlaygroundPerson[] = [],
): Promise<PlaygroundSession> {
  const workDir = await mkdtemp(join(tmpdir(), 'gateway-playground-'));
  await writePlaygroundConfig(workDir, { currentUser, users });
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
