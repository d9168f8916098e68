import type { AdaptiveCardJson } from '../../cards/adaptiveCardJson';
import { importBusyCardJson, importProgressCardJson, importRefusedCardJson, importReportCardJson, importStoppedCardJson, type ImportStage } from '../../cards/staffImportCard';
import type { IssuedExportLink } from '../http/exportLinks';
import type { Downloaded } from '../imports/teamsFileDownload';
import type { Logger } from '../log';
import { errorSummary } from '../log';
import type { PersonRef } from '../migration/gateways/gatewayState';
import { importStaffList, resumeImports, type StaffImportDeps } from '../migration/staff/import/importStaffList';
import type { CsvRecordReader } from '../migration/staff/import/readStaffRecords';
import type { StaffImportRecord } from '../migration/staff/import/staffImportStore';
import type { CardPlace, CardsInPlace } from '../teams/cardInPlace';

/** How often the "Importing…" card is updated at most: Teams allows 7 messages a second per conversation, people need no more than this. */
export const PROGRESS_EVERY_MS = 3_000;

export interface StaffImportJobDeps {
  readonly imports: StaffImportDeps;
  readonly reader: CsvRecordReader;
  readonly cards: CardsInPlace;
  /** The report's CSV link; only offered in a personal chat (anyone holding it can open it for 15 minutes). */
  readonly reportLink: (projectId: string, userId: string, importId: string) => IssuedExportLink;
  readonly newId: () => string;
  readonly logger: Logger;
  readonly progressEveryMs?: number;
}

export interface StartImport {
  readonly projectId: string;
  readonly tenantId: string;
  readonly fileName: string;
  readonly by: PersonRef;
  /** The bytes, or how to get them (a Teams attachment is downloaded in the background, after the turn answered). */
  readonly file: Uint8Array | (() => Promise<Downloaded>);
  /** Where the "Importing…" card is; without it (no personal chat) the import runs and nobody is told. */
  readonly place: CardPlace | undefined;
  readonly personal: boolean;
}

/**
 * Staff imports outside the turn: Teams waits about 15 s for a turn, and 50,000 rows take longer. Each runs in the
 * background, updating its card in place (at most every few seconds, one update at a time, in order) and ending it
 * with the report. The imports in flight are kept so shutdown and tests can wait for them.
 */
export class StaffImportJobs {
  private readonly running = new Set<Promise<void>>();
  private readonly log: Logger;

  constructor(private readonly deps: StaffImportJobDeps) {
    this.log = deps.logger.child({ module: 'staff-import' });
  }

  start(job: StartImport): string {
    const importId = this.deps.newId();
    const run = this.run(importId, job).catch((err: unknown) => this.log.error({ err: errorSummary(err), projectId: job.projectId, importId }, 'staff import failed'));
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return importId;
  }

  /** Resolves when every import started so far has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /**
   * At start: finishes what a restart stopped (rolled back before the commit, forward after it) and tells each
   * person, in their personal chat, what became of their file.
   */
  resume(): void {
    const run = (async () => {
      for (const record of await resumeImports(this.deps.imports)) {
        this.log.info({ projectId: record.projectId, importId: record.importId, state: record.state }, 'staff import resumed');
        const project = await this.deps.imports.projects.get(record.projectId);
        if (!project || record.by.id === '') continue;
        const card = record.state === 'rolled-back' ? importStoppedCardJson(record.fileName) : this.reportCard(record, true);
        await this.deps.cards.postToPerson(project.tenantId, record.by.id, card);
      }
    })().catch((err: unknown) => this.log.error({ err: errorSummary(err) }, 'staff imports could not be resumed'));
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  private async run(importId: string, job: StartImport): Promise<void> {
    const show = this.progressShower(job);
    let bytes: Uint8Array;
    if (typeof job.file === 'function') {
      show.now({ phase: 'downloading' });
      const downloaded = await job.file();
      if (!downloaded.ok) {
        this.log.info({ projectId: job.projectId, why: downloaded.why }, 'staff file not downloaded');
        return show.finish(importRefusedCardJson(job.fileName, downloaded.message));
      }
      bytes = downloaded.bytes;
    } else bytes = job.file;
    try {
      const outcome = await importStaffList(this.deps.imports, { projectId: job.projectId, importId, fileName: job.fileName, bytes, by: job.by }, this.deps.reader, (p) => show.maybe(p));
      if (outcome.outcome === 'refused') return await show.finish(importRefusedCardJson(job.fileName, outcome.reason));
      if (outcome.outcome === 'busy') return await show.finish(importBusyCardJson(job.fileName));
      this.log.info({ projectId: job.projectId, importId, ...outcome.record.report?.counts }, 'staff file imported');
      await show.finish(this.reportCard(outcome.record, job.personal));
    } catch (err: unknown) {
      await show.finish(
        importRefusedCardJson(
          job.fileName,
          'Something went wrong on our side while importing. Nothing was left half done: either nothing from the file was saved, or the import will be finished when Gateway next starts. Please try again in a few minutes.',
        ),
      );
      throw err;
    }
  }

  /** The report; its CSV link (for the person who imported) only in a personal chat. */
  reportCard(record: StaffImportRecord, personal: boolean, message?: string): AdaptiveCardJson {
    const csv = personal ? this.deps.reportLink(record.projectId, record.by.id, record.importId) : undefined;
    return importReportCardJson({ record, canRemoveMissing: true, ...(csv === undefined ? {} : { csv }), ...(message === undefined ? {} : { message }) });
  }

  /** Updates in order, never more often than the setting; the last (the report) always goes. */
  private progressShower(job: StartImport) {
    const every = this.deps.progressEveryMs ?? PROGRESS_EVERY_MS;
    let chain: Promise<unknown> = Promise.resolve();
    let last = 0;
    const send = (card: AdaptiveCardJson): Promise<void> => {
      const place = job.place;
      if (!place) return Promise.resolve();
      chain = chain.then(() => this.deps.cards.update(place, card));
      return chain.then(() => undefined);
    };
    return {
      now: (stage: ImportStage) => {
        last = Date.now();
        void send(importProgressCardJson(job.fileName, stage));
      },
      maybe: (stage: ImportStage) => {
        if (Date.now() - last < every) return;
        last = Date.now();
        void send(importProgressCardJson(job.fileName, stage));
      },
      finish: (card: AdaptiveCardJson) => send(card),
    };
  }
}
