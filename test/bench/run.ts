import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { startGateway } from '../../bot/runtime';
import { FakeConnector } from '../harness/fakeConnector';
import { startEchoApp } from './echoApp';
import { closedLoop, fixedRate, messageTarget, summarise } from './load';
import { pressDoneAtOnce, pressDoneTurns, questionnaireSaveTurns, statusTurns } from './peopleTurns';
import { printFanOut, runFanOutBench } from './fanOut';
import { measureJournalCost, printJournalCost } from './journalCost';
import { measureStatusCost } from './statusCost';
import { measureHighlightCost, printHighlightCost } from './highlightCost';
import { measureLookupCost, printLookupCost } from './lookupCost';
import { measureImportCost, printImportCost } from './importCost';
import { measureUnderstanding, printUnderstanding } from './understanding';
import type { LoadResult } from './load';
import type { CosmosOperationCounts } from '../../bot/storage/operationCounter';

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
  const ours = messageTarget('gateway', gateway.url, connector.serviceUrl, (i) => `something Gateway does not understand ${i}`);
  const bare = messageTarget('echo', echo.url, connector.serviceUrl, (i) => `hello ${i}`);
  const peopleTurnsPerRound = Number(process.env.BENCH_PEOPLE_TURNS ?? 100);
  const clients = 8;
  const counted = 100;
  const countedPeople = 20;
  const burstSize = Number(process.env.BENCH_BURST ?? 50);

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
    await closedLoop(ours, counted, 1);
    const ops = gateway.cosmosOperations.snapshot();
    connector.reset();

    const rate = Number(process.env.BENCH_RATE ?? 50);
    const echoAtRate = await fixedRate(bare, rate, 6);
    const oursAtRate = await fixedRate(ours, rate, 6);
    connector.reset();

    // The turns people make, each round after an echo round of the same size, so each has its own ratio.
    const kinds = [
      await pressDoneTurns(gateway, connector.serviceUrl, (rounds + 1) * peopleTurnsPerRound + countedPeople, clients),
      await statusTurns(gateway, connector.serviceUrl, clients),
      await questionnaireSaveTurns(gateway, connector.serviceUrl, clients),
    ];
    const people = kinds.map((target) => ({ target, rounds: [] as LoadResult[], echo: [] as LoadResult[], ops: undefined as CosmosOperationCounts | undefined }));
    for (const kind of people) await closedLoop(kind.target, peopleTurnsPerRound, clients);
    for (let round = 0; round < rounds; round++) {
      for (const kind of people) {
        kind.echo.push(await closedLoop(bare, peopleTurnsPerRound, clients));
        kind.rounds.push(await closedLoop(kind.target, peopleTurnsPerRound, clients));
      }
      connector.reset();
    }
    for (const kind of people) {
      gateway.cosmosOperations.reset();
      await closedLoop(kind.target, countedPeople, 1);
      kind.ops = gateway.cosmosOperations.snapshot();
    }
    connector.reset();

    const burst = await pressDoneAtOnce(gateway, connector.serviceUrl, burstSize);
    connector.reset();

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    // Each round's ratio compares two runs made back to back, so drift in the machine's speed cancels out.
    const ratioOf = (xs: readonly LoadResult[], echoes: readonly LoadResult[]) => median(xs.map((r, i) => r.turnsPerSecond / echoes[i]!.turnsPerSecond));
    const ratio = ratioOf(oursRounds, baseline);
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

    console.log(`\nThe turns people make: ${rounds} rounds of ${peopleTurnsPerRound} turns, ${clients} people at once, each in their own chat, each round after an echo round of the same size; Cosmos operations over ${countedPeople} turns of one person\n`);
    console.log('| turn | turns/s | echo turns/s | ratio | p50 ms | p99 ms | failures | Cosmos reads / writes / queries per turn |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const kind of people) {
      const pooled = summarise(kind.rounds.flatMap((r) => r.latencies), 0, 1);
      const ops = kind.ops!;
      const per = (n: number) => (n / countedPeople).toFixed(2);
      console.log(
        `| ${kind.target.name} | ${median(kind.rounds.map((r) => r.turnsPerSecond)).toFixed(0)} | ${median(kind.echo.map((r) => r.turnsPerSecond)).toFixed(0)} | ${ratioOf(kind.rounds, kind.echo).toFixed(2)} | ` +
          `${pooled.p50Ms.toFixed(1)} | ${pooled.p99Ms.toFixed(1)} | ${kind.rounds.reduce((n, r) => n + r.failures, 0)} | ${per(ops.read)} / ${per(ops.create + ops.replace + ops.upsert)} / ${per(ops.query)} |`,
      );
    }
    console.log('\n(turns/s and echo turns/s are medians of the rounds, ratio the median of the rounds\' ratios, p50 and p99 over every round\'s turns)');

    console.log(
      `\n${burst.size} people press Done at the same moment on ${burst.size} different items of one project, each from their own chat: ` +
        `landed: ${burst.landed} of ${burst.size}; p50 ${burst.p50Ms.toFixed(0)} ms, p99 ${burst.p99Ms.toFixed(0)} ms; all answered in ${burst.allAnsweredMs.toFixed(0)} ms`,
    );

    printUnderstanding(await measureUnderstanding(gateway, connector.serviceUrl));
    connector.reset();

    const status = await measureStatusCost(gateway, connector.serviceUrl);
    const perTurn = (n: number) => (n / status.turns).toFixed(2);
    console.log(
      `\nstatus on a project with all six gateways populated: the use case makes ${status.useCase.read} point reads and ${status.useCase.query} queries (+${status.useCase.other} query plan); ` +
        `the whole turn makes ${perTurn(status.turn.read)} point reads, ${perTurn(status.turn.query)} queries, ${perTurn(status.turn.other)} other and ${perTurn(status.turn.upsert + status.turn.replace + status.turn.create)} writes`,
    );

    printHighlightCost(await measureHighlightCost(gateway));

    // `when do I migrate` must not cost more on a big list: 100 and 50,000 staff (BENCH_STAFF_SIZES to change).
    const staffSizes = (process.env.BENCH_STAFF_SIZES ?? '100,50000').split(',').map(Number);
    const lookups = [];
    for (const size of staffSizes) lookups.push(await measureLookupCost(gateway, connector, size));
    printLookupCost(lookups);

    // `import staff` at 50,000 rows (BENCH_IMPORT_ROWS to change; 0 skips it).
    const importRows = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000);
    if (importRows > 0) printImportCost(await measureImportCost(gateway, importRows));

    // What durability costs: the embedded store's write journal against the same server without it.
    for (const concurrency of [8, 1]) {
      printJournalCost(await measureJournalCost({ rounds, writesPerRound: Number(process.env.BENCH_WRITES ?? 400), concurrency }));
    }
  } finally {
    await echo.close();
    await gateway.close();
    await connector.close();
  }

  // The proactive fan-out (weekly highlight to 1,000 channels, with a SIGKILL and restart). BENCH_FANOUT=off skips it.
  if (process.env.BENCH_FANOUT !== 'off') printFanOut(await runFanOutBench());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
