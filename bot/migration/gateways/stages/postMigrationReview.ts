import type { CatalogueSettings } from '../catalogueSettings';
import type { GatewayStage } from '../catalogueTypes';

/** Stage 6, from guide section 7: review, decommission the old service, and report. */
export function postMigrationReviewStage(settings: CatalogueSettings): GatewayStage {
  const decommissionWhen =
    settings.coexistenceWeeks > 0
      ? `about ${settings.coexistenceWeeks} weeks after migration, or when your project plan says`
      : 'when your project plan says';
  return {
    number: 6,
    id: 'post-migration-review',
    title: 'Post-migration review',
    guideSection: '7',
    summary:
      'Review the project, switch off the old email service, confirm that with NHS Digital, and report on numbers, lessons and benefits.',
    // No duration in the guide: decommissioning waits for the co-existence period, and the benefits report comes 6 to 12 months later.
    plannedWorkingDays: null,
    canRunInParallel: false,
    items: [
      {
        id: 'g6-post-implementation-review',
        action: 'Hold a post-implementation review',
        guideSection: '7',
        mandatory: true,
        ownerRole: 'project-manager',
        source: 'guide',
        guideRefs: ['conduct a post-implementation review'],
      },
      {
        id: 'g6-outstanding-actions',
        action: 'Complete any outstanding actions',
        guideSection: '7',
        mandatory: true,
        ownerRole: 'project-manager',
        source: 'guide',
        guideRefs: ['Any outstanding actions should be completed'],
      },
      {
        id: 'g6-tell-staff-forwarding-ends',
        action: 'Tell staff when forwarding from old addresses stops, so they update subscriptions and contacts that still use them',
        guideSection: '7',
        mandatory: true,
        ownerRole: 'project-manager',
        source: 'guide',
        guideRefs: ['your staff will need to be informed'],
      },
      {
        id: 'g6-decommission',
        action: `Decommission the local mail transfer agents and email server (${decommissionWhen}), following your decommissioning plan`,
        guideSection: '7',
        mandatory: true,
        ownerRole: 'team-member',
        source: 'guide',
        guideRefs: ['your local mail transfer agents and email server should be de-commissioned', 'In-house email server decommissioning plan'],
        note: "NHSmail's funding assumes migrated organisations switch off their local email service.",
      },
      {
        id: 'g6-mx-records',
        action: 'Point MX records at NHSmail to redirect mail for old addresses, if the NHSmail support site says how',
        guideSection: '7',
        mandatory: false,
        ownerRole: 'team-member',
        source: 'guide',
        guideRefs: ['MX records can be configured to redirect email'],
      },
      {
        id: 'g6-confirm-decommission',
        action: `Confirm to NHS Digital's business benefits manager (${settings.pipelineContactEmail}) that the local mail service is decommissioned`,
        guideSection: '7',
        mandatory: true,
        ownerRole: 'project-manager',
        source: 'guide',
        guideRefs: ['confirm that the local mail service has been de-commissioned'],
      },
      {
        id: 'g6-report-users-migrated',
        action: 'Tell NHS Digital how many users migrated to NHSmail',
        guideSection: '7',
        mandatory: true,
        ownerRole: 'project-manager',
        source: 'guide',
        guideRefs: ['Number of users migrated to NHSmail.'],
      },
      {
        id: 'g6-report-projected-accounts',
        action: 'Tell NHS Digital how many accounts you expect to need over the next 12 months',
        guideSection: '7',
        mandatory: true,
        ownerRole: 'project-manager',
        source: 'guide',
        guideRefs: ['Projected number of accounts required for the next 12 months'],
      },
      {
        id: 'g6-post-implementation-report',
        action: 'Write a post-implementation report',
        guideSection: '7',
        mandatory: false,
        ownerRole: 'project-manager',
        source: 'guide',
        guideRefs: ['Post-implementation report.'],
      },
      {
        id: 'g6-lessons-learned-report',
        action: 'Write a lessons learned report',
        guideSection: '7',
        mandatory: false,
        ownerRole: 'project-manager',
        source: 'guide',
        guideRefs: ['Lessons learned report.'],
      },
      {
        id: 'g6-benefits-report',
        action:
          'Write a benefits realisation report 6 to 12 months after the project: cost savings and future uses of NHSmail (such as discharge reports by email, working across organisations, document processing)',
        guideSection: '7',
        mandatory: false,
        ownerRole: 'project-manager',
        source: 'guide',
        guideRefs: [
          'Benefits realisation report',
          'Automated discharge reports sent via email',
          'Collaborative working across organisational boundaries',
          'Using email for document processing and distribution',
        ],
      },
    ],
  };
}
