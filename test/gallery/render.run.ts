import { expect, it } from 'vitest';
import { renderGallery } from './renderGallery';

/** Not part of `npm test` (it rewrites cards/gallery): run by `npm run cards:render` with vitest.render.config.ts. */
it('when the gallery is drawn, then every card renders and keeps to the rules', async () => {
  const run = await renderGallery();
  process.stdout.write(`${run.images} images in cards/gallery (${run.kilobytes} KB)\n`);
  expect(run.failures).toEqual([]);
}, 600_000);
