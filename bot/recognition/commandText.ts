import type { Recognition } from './intents';

/**
 * How to type a recognised command exactly, for "did you mean …?" and its button. Undefined for what is not a
 * command one types (unknown, out of range, the reserved intents).
 */
export function commandTextOf(recognition: Recognition): string | undefined {
  switch (recognition.intent) {
    case 'help':
    case 'status':
    case 'roles':
    case 'milestones':
    case 'stop':
      return recognition.intent;
    case 'set-up':
      return 'set up project';
    case 'my-actions':
      return 'my actions';
    case 'project-details':
      return 'project details';
    case 'gateway':
      return withStage('gateway', recognition.entities.stage);
    case 'walkthrough':
      return withStage('walk me through gateway', recognition.entities.stage);
    case 'sign-off':
      return withStage('sign off gateway', recognition.entities.stage);
    case 'questionnaire': {
      const command = recognition.entities;
      if (command.kind === 'section') return `questionnaire ${command.section}`;
      return command.kind === 'progress' ? 'questionnaire' : `${command.kind} questionnaire`;
    }
    case 'risk':
    case 'issue':
      return recognition.entities.title === '' ? `add ${recognition.intent}` : `${recognition.intent}: ${recognition.entities.title}`;
    case 'risks': {
      const command = recognition.entities;
      if (command.kind === 'export') return 'export risks';
      if (command.stage !== undefined) return `risks gateway ${command.stage}`;
      return command.filter === undefined ? 'risks' : `risks ${command.filter}`;
    }
    case 'groups':
    case 'coexistence':
    case 'registrations':
      return recognition.intent;
    case 'group':
      return `group ${recognition.entities.name}${recognition.entities.view === 'checklist' ? ' checklist' : ''}`;
    case 'export-accounts':
      return recognition.entities.group === undefined ? 'export accounts' : `export accounts for ${recognition.entities.group}`;
    case 'import-staff':
      return 'import staff';
    case 'delete-project':
      return 'delete project';
    case 'remove-staff':
      return `remove staff ${recognition.entities.localId}`;
    default:
      return undefined;
  }
}

function withStage(words: string, stage: number | undefined): string {
  return stage === undefined ? words : `${words} ${stage}`;
}
