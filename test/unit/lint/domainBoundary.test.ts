import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const RULE = 'gateway/domain-imports';

/**
 * Lints text as if it were a file at `relativePath`, with the project's own config. Type-aware rules are switched off
 * because the probe file is not on disk for the TypeScript project; the import rule needs no types.
 */
async function ruleIdsFor(relativePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, relativePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `parse: ${m.message}`);
}

const probe = (line: string) => `${line}\nexport const probe = 1;\n`;

describe('the migration domain stays pure (an allow-list lint rule)', () => {
  it.each([
    ["import { TurnContext } from 'botbuilder';"],
    ["import { Application } from '@microsoft/teams-ai';"],
    ["import { CosmosClient } from '@azure/cosmos';"],
    ["import restify from 'restify';"],
    ["import pino from 'pino';"],
    ["import * as ACData from 'adaptivecards-templating';"],
    ["import { helpCard } from '../../../cards/helpCard';"],
    ["import { WalkthroughDialog } from '../../../dialogs/walkthroughDialog';"],
    ["import { CosmosStateStorage } from '../../storage/cosmosStateStorage';"],
    ["import * as storage from '../../storage';"],
    ["import { createLogger } from '../../log';"],
    ["import { actorFrom } from '../../teams/actorFrom';"],
    ["import { loadConfig } from '../../config';"],
    ["import { recognise } from '../../recognition/recognise';"],
    ["import { sendHelp } from '../../routes/help';"],
    ["export * from '../../routes/help';"],
    ["export { loadConfig } from '../../config';"],
    ["import { readFileSync } from 'node:fs';"],
    ["import { readFileSync } from 'fs';"],
    ["import { request } from 'node:http';"],
    ["export type Probe = import('botbuilder').TurnContext;"],
    ["export const later = async () => import('botbuilder');"],
    ["export const computed = async (name: string) => import(name);"],
    ["const fs = require('node:fs');"],
  ])('when a domain file says %s, then lint fails', async (line) => {
    expect(await ruleIdsFor('bot/migration/gateways/boundaryProbe.ts', probe(line))).toContain(RULE);
  });

  it.each([
    ['bot/migration/gateways/boundaryProbe.ts', "import type { GatewayStage } from './catalogueTypes';"],
    ['bot/migration/gateways/boundaryProbe.ts', "import { formatUkDate } from '../shared/ukDates';"],
    ['bot/migration/questionnaire/sections/boundaryProbe.ts', "import { formatUkDate } from '../../shared/ukDates';"],
    ['bot/migration/projects/boundaryProbe.ts', "export * from '../gateways/roles';"],
    ['bot/migration/gateways/boundaryProbe.ts', "import { z } from 'zod';"],
    ['bot/migration/gateways/boundaryProbe.ts', "import { randomUUID } from 'node:crypto';"],
  ])('when %s says %s, then lint allows it', async (file, line) => {
    const ids = await ruleIdsFor(file, probe(line));
    // Only the boundary matters here (the probe's import is unused, which another rule rightly notes).
    expect(ids.filter((id) => id === RULE || id.startsWith('parse'))).toEqual([]);
  });

  it('when a framework import is in a route, then lint allows it', async () => {
    const ids = await ruleIdsFor('bot/routes/boundaryProbe.ts', "import type { TurnContext } from 'botbuilder';\nexport type Probe = TurnContext;\n");
    expect(ids).toEqual([]);
  });
}, 60_000);
