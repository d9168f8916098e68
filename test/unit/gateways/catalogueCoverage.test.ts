import { describe, expect, it } from 'vitest';
import { DEFAULT_GATEWAY_CATALOGUE } from '../../../bot/migration/gateways/catalogue';
import type { CatalogueItem, GatewayStage } from '../../../bot/migration/gateways/catalogueTypes';
import { GUIDE_BULLETS, GUIDE_PROSE, GUIDE_SECTIONS, type GuideBulletRecord } from './guideBullets';
import { normaliseGuideText, readGuide, topSection, type GuideBullet } from './guideText';

/**
 * The catalogue must account for every bullet of the guide's sections 2 to 7: each bullet (kept in the repository,
 * in our words, in `guideBullets.ts`) names the items of its stage that cover it, or the catalogue's deliberate
 * omission. When the guide itself is beside the repository, a second part checks that list against it.
 */
const catalogue = DEFAULT_GATEWAY_CATALOGUE;
const inScope = GUIDE_BULLETS.filter((b) => topSection(b.section) >= 2 && topSection(b.section) <= 7);
const headings = GUIDE_SECTIONS.map((s) => s.section);

/** Guide section 2 is stage 1, and so on (section 1 is the introduction). */
function stageForSection(section: string): GatewayStage {
  const stage = catalogue.stages.find((s) => s.number === topSection(section) - 1);
  if (!stage) throw new Error(`No stage for guide section ${section}`);
  return stage;
}

const itemsWithStage: readonly { item: CatalogueItem; stage: GatewayStage }[] = catalogue.stages.flatMap((stage) =>
  stage.items.map((item) => ({ item, stage })),
);

const label = (b: GuideBulletRecord) => `${b.section}: ${b.gist}`;

describe('catalogue coverage of the self-migration guide', () => {
  it('when the bullet list is read, then it has the bullets of sections 2 to 7, sub-bullets included, under real headings', () => {
    expect(inScope).toHaveLength(GUIDE_BULLETS.length);
    expect(inScope).toHaveLength(107);
    expect(inScope.some((b) => b.indented)).toBe(true);
    expect(new Set(inScope.map((b) => topSection(b.section)))).toEqual(new Set([2, 3, 4, 5, 6, 7]));
    for (const bullet of inScope) expect(headings, label(bullet)).toContain(bullet.section);
  });

  it.each(inScope.map((b) => [label(b), b] as const))('when guide bullet %s is checked, then items of its stage or one omission account for it', (_label, bullet) => {
    const stage = stageForSection(bullet.section);
    if (bullet.omitted !== undefined) {
      expect(bullet.items).toEqual([]);
      expect(catalogue.omitted.map((o) => o.guideText)).toContain(bullet.omitted);
      return;
    }
    expect(bullet.items.length).toBeGreaterThan(0);
    for (const id of bullet.items) {
      const item = stage.items.find((i) => i.id === id);
      expect(item, `${id} is not an item of stage ${stage.number}`).toBeDefined();
      expect(item?.source, id).toBe('guide');
      const sameBranch = bullet.section.startsWith(item?.guideSection ?? '?') || (item?.guideSection ?? '').startsWith(bullet.section);
      expect(sameBranch, `${id} (${item?.guideSection}) covers a bullet of ${bullet.section}`).toBe(true);
    }
  });

  it.each(GUIDE_PROSE.map((p) => [`${p.section}: ${p.gist}`, p] as const))('when the prose passage %s is checked, then its items are in its stage and sub-section', (_label, prose) => {
    const stage = stageForSection(prose.section);
    for (const id of prose.items) {
      const item = stage.items.find((i) => i.id === id);
      expect(item?.source, `${id} in stage ${stage.number}`).toBe('guide');
      expect(prose.section.startsWith(item?.guideSection ?? '?') || (item?.guideSection ?? '').startsWith(prose.section), id).toBe(true);
    }
  });

  it('when an item comes from the guide, then a bullet or prose passage names it and it cites the guide; project-plan items are named by none and cite nothing', () => {
    const named = new Set([...inScope, ...GUIDE_PROSE].flatMap((b) => b.items));
    for (const { item } of itemsWithStage) {
      if (item.source === 'guide') {
        expect(named.has(item.id), `${item.id} is named by no guide bullet or prose passage`).toBe(true);
        expect(item.guideRefs.length, item.id).toBeGreaterThan(0);
      } else {
        expect(named.has(item.id), item.id).toBe(false);
        expect(item.guideRefs, item.id).toEqual([]);
      }
    }
  });

  it('when a bullet is omitted, then exactly one bullet is, the reason is given, and it is not also an item', () => {
    for (const omission of catalogue.omitted) {
      const bullets = inScope.filter((b) => b.omitted === omission.guideText);
      expect(bullets, omission.guideText).toHaveLength(1);
      expect(bullets[0]?.items, omission.guideText).toEqual([]);
      expect(omission.reason.length).toBeGreaterThan(20);
    }
  });

  it("when an item or stage names a guide section, then that section exists and belongs to the item's stage", () => {
    for (const { item, stage } of itemsWithStage) {
      expect(headings, item.id).toContain(item.guideSection);
      expect(topSection(item.guideSection) - 1, item.id).toBe(stage.number);
    }
    for (const stage of catalogue.stages) {
      expect(headings).toContain(stage.guideSection);
      expect(topSection(stage.guideSection) - 1).toBe(stage.number);
    }
  });
});

