// Writes payload files for the `cosell payload` command tests into a fresh temporary folder.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function payloadFolder(): { write(name: string, content: unknown): string; path(name: string): string } {
  const folder = mkdtempSync(join(tmpdir(), 'cosell-payload-'));
  return {
    write(name, content) {
      const file = join(folder, name);
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
      return file;
    },
    path: (name) => join(folder, name),
  };
}
