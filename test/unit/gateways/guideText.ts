import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Reads NHS Digital's self-migration guide from the shared seed folder and
 * pulls out its bullets, so the catalogue can be checked against the source.
 * Locally the repo is /work/main with shared/ at /work/shared; in CI the repo
 * is cloned with shared/ beside it. Both are ../shared from the repo root.
 */
const GUIDE_FILE = 'nhsmail-self-migration-guide.txt';
const CANDIDATES = [
  process.env['GATEWAY_SHARED_DIR'] ? path.resolve(process.env['GATEWAY_SHARED_DIR'], 'seed', GUIDE_FILE) : undefined,
  path.resolve(__dirname, '../../../../shared/seed', GUIDE_FILE),
  path.resolve(__dirname, '../../../shared/seed', GUIDE_FILE),
].filter((p): p is string => p !== undefined);

export function guidePath(): string {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error(`The self-migration guide was not found. Looked in:\n${CANDIDATES.join('\n')}`);
  return found;
}

export interface GuideBullet {
  /** Deepest numbered heading above the bullet, e.g. '5.2.3'. */
  readonly section: string;
  readonly text: string;
  readonly indented: boolean;
}

export interface ParsedGuide {
  readonly bullets: readonly GuideBullet[];
  /** Normalised prose and bullets per section, for checking fragments exist. */
  readonly sectionText: ReadonlyMap<string, string>;
  readonly headings: readonly string[];
}

/** Numbered headings use a space after the number; the contents list uses tabs, so it is skipped. */
const HEADING = /^(\d+(?:\.\d+)*) ([A-Z].{0,80})$/;
const BULLET = /^(\s*)- (.*)$/;

export function parseGuide(text: string): ParsedGuide {
  const bullets: GuideBullet[] = [];
  const sectionText = new Map<string, string>();
  const headings: string[] = [];
  let section: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const heading = HEADING.exec(line);
    if (heading?.[1]) {
      section = heading[1];
      headings.push(section);
      continue;
    }
    if (!section) continue;
    sectionText.set(section, `${sectionText.get(section) ?? ''} ${normaliseGuideText(line)}`);
    const bullet = BULLET.exec(line);
    if (bullet && bullet[2] !== undefined) {
      bullets.push({ section, text: bullet[2].trim(), indented: (bullet[1] ?? '').length > 0 });
    }
  }
  return { bullets, sectionText, headings };
}

export function readGuide(): ParsedGuide {
  return parseGuide(readFileSync(guidePath(), 'utf8'));
}

/**
 * Compares guide text and fragments regardless of markdown links, bold,
 * escaped brackets, curly quotes, dash styles, case, spacing, and the
 * guide's frequent "NHSmal" typo.
 */
export function normaliseGuideText(value: string): string {
  return value
    .replace(/\\([()])/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\bnhsmal\b/gi, 'NHSmail')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Top-level guide section of a section number: '5.2.3' → 5. */
export function topSection(section: string): number {
  return Number(section.split('.')[0]);
}
