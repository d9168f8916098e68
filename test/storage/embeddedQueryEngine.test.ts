import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * The embedded server's query engine (`@zeit/cosmosdb-query`, under `@vercel/cosmosdb-server`) as patched by
 * `infra/patches/`: unpatched, every query gathered the collection with `[...$, { c }]` for each document, so one
 * query over 50,000 staff records copied the list 50,000 times (a count took 5 s at 20,000 and minutes at 50,000).
 * Speed itself is the bench's to show; this checks the patch is in place and the engine still answers the same.
 */
interface CompiledQuery {
  readonly code: string;
  exec(collection: readonly object[], options: { parameters: readonly { name: string; value: unknown }[] }): { result: unknown[] };
}

const require = createRequire(import.meta.url);
const compile = (require('@zeit/cosmosdb-query') as { default: (sql: string) => CompiledQuery }).default;

const documents = [
  { id: 'a', _rid: 'r1', projectId: 'p1', tags: ['x', 'y'] },
  { id: 'b', _rid: 'r2', projectId: 'p1' },
  { id: 'c', _rid: 'r3', projectId: 'p2', tags: ['z'] },
];
const inP1 = { parameters: [{ name: '@p', value: 'p1' }] };

describe('the embedded server\'s query engine', () => {
  it('when a query or a join is compiled, then documents are gathered by pushing, never by copying the list for each', () => {
    for (const sql of ['SELECT * FROM c WHERE c.projectId = @p', 'SELECT c.id, t FROM c JOIN t IN c.tags WHERE c.projectId = @p', 'SELECT VALUE COUNT(1) FROM c WHERE c.projectId = @p']) {
      const { code } = compile(sql);
      expect(code).not.toMatch(/\[\s*\.\.\.\$\s*,/);
      expect(code).toContain('$.push(');
    }
  });

  it('when the patched engine runs a filter, a join and a count, then it answers as Cosmos does', () => {
    expect(compile('SELECT VALUE c.id FROM c WHERE c.projectId = @p').exec(documents, inP1).result).toEqual(['a', 'b']);
    expect(compile('SELECT c.id, t FROM c JOIN t IN c.tags WHERE c.projectId = @p').exec(documents, inP1).result).toEqual([
      { id: 'a', t: 'x' },
      { id: 'a', t: 'y' },
    ]);
    expect(compile('SELECT VALUE COUNT(1) FROM c WHERE c.projectId = @p').exec(documents, inP1).result).toEqual([2]);
  });
});
