import { describe, expect, it } from 'vitest';
import { DEFAULT_GATEWAY_CATALOGUE } from '../../../bot/migration/gateways/catalogue';
import type { CatalogueItem, GatewayStage } from '../../../bot/migration/gateways/catalogueTypes';
import { normaliseGuideText, readGuide, topSection, type GuideBullet } from './guideText';

/**
 * The catalogue must account for every bullet of the guide's sections 2 to 7:
 * each is matched by a fragment in some item's guideRefs (in the stage that
 * section belongs to) or listed as deliberately omitted.
 */
const catalogue = DEFAULT_GATEWAY_CATALOGUE;
const guide = readGuide();
const inScope = guide.bullets.filter((b) => topSection(b.section) >= 2 && topSection(b.section) <= 7);

/** Guide section 2 is stage 1, and so on (section 1 is the introduction). */
function stageForSection(section: string): GatewayStage {
  const stage = catalogue.stages.find((s) => s.number === topSection(section) - 1);
  if (!stage) throw new Error(`No stage for guide section ${section}`);
  return stage;
}

/** Fragments shorter than this are too loose to match by substring, so they must be a whole bullet. */
const MIN_FRAGMENT_LENGTH = 12;

function matches(fragment: string, bullet: GuideBullet): boolean {
  const f = normaliseGuideText(fragment);
  const b = normaliseGuideText(bullet.text);
  return f.length >= MIN_FRAGMENT_LENGTH ? b.includes(f) : b === f;
}

function stageText(stage: GatewayStage): string {
  return [...guide.sectionText]
    .filter(([section]) => topSection(section) - 1 === stage.number)
    .map(([, text]) => text)
    .join(' ');
}

const itemsWithStage: readonly { item: CatalogueItem; stage: GatewayStage }[] = catalogue.stages.flatMap((stage) =>
  stage.items.map((item) => ({ item, stage })),
);

describe('catalogue coverage of the self-migration guide', () => {
  it('when the guide is parsed, then it finds the bullets of sections 2 to 7, sub-bullets included', () => {
    expect(inScope.length).toBeGreaterThanOrEqual(100);
    expect(inScope.some((b) => b.indented)).toBe(true);
    expect(new Set(inScope.map((b) => topSection(b.section)))).toEqual(new Set([2, 3, 4, 5, 6, 7]));
    expect(guide.bullets.some((b) => topSection(b.section) === 8)).toBe(true);
  });

  it.each(inScope.map((b) => [`${b.section}: ${b.text.slice(0, 70)}`, b] as const))(
    'when guide bullet %s is checked, then an item of its stage or the omitted list accounts for it',
    (_label, bullet) => {
      const stage = stageForSection(bullet.section);
      const byItem = stage.items.filter((item) => item.guideRefs.some((ref) => matches(ref, bullet)));
      const byOmission = catalogue.omitted.filter((o) => matches(o.guideText, bullet));
      expect(byItem.length + byOmission.length, `not covered: "${bullet.text}"`).toBeGreaterThan(0);
    },
  );

  it('when a bullet is omitted, then it is not also an item, and the reason is given', () => {
    for (const omitted of catalogue.omitted) {
      const bullets = inScope.filter((b) => matches(omitted.guideText, b));
      expect(bullets, omitted.guideText).toHaveLength(1);
      expect(omitted.reason.length).toBeGreaterThan(20);
      const alsoItem = itemsWithStage.filter(({ item }) => item.guideRefs.some((ref) => bullets.some((b) => matches(ref, b))));
      expect(alsoItem, omitted.guideText).toEqual([]);
    }
  });

  it('when an item cites the guide, then each fragment is really in the guide section of its stage', () => {
    for (const { item, stage } of itemsWithStage) {
      const text = stageText(stage);
      for (const ref of item.guideRefs) {
        expect(text.includes(normaliseGuideText(ref)), `${item.id}: "${ref}"`).toBe(true);
        if (normaliseGuideText(ref).length < MIN_FRAGMENT_LENGTH) {
          expect(inScope.some((b) => matches(ref, b)), `${item.id}: short fragment "${ref}" must be a whole bullet`).toBe(true);
        }
      }
    }
  });

  it('when an item comes from the guide, then it cites at least one fragment; project-plan items cite none', () => {
    for (const { item } of itemsWithStage) {
      if (item.source === 'guide') expect(item.guideRefs.length, item.id).toBeGreaterThan(0);
      else expect(item.guideRefs, item.id).toEqual([]);
    }
  });

  it("when an item names a guide section, then that section exists and belongs to the item's stage", () => {
    for (const { item, stage } of itemsWithStage) {
      expect(guide.headings, item.id).toContain(item.guideSection);
      expect(topSection(item.guideSection) - 1, item.id).toBe(stage.number);
    }
    for (const stage of catalogue.stages) {
      expect(guide.headings).toContain(stage.guideSection);
      expect(topSection(stage.guideSection) - 1).toBe(stage.number);
    }
  });

  it('when items cite sub-sections, then each guide bullet is matched in the same sub-section as the item says', () => {
    for (const bullet of inScope) {
      const citing = itemsWithStage.filter(({ item }) => item.guideRefs.some((ref) => matches(ref, bullet)));
      for (const { item } of citing) {
        const sameBranch = bullet.section.startsWith(item.guideSection) || item.guideSection.startsWith(bullet.section);
        expect(sameBranch, `${item.id} (${item.guideSection}) cites a bullet of ${bullet.section}`).toBe(true);
      }
    }
  });
});
