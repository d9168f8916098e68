import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GATEWAY_CATALOGUE,
  allItems,
  buildGatewayCatalogue,
  findItem,
  getStage,
} from '../../../bot/migration/gateways/catalogue';
import { DEFAULT_CATALOGUE_SETTINGS } from '../../../bot/migration/gateways/catalogueSettings';
import type { StageNumber } from '../../../bot/migration/gateways/catalogueTypes';
import { NotFound, ValidationFailed } from '../../../bot/migration/shared/errors';

const catalogue = DEFAULT_GATEWAY_CATALOGUE;
const items = allItems(catalogue);

describe('gateway catalogue shape', () => {
  it('when read, then it has exactly the six stages of the guide, in order', () => {
    expect(catalogue.stages.map((s) => [s.number, s.id, s.title, s.guideSection])).toEqual([
      [1, 'initial-preparations', 'Initial preparations', '2'],
      [2, 'initiation', 'Initiation', '3'],
      [3, 'running-the-project', 'Running the project', '4'],
      [4, 'migration-readiness', 'Migration readiness', '5'],
      [5, 'roll-out', 'Roll-out', '6'],
      [6, 'post-migration-review', 'Post-migration review', '7'],
    ]);
  });

  it('when read, then stages 1 to 4 have the planned working days and may overlap; 5 and 6 run in order with no set duration', () => {
    expect(catalogue.stages.map((s) => s.plannedWorkingDays)).toEqual([10, 10, 15, 20, null, null]);
    expect(catalogue.stages.map((s) => s.canRunInParallel)).toEqual([true, true, true, true, false, false]);
  });

  it('when read, then every stage has a summary and at least one mandatory item', () => {
    for (const stage of catalogue.stages) {
      expect(stage.summary.length, stage.id).toBeGreaterThan(40);
      expect(stage.items.filter((i) => i.mandatory).length, stage.id).toBeGreaterThan(0);
    }
  });

  it('when ids are listed, then they are unique and look stable: g<stage>-lower-case-words', () => {
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const stage of catalogue.stages) {
      for (const item of stage.items) expect(item.id).toMatch(new RegExp(`^g${stage.number}-[a-z0-9]+(-[a-z0-9]+)*$`));
    }
  });

  it('when ids are compared with the stored snapshot, then none has been renamed or dropped', () => {
    // Stored progress refers to these ids: renaming one orphans real projects' records.
    expect(items.map((i) => i.id)).toMatchSnapshot();
  });

  it('when items are read, then each action is a short plain sentence without markdown or trailing full stop', () => {
    for (const item of items) {
      expect(item.action.length, item.id).toBeGreaterThan(10);
      expect(item.action.length, item.id).toBeLessThanOrEqual(240);
      expect(item.action, item.id).not.toMatch(/\*\*|\]\(|\.$|’/);
    }
  });

  it("when the project plan's extra tasks are looked for, then each is an item sourced from the plan", () => {
    const planActions = items.filter((i) => i.source === 'project-plan').map((i) => i.action);
    for (const words of [/@nhs\.net.*generic/i, /service packs and patches/i, /archiving/i, /web access, LDAP and Autodiscover/i, /backup schedules/i, /PID with your Implementation Support Manager/i]) {
      expect(planActions.some((a) => words.test(a)), String(words)).toBe(true);
    }
    expect(planActions).toHaveLength(6);
  });

  it('when the guide expects a document, then the item asks for evidence', () => {
    const needEvidence = items.filter((i) => i.evidenceRequired).map((i) => i.id);
    expect(needEvidence).toEqual(
      expect.arrayContaining(['g1-draft-business-case', 'g2-initial-business-case', 'g2-pid', 'g4-pilot-sign-off']),
    );
    for (const id of needEvidence) expect(findItem(catalogue, id).item.mandatory).toBe(true);
  });

  it('when the co-existence step is read, then it is advice to agree, not a hard rule', () => {
    const { item, stage } = findItem(catalogue, 'g4-coexistence');
    expect(stage.number).toBe(4);
    expect(item.mandatory).toBe(false);
    expect(item.action).toContain('about 12 weeks');
    expect(item.note).toMatch(/not permitted/);
  });

  it('when the catalogue is used, then it cannot be changed by accident', () => {
    expect(Object.isFrozen(catalogue.stages)).toBe(true);
    expect(Object.isFrozen(catalogue.stages[0]?.items[0])).toBe(true);
    expect(Object.isFrozen(catalogue.stages[0]?.items[0]?.guideRefs)).toBe(true);
  });
});

