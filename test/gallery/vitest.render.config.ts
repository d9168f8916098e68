import { defineConfig } from 'vitest/config';

/** `npm run cards:render`: only the gallery run, which writes cards/gallery/*.png and README.md's gallery list. */
export default defineConfig({
  test: { include: ['test/gallery/render.run.ts'], pool: 'forks', maxWorkers: 1, testTimeout: 600_000 },
});
