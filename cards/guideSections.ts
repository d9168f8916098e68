/**
 * The headings of the guide's sections that checklist items come from (NHS Digital's Organisation self-migration
 * guide v5, sections 2 to 7), so a long checklist can be grouped the way the guide reads: "5.2.1 Pre-pilot
 * activities" means more to a project team than "part 3 of 7".
 */
const GUIDE_SECTION_TITLES: Readonly<Record<string, string>> = {
  '2': 'Initial preparations and considerations',
  '3': 'Initiation stage',
  '4': 'Running the project',
  '4.1': 'Initial project planning',
  '4.2': 'Technical tests',
  '4.3': 'Staff reconciliation',
  '4.4': 'Update local processes and policies',
  '4.5': 'Other activities',
  '5': 'Migration readiness assessment',
  '5.1': 'Set-up TANSync / CSV upload',
  '5.2': 'Pilot',
  '5.2.1': 'Pre-pilot activities',
  '5.2.2': 'New NHSmail accounts – user roll-out',
  '5.2.3': 'Other accounts and co-existence period',
  '5.2.4': 'Post pilot and mop-up activities',
  '5.2.5': 'RFC submission & approval',
  '6': 'Roll-out',
  '6.1': 'Main migration – phasing roll-out groups',
  '7': 'Post-migration review activity',
};

/** "5.2.1 Pre-pilot activities"; a section the table does not know is shown by its number alone. */
export function guideSectionHeading(section: string): string {
  const title = GUIDE_SECTION_TITLES[section];
  return title === undefined ? `Section ${section}` : `${section} ${title}`;
}
