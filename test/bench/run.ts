import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { startGateway } from '../../bot/runtime';
import { FakeConnector } from '../harness/fakeConnector';
import { startEchoApp } from './echoApp';
import { measureJournalCost, printJournalCost } from './journalCost';
import { closedLoop, fixedRate } from './load';
import { measureStatusCost } from './statusCost';
import type { LoadResult, Target } from './load';

/**
 * `npm run bench`: Gateway against a bare teams-ai echo app on the same server, adapter and Cosmos storage,
 * measured alternately in one run over loopback, because this machine is too noisy for absolute figures.
 */
async function main(): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  const turnsPerRound = Number(process.env.BENCH_TURNS ?? 400);
  const config = loadConfig({ PORT: '0', PLAYGROUND: 'off', LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'gateway-bench-')), SNAPSHOT_INTERVAL_SECONDS: '3600' });
  const logger = createLogger('silent');
  const connector = await FakeConnector.start();
  const gateway = await startGateway(config, { logger });
  const echo = await startEchoApp(gateway.storage.stateStorage, config.allowedServiceUrlHosts, logger);
  const ours: Target = { name: 'gateway', url: gateway.url, serviceUrl: connector.serviceUrl, text: (i) => `something Gateway does not understand ${i}` };
  const bare: Target = { name: 'echo', url: echo.url, serviceUrl: connector.serviceUrl, text: (i) => `hello ${i}` };

  try {
    // Warm both up: JIT, keep-alive sockets, the first Cosmos documents.
    for (let i = 0; i < 2; i++) {
      await closedLoop(bare, turnsPerRound, 8);
      await closedLoop(ours, turnsPerRound, 8);
    }

    const oursRounds: LoadResult[] = [];
    const baseline: LoadResult[] = [];
    for (let round = 0; round < rounds; round++) {
      baseline.push(await closedLoop(bare, turnsPerRound, 8));
      oursRounds.push(await closedLoop(ours, turnsPerRound, 8));
      connector.reset();
    }

    gateway.cosmosOperations.reset();
    const counted = 100;
    await closedLoop(ours, counted, 1);
    const ops = gateway.cosmosOperations.snapshot();
    connector.reset();

    const rate = Number(process.env.BENCH_RATE ?? 50);
    const echoAtRate = await fixedRate(bare, rate, 6);
    const oursAtRate = await fixedRate(ours, rate, 6);

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    // Each round's ratio compares two runs made back to back, so drift in the machine's speed cancels out.
    const ratio = median(oursRounds.map((r, i) => r.turnsPerSecond / baseline[i]!.turnsPerSecond));
    const line = (name: string, r: LoadResult) =>
      `| ${name} | ${r.turnsPerSecond.toFixed(0)} | ${r.p50Ms.toFixed(1)} | ${r.p99Ms.toFixed(1)} | ${r.failures} |`;

    console.log(`\nGateway bench: ${rounds} alternating rounds of ${turnsPerRound} turns, 8 clients, loopback, embedded Cosmos\n`);
    console.log('| run | turns/s | p50 ms | p99 ms | failures |');
    console.log('|---|---|---|---|---|');
    oursRounds.forEach((r, i) => {
      console.log(line(`echo baseline, round ${i + 1}`, baseline[i]!));
      console.log(line(`Gateway, round ${i + 1}`, r));
    });
    console.log(line(`echo baseline at ${rate} turns/s`, echoAtRate));
    console.log(line(`Gateway at ${rate} turns/s`, oursAtRate));
    console.log(`\nthroughput ratio (Gateway / echo, median of the rounds' ratios): ${ratio.toFixed(2)}  (target >= 0.80)`);
    console.log(
      `Cosmos operations per state-changing turn: ${(ops.read / counted).toFixed(2)} point reads, ${((ops.upsert + ops.replace + ops.create) / counted).toFixed(2)} writes, ${(ops.query / counted).toFixed(2)} queries  (target <= 2 reads, <= 1 write)`,
    );

    const status = await measureStatusCost(gateway, connector.serviceUrl);
    const perTurn = (n: number) => (n / status.turns).toFixed(2);
    console.log(
      `\nstatus on a project with all six gateways populated: the use case makes ${status.useCase.read} point reads and ${status.useCase.query} queries (+${status.useCase.other} query plan); ` +
        `the whole turn makes ${perTurn(status.turn.read)} point reads, ${perTurn(status.turn.query)} queries, ${perTurn(status.turn.other)} other and ${perTurn(status.turn.upsert + status.turn.replace + status.turn.create)} writes`,
    );

    // What durability costs: the embedded store's write journal against the same server without it.
    for (const concurrency of [8, 1]) {
      printJournalCost(await measureJournalCost({ rounds, writesPerRound: Number(process.env.BENCH_WRITES ?? 400), concurrency }));
    }
  } finally {
    await echo.close();
    await gateway.close();
    await connector.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
