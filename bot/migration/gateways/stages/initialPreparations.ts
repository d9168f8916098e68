import type { CatalogueSettings } from '../catalogueSettings';
import type { GatewayStage } from '../catalogueTypes';

/** Stage 1, from guide section 2: deciding to migrate and telling NHS Digital. */
export function initialPreparationsStage(settings: CatalogueSettings): GatewayStage {
  return {
    number: 1,
    id: 'initial-preparations',
    title: 'Initial preparations',
    guideSection: '2',
    summary:
      'Having chosen NHSmail in your options appraisal, tell the pipeline team, share your numbers and discovery answers, and get senior approval to start the project.',
    plannedWorkingDays: 10,
    canRunInParallel: true,
    items: [
      {
        id: 'g1-contact-pipeline',
        action: `Email ${settings.pipelineContactEmail} to confirm your organisation intends to self-migrate to NHSmail`,
        guideSection: '2',
        mandatory: true,
        ownerRole: 'project-manager',
        source: 'guide',
        guideRefs: ["confirm the organisation's intention to self-migrate"],
      },
      {
        id: 'g1-user-numbers',
        action: 'Give the pipeline team approximate numbers of existing users and new accounts needed',
        guideSection: '2',
        mandatory: true,
        ownerRole: 'project-manager',
        source: 'guide',
        guideRefs: ['Provide approximate numbers of existing users and new accounts'],
      },
      {
        id: 'g1-discovery-questionnaire',
        action: 'Complete and return the discovery questionnaire from the pipeline team',
        guideSection: '2',
        mandatory: true,
        ownerRole: 'project-manager',
        source: 'guide',
        guideRefs: ['Complete and return the discovery questionnaire'],
      },
      {
        id: 'g1-ods-code',
        action: 'Make sure your organisation has an ODS code (needed for the NHS Directory and NHSmail)',
        guideSection: '2',
        mandatory: true,
        ownerRole: 'project-manager',
        source: 'guide',
        guideRefs: ['Ensure your organisation has an organisation data service (ODS) code'],
      },
      {
        id: 'g1-draft-business-case',
        action:
          'Prepare a draft business case: the options appraisal, the benefits of moving to NHSmail, planned developments and data-sharing plans',
        guideSection: '2',
        mandatory: true,
        ownerRole: 'project-manager',
        source: 'guide',
        guideRefs: ['Prepare a draft business case'],
        evidenceRequired: true,
      },
      {
        id: 'g1-integrated-apps-review',
        action:
          'Review which applications use local email (such as VOIP, scan to email and auto-alerts) and may need re-configuring for NHSmail',
        guideSection: '2',
        mandatory: true,
        ownerRole: 'team-member',
        source: 'guide',
        guideRefs: ['Integrated applications review'],
        note: "NHSmail doesn't assure local integrations: check the NHSmail Applications Guide for application accounts and the relay service.",
      },
      {
        id: 'g1-senior-approval',
        action: 'Get approval from senior staff to start the project',
        guideSection: '2',
        mandatory: true,
        ownerRole: 'sro',
        source: 'guide',
        guideRefs: ['Approval from senior organisation staff to proceed'],
      },
    ],
  };
}
