import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

/**
 * Lints text as if it were a file at `relativePath`, with the project's own config. Type-aware rules are switched off
 * because the probe file is not on disk for the TypeScript project; the import rule needs no types.
 */
async function ruleIdsFor(relativePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, relativePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse');
}

describe('the migration domain stays pure (lint rule)', () => {
  it.each([
    ["import { TurnContext } from 'botbuilder';"],
    ["import { Application } from '@microsoft/teams-ai';"],
    ["import { CosmosClient } from '@azure/cosmos';"],
    ["import restify from 'restify';"],
    ["import { helpCard } from '../../../cards/helpCard';"],
    ["import { CosmosStateStorage } from '../../storage/cosmosStateStorage';"],
  ])('when a domain file says %s, then lint fails', async (importLine) => {
    const ids = await ruleIdsFor('bot/migration/gateways/boundaryProbe.ts', `${importLine}\nexport const probe = 1;\n`);
    expect(ids).toContain('no-restricted-imports');
  });

  it('when the same import is in a route, then lint allows it', async () => {
    const ids = await ruleIdsFor('bot/routes/boundaryProbe.ts', "import type { TurnContext } from 'botbuilder';\nexport type Probe = TurnContext;\n");
    expect(ids).toEqual([]);
  });
}, 60_000);
