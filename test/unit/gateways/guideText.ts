import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Reads NHS Digital's self-migration guide, when it is at hand, and pulls out its bullets. The guide is not part of
 * the repository (the coverage test runs on `guideBullets.ts`); when a copy is beside the repository (`../shared/seed`,
 * or `GATEWAY_SHARED_DIR`), an extra test checks that list still matches the guide.
 */
const GUIDE_FILE = 'nhsmail-self-migration-guide.txt';
const CANDIDATES = [
  process.env['GATEWAY_SHARED_DIR'] ? path.resolve(process.env['GATEWAY_SHARED_DIR'], 'seed', GUIDE_FILE) : undefined,
  path.resolve(__dirname, '../../../../shared/seed', GUIDE_FILE),
].filter((p): p is string => p !== undefined);

/** Where the guide is, or undefined when there is no copy beside the repository. */
export function guidePath(): string | undefined {
  return CANDIDATES.find((p) => existsSync(p));
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

/** The parsed guide, or undefined when there is no copy at hand. */
export function readGuide(): ParsedGuide | undefined {
  const found = guidePath();
  return found === undefined ? undefined : parseGuide(readFileSync(found, 'utf8'));
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
