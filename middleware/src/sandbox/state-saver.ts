// Keeps one sandbox's state in the store: saves a snapshot shortly after each burst of changes, one
// save at a time, so an emulator restarted on the same store finds what it held.
import type { Kysely } from 'kysely';
import { saveSandboxState } from '../store/sandbox-state.js';
import type { Database } from '../store/schema.js';

export interface StateSaver {
  /** Marks the state changed; a save follows after the delay. */
  touch(): void;
  /** Marks the state changed and saves it at once (an emulator awaits this before answering a write). */
  saveNow(): Promise<void>;
  /** Saves now if anything changed, and waits for every save under way. */
  flush(): Promise<void>;
  /** Stops the pending timer (call `flush` first to keep the last changes). */
  stop(): void;
}

export function createStateSaver(
  db: Kysely<Database>,
  name: string,
  snapshot: () => unknown,
  clock: () => Date,
  delayMs = 100,
): StateSaver {
  let timer: NodeJS.Timeout | null = null;
  let saving: Promise<void> = Promise.resolve();
  let dirty = false;
  const save = (): Promise<void> => {
    timer = null;
    if (!dirty) return saving;
    dirty = false;
    const state = snapshot();
    saving = saving
      .then(() => saveSandboxState(db, name, state, clock()))
      .catch(() => {
        dirty = true;
      });
    return saving;
  };
  return {
    touch() {
      dirty = true;
      timer ??= setTimeout(() => void save(), delayMs);
    },
    saveNow() {
      dirty = true;
      if (timer) clearTimeout(timer);
      return save();
    },
    async flush() {
      if (timer) clearTimeout(timer);
      await save();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
