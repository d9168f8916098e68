import type { CosmosClient } from '@azure/cosmos';
import * as http from 'node:http';
import * as net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCosmosClient } from '../../bot/storage/cosmosClient';
import { openGatewayDatabase, pingDatabase, PROJECTS_CONTAINER_ID } from '../../bot/storage/database';
import type { EmbeddedCosmos } from '../../bot/storage/embeddedCosmos';
import { startEmbeddedCosmos } from '../../bot/storage/embeddedCosmos';

/** A TCP relay in front of the server, to count the connections the SDK really opens. */
async function startCountingRelay(target: URL): Promise<{ endpoint: string; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    connections += 1;
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port } = relay.address() as net.AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        relay.close(() => resolve());
      }),
  };
}

function getHeaders(url: string): Promise<http.IncomingHttpHeaders> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        res.resume();
        resolve(res.headers);
      })
      .on('error', reject);
  });
}

describe('embedded Cosmos', () => {
  let cosmos: EmbeddedCosmos;

  beforeAll(async () => {
    cosmos = await startEmbeddedCosmos();
  });

  afterAll(async () => {
    await cosmos.close();
  });

  it('when started with port 0, then it listens over plain http on a free loopback port', () => {
    const url = new URL(cosmos.endpoint);
    expect(url.protocol).toBe('http:');
    expect(url.hostname).toBe('127.0.0.1');
    expect(Number(url.port)).toBeGreaterThan(0);
  });

  it('when the SDK writes and reads a document, then it gets the document back', async () => {
    const client = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key });
    try {
      const { projects } = await openGatewayDatabase(client, 'embedded-roundtrip');
      await projects.items.create({ id: 'g1', projectId: 'p1', name: 'Ward 7' });
      const { resource } = await projects.item('g1', 'p1').read<{ name: string }>();
      expect(resource?.name).toBe('Ward 7');
    } finally {
      client.dispose();
    }
  });

  it('when a client asks, then the server keeps the connection alive', async () => {
    const headers = await getHeaders(`${cosmos.endpoint}/`);
    expect(headers.connection).toBe('keep-alive');
  });

  it('when the client makes many requests, then it reuses its connections', async () => {
    const relay = await startCountingRelay(new URL(cosmos.endpoint));
    const client = createCosmosClient({ endpoint: relay.endpoint, key: cosmos.key });
    try {
      const { projects } = await openGatewayDatabase(client, 'embedded-keepalive');
      await projects.items.create({ id: 'g1', projectId: 'p1' });
      for (let i = 0; i < 20; i += 1) await projects.item('g1', 'p1').read();
      expect(relay.connections()).toBeLessThanOrEqual(2);
    } finally {
      client.dispose();
      await relay.close();
    }
  });

  it('when the port is taken, then starting fails instead of hanging', async () => {
    const port = Number(new URL(cosmos.endpoint).port);
    await expect(startEmbeddedCosmos({ port })).rejects.toThrow(/EADDRINUSE/);
  });

  it('when closed twice, then both calls resolve and the port stops answering', async () => {
    const other = await startEmbeddedCosmos();
    await Promise.all([other.close(), other.close()]);
    await expect(getHeaders(`${other.endpoint}/`)).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('opening the Gateway database', () => {
  let cosmos: EmbeddedCosmos;
  let client: CosmosClient;

  beforeAll(async () => {
    cosmos = await startEmbeddedCosmos();
    client = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key });
  });

  afterAll(async () => {
    client.dispose();
    await cosmos.close();
  });

  it('when the database is missing, then it is created with both containers on their partition keys', async () => {
    const { database, state, projects } = await openGatewayDatabase(client, 'open-fresh');
    expect((await database.read()).resource?.id).toBe('open-fresh');
    expect((await state.read()).resource?.partitionKey?.paths).toEqual(['/id']);
    expect((await projects.read()).resource?.partitionKey?.paths).toEqual(['/projectId']);
  });

  it('when opened twice, then the second open keeps the existing documents', async () => {
    const first = await openGatewayDatabase(client, 'open-twice');
    await first.projects.items.create({ id: 'keep', projectId: 'p1' });
    const second = await openGatewayDatabase(client, 'open-twice');
    const { resource } = await second.projects.item('keep', 'p1').read<{ id: string }>();
    expect(resource?.id).toBe('keep');
  });

  it('when a container exists with another partition key, then opening fails naming it', async () => {
    const { database } = await client.databases.createIfNotExists({ id: 'open-mismatch' });
    await database.containers.createIfNotExists({ id: PROJECTS_CONTAINER_ID, partitionKey: { paths: ['/wrong'] } });
    await expect(openGatewayDatabase(client, 'open-mismatch')).rejects.toThrow(/"projects".*\/wrong.*\/projectId/);
  });

  it('when the database answers, then the ping is true', async () => {
    const { database } = await openGatewayDatabase(client, 'ping-up');
    await expect(pingDatabase(database)).resolves.toBe(true);
  });

  it('when the database was deleted, then the ping is false', async () => {
    const { database } = await openGatewayDatabase(client, 'ping-deleted');
    await database.delete();
    await expect(pingDatabase(database)).resolves.toBe(false);
  });

  it('when the server is gone, then the ping is false rather than an error', async () => {
    const gone = await startEmbeddedCosmos();
    const goneClient = createCosmosClient({ endpoint: gone.endpoint, key: gone.key });
    try {
      const { database } = await openGatewayDatabase(goneClient, 'ping-gone');
      await gone.close();
      const started = Date.now();
      await expect(pingDatabase(database, { timeoutMs: 300 })).resolves.toBe(false);
      expect(Date.now() - started).toBeLessThan(800);
    } finally {
      goneClient.dispose();
    }
  });

  it('when the server hangs, then the ping gives up after its timeout', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const hangingClient = createCosmosClient({ endpoint: `http://127.0.0.1:${port}`, key: 'k' });
    try {
      const started = Date.now();
      await expect(pingDatabase(hangingClient.database('any'), { timeoutMs: 200 })).resolves.toBe(false);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      hangingClient.dispose();
      silent.closeAllConnections();
      silent.close();
    }
  });
});
