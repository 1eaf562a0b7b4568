// Writes payload files for the `cosell payload` command tests into a fresh temporary folder,
// removed when the test file is done.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchFolder } from '../../../support/scratch.js';

export function payloadFolder(): {
  write(name: string, content: unknown): string;
  path(name: string): string;
} {
  const folder = scratchFolder('cosell-payload-');
  return {
    write(name, content) {
      const file = join(folder, name);
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
      return file;
    },
    path: (name) => join(folder, name),
  };
}
