/**
 * Work areas staff name when they ask about a group ("is pharmacy in the pilot"), with the spellings people type.
 * Found by whole words in the normalised text; the first word of each entry is what the answer's `department` holds,
 * so the staff answers can match it against the list's work area without caring how it was typed. Longer phrases
 * are tried first, so "emergency department" is not read as "department".
 */
const DEPARTMENTS: readonly (readonly [name: string, ...spellings: string[]])[] = [
  ['pharmacy', 'pharmacy', 'pharmacists', 'pharmacist', 'dispensary'],
  ['radiology', 'radiology', 'x-ray', 'xray', 'imaging', 'radiographers'],
  ['pathology', 'pathology', 'the lab', 'labs', 'laboratory', 'haematology', 'microbiology'],
  ['maternity', 'maternity', 'midwifery', 'midwives', 'labour ward'],
  ['emergency department', 'emergency department', 'a&e', 'a & e', 'a and e', 'casualty', 'urgent care'],
  ['estates', 'estates', 'facilities', 'porters', 'portering', 'catering', 'domestic services'],
  ['finance', 'finance', 'payroll', 'finance team', 'procurement', 'purchasing'],
  ['human resources', 'human resources', 'hr', 'workforce', 'recruitment'],
  ['it', 'it department', 'ict', 'informatics', 'it services', 'digital services', 'service desk'],
  ['theatres', 'theatres', 'theatre', 'surgery', 'anaesthetics'],
  ['outpatients', 'outpatients', 'outpatient', 'clinics'],
  ['physiotherapy', 'physiotherapy', 'physio', 'physios', 'occupational therapy', 'therapies'],
  ['paediatrics', 'paediatrics', 'pediatrics', 'children\'s ward', 'childrens ward'],
  ['cardiology', 'cardiology'],
  ['oncology', 'oncology', 'cancer services', 'chemotherapy'],
  ['mental health', 'mental health', 'psychiatry', 'psychology', 'camhs'],
  ['community nursing', 'community nursing', 'district nurses', 'district nursing', 'health visitors', 'community team'],
  ['medical records', 'medical records', 'health records', 'records team'],
  ['critical care', 'critical care', 'icu', 'itu', 'intensive care'],
  ['reception', 'reception', 'switchboard', 'front desk'],
  ['communications', 'communications', 'comms'],
  ['governance', 'governance', 'patient safety', 'quality team'],
  ['wards', 'the wards', 'wards', 'nursing'],
  ['admin', 'admin team', 'administration', 'medical secretaries', 'secretaries'],
];

export interface DepartmentMatch {
  /** The work area, by its first spelling. */
  readonly name: string;
  /** The text with the work area replaced by the word `department`, for the classifier. */
  readonly text: string;
}

const SPELLINGS: readonly (readonly [string, RegExp])[] = DEPARTMENTS.flatMap(([name, ...spellings]) => spellings.map((s) => [name, s] as const))
  .sort((a, b) => b[1].length - a[1].length)
  .map(([name, spelling]) => [name, new RegExp(`(^|[^a-z&])${spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[^a-z&])`)] as const);

/** The first work area named in lower-case text, or undefined. */
export function findDepartment(text: string): DepartmentMatch | undefined {
  for (const [name, pattern] of SPELLINGS) {
    const match = pattern.exec(text);
    if (match) return { name, text: `${text.slice(0, match.index)}${match[1] ?? ''}department${text.slice(match.index + match[0].length)}` };
  }
  return undefined;
}