describe('catalogue settings', () => {
  it('when no settings are given, then the guide values are used', () => {
    expect(DEFAULT_CATALOGUE_SETTINGS).toMatchObject({
      pipelineContactEmail: 'feedback@nhs.net',
      newAccountApprovalThreshold: 500,
      extraApprovalDays: 14,
      coexistenceWeeks: 12,
    });
    expect(findItem(catalogue, 'g1-contact-pipeline').item.action).toContain('feedback@nhs.net');
    expect(findItem(catalogue, 'g4-extra-approval-days').item.action).toContain('more than 500 new accounts, allow 14 extra days');
  });

  it('when the contact address changes, then no item still shows the old one', () => {
    const custom = buildGatewayCatalogue({ pipelineContactEmail: 'pipeline@example.nhs.uk', supplierContactEmail: 'topups@example.com' });
    const text = allItems(custom).map((i) => i.action).join('\n');
    expect(text).not.toContain('feedback@nhs.net');
    expect(text).not.toContain('accenture.com');
    expect(findItem(custom, 'g1-contact-pipeline').item.action).toContain('pipeline@example.nhs.uk');
    expect(findItem(custom, 'g6-confirm-decommission').item.action).toContain('pipeline@example.nhs.uk');
  });

  it('when limits change, then the items say the new values', () => {
    const custom = buildGatewayCatalogue({ newAccountApprovalThreshold: 250, extraApprovalDays: 21, mailboxQuotaGb: 50, attachmentLimitMb: 35 });
    expect(findItem(custom, 'g4-extra-approval-days').item.action).toContain('more than 250 new accounts, allow 21 extra days');
    expect(findItem(custom, 'g2-mailbox-quotas').item.action).toContain('over 50 GB');
    expect(findItem(custom, 'g2-review-email-data').item.action).toContain('35 MB');
  });

  it('when the co-existence period changes or is set to none, then the plan step and decommissioning follow it', () => {
    const eight = buildGatewayCatalogue({ coexistenceWeeks: 8 });
    expect(findItem(eight, 'g4-coexistence').item.action).toContain('about 8 weeks');
    expect(findItem(eight, 'g6-decommission').item.action).toContain('about 8 weeks after migration');
    const none = buildGatewayCatalogue({ coexistenceWeeks: 0 });
    expect(findItem(none, 'g4-coexistence').item.action).toMatch(/no co-existence period/);
    expect(findItem(none, 'g6-decommission').item.action).not.toContain('weeks');
  });

  it('when ids are compared across settings, then they are the same (settings change words, never ids)', () => {
    const custom = buildGatewayCatalogue({ coexistenceWeeks: 0, pipelineContactEmail: 'x@example.org' });
    expect(allItems(custom).map((i) => i.id)).toEqual(items.map((i) => i.id));
  });

  it('when settings are wrong, then every bad one is reported at once', () => {
    let caught: unknown;
    try {
      buildGatewayCatalogue({ pipelineContactEmail: 'not an email', coexistenceWeeks: -1, extraApprovalDays: 1.5 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationFailed);
    expect((caught as ValidationFailed).fieldErrors.map((e) => e.field).sort()).toEqual(
      ['coexistenceWeeks', 'extraApprovalDays', 'pipelineContactEmail'].sort(),
    );
  });
});

describe('catalogue look-ups', () => {
  it('when an item id is known, then its stage comes with it', () => {
    expect(findItem(catalogue, 'g2-pid').stage.id).toBe('initiation');
  });

  it('when an item id or stage is unknown, then NotFound is thrown', () => {
    expect(() => findItem(catalogue, 'g2-nope')).toThrow(NotFound);
    expect(() => getStage(catalogue, 7 as StageNumber)).toThrow(NotFound);
  });
});
