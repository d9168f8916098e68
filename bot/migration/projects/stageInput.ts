import { STAGE_NUMBERS, type StageNumber } from '../gateways/catalogueTypes';
import { ValidationFailed } from '../shared/errors';

/** Stage numbers arrive from card data, so they are checked, not trusted; "3" is accepted as 3. */
export function parseStage(value: unknown): StageNumber {
  const number = typeof value === 'string' && /^\d$/.test(value.trim()) ? Number(value.trim()) : value;
  const stage = STAGE_NUMBERS.find((s) => s === number);
  if (stage === undefined) throw new ValidationFailed([{ field: 'stage', message: 'Please choose a gateway from 1 to 6.' }]);
  return stage;
}
