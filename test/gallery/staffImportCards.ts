import type { ImportWarning } from '../../bot/migration/staff/import/importPlan';
import { WARNING_KINDS } from '../../bot/migration/staff/import/importPlan';
import type { StaffImportRecord } from '../../bot/migration/staff/import/staffImportStore';
import type { RowRejection } from '../../bot/migration/staff/import/staffRows';
import {
  deleteProjectCardJson,
  importBusyCardJson,
  importProgressCardJson,
  importRefusedCardJson,
  importReportCardJson,
  importStoppedCardJson,
  uploadLinkCardJson,
} from '../../cards/staffImportCard';
import type { GalleryCard } from './galleryCards';

/** The staff import's cards: a typical trust's file, and 50,000 rows with thousands of rejections and warnings. */

const LONG_FILE = `${'Staff list export from the electronic staff record '.repeat(5)}.csv`;
const EXPIRES = new Date('2026-12-01T10:15:00Z');
const CSV = { url: 'https://gateway.example.nhs.uk/api/import-reports/abc.def', expiresAt: EXPIRES };

function record(rows: number, rejected: number, warnings: number, missing: number, fileName: string): StaffImportRecord {
  const rejections: RowRejection[] = Array.from({ length: Math.min(rejected, 2_000) }, (_, i) => ({
    line: i + 2,
    localId: `E${String(100_000 + i)}`,
    reasons: ['The first name is missing', 'The mailbox size "lots" is not a number of MB or GB'],
  }));
  const warningList: ImportWarning[] = Array.from({ length: Math.min(warnings, 2_000) }, (_, i) => ({
    kind: WARNING_KINDS[i % WARNING_KINDS.length] ?? 'over-quota',
    line: i + 5,
    localId: `E${String(200_000 + i)}`,
    detail: 'Mailbox of 5.2 GB, over the 4 GB quota: reduce it before the move.',
  }));
  const missingIds = Array.from({ length: Math.min(missing, 500) }, (_, i) => `E${String(300_000 + i)}`);
  return {
    projectId: 'p-rh8',
    importId: 'imp-1',
    fileName,
    by: { id: 'user-priya', name: 'Priya Shah' },
    startedAt: '2026-12-01T09:00:00.000Z',
    state: 'done',
    applied: rows - rejected,
    toApply: rows - rejected,
    finishedAt: '2026-12-01T09:02:00.000Z',
    report: {
      counts: { rows, added: rows - rejected - 12, updated: 12, unchanged: 0, rejected, missing },
      rejections,
      warnings: warningList,
      missing: missingIds,
      kept: { rejections: rejections.length, warnings: warningList.length, missing: missingIds.length, warningsTotal: warnings },
      encoding: 'windows-1252',
      ignoredColumns: rows > 1_000 ? ['Payroll number', 'Cost centre', 'x'.repeat(200)] : [],
    },
  };
}

const PROJECT = { projectId: 'p-rh8', organisationName: 'Ysbyty Example NHS Trust', odsCode: 'RYX' };

export const STAFF_IMPORT_CARDS: readonly GalleryCard[] = [
  {
    id: 'staff-import-progress',
    title: 'Importing a staff list (updated in place)',
    builder: 'importProgressCardJson',
    typical: () => importProgressCardJson('staff.csv', { phase: 'reading' }),
    worstCase: () => importProgressCardJson(LONG_FILE, { phase: 'applying', done: 49_999, total: 50_000 }),
  },
  {
    id: 'staff-import-refused',
    title: 'A staff file refused',
    builder: 'importRefusedCardJson',
    typical: () => importRefusedCardJson('staff.xlsx', 'This is an Excel workbook, not a CSV file. In Excel, choose Save As, then CSV UTF-8, and send that.'),
    worstCase: () => importRefusedCardJson(LONG_FILE, 'r'.repeat(500)),
  },
  {
    id: 'staff-upload-link',
    title: 'import staff: the signed upload page',
    builder: 'uploadLinkCardJson',
    typical: () => uploadLinkCardJson({ url: 'https://gateway.example.nhs.uk/upload/abc.def', expiresAt: EXPIRES }, true),
    worstCase: () => uploadLinkCardJson({ url: `https://gateway.example.nhs.uk/upload/${'a'.repeat(600)}.${'d'.repeat(86)}`, expiresAt: EXPIRES }, false),
  },
  {
    id: 'staff-import-busy',
    title: 'A staff file while another imports',
    builder: 'importBusyCardJson',
    typical: () => importBusyCardJson('staff.csv'),
    worstCase: () => importBusyCardJson(LONG_FILE),
  },
  {
    id: 'staff-import-stopped',
    title: 'An import stopped by a restart',
    builder: 'importStoppedCardJson',
    typical: () => importStoppedCardJson('staff.csv'),
    worstCase: () => importStoppedCardJson(LONG_FILE),
  },
  {
    id: 'staff-import-report',
    title: 'The staff import report',
    builder: 'importReportCardJson',
    typical: () => importReportCardJson({ record: record(4_212, 3, 14, 2, 'staff-list-december.csv'), canRemoveMissing: true, csv: CSV }),
    worstCase: () => importReportCardJson({ record: record(50_000, 2_000, 8_000, 1_200, LONG_FILE), canRemoveMissing: true, csv: CSV, message: 'm'.repeat(300) }),
  },
  {
    id: 'delete-project',
    title: 'Delete a project (confirmation)',
    builder: 'deleteProjectCardJson',
    typical: () => deleteProjectCardJson(PROJECT),
    worstCase: () => deleteProjectCardJson({ ...PROJECT, organisationName: 'o'.repeat(200) }, 'm'.repeat(300)),
  },
];
