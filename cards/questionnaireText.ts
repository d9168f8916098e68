import type { ProjectSummary } from '../bot/migration/projects/project';

/** Small wording helpers shared by the questionnaire cards, so each says things the same way. */

/** "1 answer", "3 answers". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Royal Devon Hospital (RH8) · Discovery questionnaire", the line above every questionnaire card's heading. */
export function projectLine(project: ProjectSummary): string {
  return `${project.organisationName} (${project.odsCode}) · Discovery questionnaire`;
}

/** "sections 3, 4.2 and 4.3", for where in the guide a section comes from. */
export function guideSections(numbers: readonly string[]): string {
  if (numbers.length <= 1) return `section ${numbers[0] ?? ''}`;
  return `sections ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1] ?? ''}`;
}

/** Adaptive Card container styles for a banner: the words carry the meaning, the colour only helps. */
export type BannerStyle = 'good' | 'warning' | 'attention' | 'emphasis';

export interface Banner {
  readonly text: string;
  readonly style: BannerStyle;
}
