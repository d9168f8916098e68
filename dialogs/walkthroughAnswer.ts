import { textInput } from '../cards/cardData';
import { WALKTHROUGH_INPUTS } from '../cards/walkthroughCard';
import type { WalkthroughChoice } from '../cards/walkthroughCard';
import type { ItemChange } from '../bot/migration/gateways/itemUpdates';

/**
 * What one walkthrough button means for the item, as the changes to save (none for "skip": move on, change nothing).
 * Values are passed on as typed; the domain validates them and refuses the whole answer if one is wrong.
 */
export function changesForAnswer(choice: WalkthroughChoice, data: Record<string, unknown>): ItemChange[] {
  const text = (name: string): string => textInput(data, name);
  switch (choice) {
    case 'done':
      return [{ field: 'status', status: 'done' }];
    case 'na':
      return [{ field: 'status', status: 'not-applicable', naReason: text(WALKTHROUGH_INPUTS.naReason) }];
    case 'assign': {
      const owner = text(WALKTHROUGH_INPUTS.owner);
      const due = text(WALKTHROUGH_INPUTS.due);
      return [
        ...(owner === '' ? [] : [{ field: 'owner', owner: { id: owner, name: '' } } as const]),
        ...(due === '' ? [] : [{ field: 'due', due } as const]),
      ];
    }
    case 'note': {
      const note = text(WALKTHROUGH_INPUTS.note);
      const url = text(WALKTHROUGH_INPUTS.evidenceUrl);
      return [...(note === '' ? [] : [{ field: 'note', text: note } as const]), ...(url === '' ? [] : [{ field: 'evidence', url } as const])];
    }
    case 'skip':
      return [];
  }
}
