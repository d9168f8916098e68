import { ITEM_INPUTS, NO_OWNER } from '../../cards/itemCard';
import type { ItemStatus } from '../migration/gateways/gatewayState';
import { ITEM_STATUSES } from '../migration/gateways/gatewayState';
import type { ItemChange } from '../migration/gateways/itemUpdates';
import type { ChecklistEntry } from '../migration/projects/getChecklist';
import { textInput } from '../../cards/cardData';

/**
 * The item card sends every input back, changed or not; only what differs from the item as loaded becomes a
 * change, so saving a card that only adds a note does not also "change" the owner to itself. Values are passed on
 * as typed: the domain validates them (https links, real dates, lengths) and refuses the whole save if one is wrong.
 */
export function itemChangesFromCard(entry: ChecklistEntry, data: Record<string, unknown>): ItemChange[] {
  const text = (name: string): string => textInput(data, name);
  const changes: ItemChange[] = [];

  const due = text(ITEM_INPUTS.due);
  if (due !== (entry.due ?? '')) changes.push({ field: 'due', due: due === '' ? null : due });

  const owner = text(ITEM_INPUTS.owner);
  const ownerId = owner === '' || owner === NO_OWNER ? undefined : owner;
  if (ownerId !== entry.owner?.id) changes.push({ field: 'owner', owner: ownerId === undefined ? null : { id: ownerId, name: '' } });

  const note = text(ITEM_INPUTS.note);
  if (note !== '') changes.push({ field: 'note', text: note });

  const evidence = text(ITEM_INPUTS.evidenceUrl);
  if (evidence !== '') changes.push({ field: 'evidence', url: evidence });

  const status = text(ITEM_INPUTS.status);
  const naReason = text(ITEM_INPUTS.naReason);
  if (isStatus(status) && (status !== entry.status || (status === 'not-applicable' && naReason !== (entry.naReason ?? '')))) {
    changes.push(status === 'not-applicable' ? { field: 'status', status, naReason } : { field: 'status', status });
  }
  return changes;
}

function isStatus(value: string): value is ItemStatus {
  return (ITEM_STATUSES as readonly string[]).includes(value);
}
