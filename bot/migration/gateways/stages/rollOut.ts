import type { GatewayStage } from '../catalogueTypes';

/** Stage 5, from guide section 6: the main migration, group by group. */
export function rollOutStage(): GatewayStage {
  return {
    number: 5,
    id: 'roll-out',
    title: 'Roll-out',
    guideSection: '6',
    summary:
      'Migrate everyone else group by group, repeating the pilot steps at scale, with regular checkpoint calls and monthly progress reports to the NHSmail team.',
    // The guide and plan give no duration: it depends on user numbers and phasing, so the project sets its own dates.
    plannedWorkingDays: null,
    canRunInParallel: false,
    items: [
      {
        id: 'g5-update-comms-after-pilot',
        action: "Update user and support staff communications with the pilot's lessons learnt",
        guideSection: '6.1',
        mandatory: true,
        ownerRole: 'project-manager',
        source: 'guide',
        guideRefs: ['any lessons learnt are incorporated'],
      },
      {
        id: 'g5-finalise-accounts-schedule',
        action: 'Finalise the schedule for creating and rolling out new accounts',
        guideSection: '6.1',
        mandatory: true,
        ownerRole: 'project-manager',
        source: 'guide',
        guideRefs: ['Finalise the schedule for the provision and roll-out of new accounts'],
      },
      {
        id: 'g5-finalise-rollout-schedule',
        action: 'Finalise the roll-out schedule and how each group will be migrated',
        guideSection: '6.1',
        mandatory: true,
        ownerRole: 'project-manager',
        source: 'guide',
        guideRefs: ['Finalise the roll-out schedule and how each of the groups'],
      },
      {
        id: 'g5-user-comms',
        action: 'Send user communications before, during and after each group migrates, as the communications plan sets out',
        guideSection: '6.1',
        mandatory: true,
        ownerRole: 'project-manager',
        source: 'guide',
        guideRefs: ['Extensive user communications should be implemented'],
      },
      {
        id: 'g5-run-main-migration',
        action: 'Migrate each roll-out group, following the same steps as the pilot',
        guideSection: '6.1',
        mandatory: true,
        ownerRole: 'team-member',
        source: 'guide',
        guideRefs: ['follow the same steps as the pilot above, but on a larger scale'],
      },
      {
        id: 'g5-checkpoint-calls',
        action: 'Hold regular checkpoint calls with the NHSmail team on progress, risks and issues',
        guideSection: '6.1',
        mandatory: true,
        ownerRole: 'project-manager',
        source: 'guide',
        guideRefs: ['regular checkpoint calls with the NHSmail team'],
      },
      {
        id: 'g5-monthly-reports',
        action: 'Before each month ends, report accounts actually registered against the number planned',
        guideSection: '6.1',
        mandatory: true,
        ownerRole: 'project-manager',
        source: 'guide',
        guideRefs: ['submit reports on progress before the end of each month'],
      },
    ],
  };
}