const guide = readGuide();

/** Only with the guide at hand (`../shared/seed`): the list above must still be the guide's, and the items' quotes real. */
describe.runIf(guide !== undefined)('the bullet list against the guide itself', () => {
  const parsed = () => {
    if (guide === undefined) throw new Error('only run with the guide at hand');
    return guide;
  };
  const guideBullets = () => parsed().bullets.filter((b) => topSection(b.section) >= 2 && topSection(b.section) <= 7);
  /** Fragments shorter than this are too loose to match by substring, so they must be a whole bullet. */
  const MIN_FRAGMENT_LENGTH = 12;
  const matches = (fragment: string, bullet: GuideBullet): boolean => {
    const f = normaliseGuideText(fragment);
    const b = normaliseGuideText(bullet.text);
    return f.length >= MIN_FRAGMENT_LENGTH ? b.includes(f) : b === f;
  };

  it('when the guide is parsed, then its bullets are the list, in order, section and indentation alike', () => {
    expect(guideBullets().map((b) => `${b.section}${b.indented ? ' (sub)' : ''}`)).toEqual(inScope.map((b) => `${b.section}${b.indented ? ' (sub)' : ''}`));
    expect(parsed().headings.filter((h) => topSection(h) <= 8)).toEqual(headings);
  });

  it('when each guide bullet is matched by the items’ quotes, then it gives the items (or omission) the list names', () => {
    guideBullets().forEach((bullet, index) => {
      const stage = stageForSection(bullet.section);
      const record = inScope[index];
      const byItem = stage.items.filter((item) => item.guideRefs.some((ref) => matches(ref, bullet))).map((i) => i.id);
      const byOmission = catalogue.omitted.filter((o) => matches(o.guideText, bullet)).map((o) => o.guideText);
      expect([...byItem].sort(), bullet.text).toEqual([...(record?.items ?? [])].sort());
      expect(byOmission, bullet.text).toEqual(record?.omitted === undefined ? [] : [record.omitted]);
    });
  });

  it('when an item quotes the guide, then each fragment is really in the guide section of its stage', () => {
    for (const { item, stage } of itemsWithStage) {
      const text = [...parsed().sectionText].filter(([section]) => topSection(section) - 1 === stage.number).map(([, t]) => t).join(' ');
      for (const ref of item.guideRefs) {
        expect(text.includes(normaliseGuideText(ref)), `${item.id}: "${ref}"`).toBe(true);
        if (normaliseGuideText(ref).length < MIN_FRAGMENT_LENGTH) expect(guideBullets().some((b) => matches(ref, b)), `${item.id}: short "${ref}"`).toBe(true);
      }
    }
  });
});
