import type { Scenario } from '../../../simulation/scenario/schema';

/**
 * Every change to the document is one of these plain objects, applied by
 * {@link applyCommand}. The UI never edits the document any other way, so
 * every change can be undone, replayed and tested without React.
 */
export type Command =
  | { type: 'scenario.rename'; name: string }
  | { type: 'scenario.describe'; description: string };

/** Applies a command to an immer draft of the document. */
export function applyCommand(draft: Scenario, command: Command): void {
  switch (command.type) {
    case 'scenario.rename':
      draft.name = command.name;
      return;
    case 'scenario.describe':
      draft.description = command.description;
      return;
  }
}

/** Short words for the Undo/Redo menu items ("Undo rename"). */
export function describeCommand(command: Command): string {
  switch (command.type) {
    case 'scenario.rename':
      return 'rename scenario';
    case 'scenario.describe':
      return 'edit description';
  }
}
