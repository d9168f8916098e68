import type { CardData } from '../../cards/cardData';
import { ITEM_INPUTS, NO_OWNER } from '../../cards/itemCard';
import type { Verbs } from '../../cards/verbs';
import type { ItemChange } from '../migration/gateways/itemUpdates';
import type { ChecklistEntry } from '../migration/projects/getChecklist';

/**
 * The item card sends every input back, changed or not; only what differs from the item as loaded becomes a
 * change, so saving a card that only adds a note does not also "change" the owner to itself. A field the card did
 * not send changes nothing (it is never read as "cleared"); an empty owner or due date that was sent clears it.
 * The card data has been checked for shape already (cards/cardData.ts); the domain validates the values (https
 * links, real dates, lengths, owners in the team) and refuses the whole save if one is wrong.
 */
export function itemChangesFromCard(entry: ChecklistEntry, data: CardData<typeof Verbs.itemSave>): ItemChange[] {
  const changes: ItemChange[] = [];

  const due = data[ITEM_INPUTS.due];
  if (due !== undefined && due !== (entry.due ?? '')) changes.push({ field: 'due', due: due === '' ? null : due });

  const owner = data[ITEM_INPUTS.owner];
  if (owner !== undefined) {
    const ownerId = owner === '' || owner === NO_OWNER ? undefined : owner;
    if (ownerId !== entry.owner?.id) changes.push({ field: 'owner', owner: ownerId === undefined ? null : { id: ownerId, name: '' } });
  }

  const note = data[ITEM_INPUTS.note];
  if (note !== undefined && note !== '') changes.push({ field: 'note', text: note });

  const evidence = data[ITEM_INPUTS.evidenceUrl];
  if (evidence !== undefined && evidence !== '') changes.push({ field: 'evidence', url: evidence });

  const status = data[ITEM_INPUTS.status];
  const naReason = data[ITEM_INPUTS.naReason] ?? entry.naReason ?? '';
  if (status !== undefined && (status !== entry.status || (status === 'not-applicable' && naReason !== (entry.naReason ?? '')))) {
    changes.push(status === 'not-applicable' ? { field: 'status', status, naReason } : { field: 'status', status });
  }
  return changes;
}
