// Reads a portal's mapping configuration from config/mapping/ (the one place this module touches the
// disk) and compiles it; a missing file, bad JSON or a bad key fails with the file and key named.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PortalName } from '../portal.js';
import { compileMapping, type CompiledMapping } from './compile.js';
import { MappingConfigError, parseMappingConfig } from './config.js';

/** config/mapping/ of this package, found by walking up from this file (src/ and lib/ sit at different depths). */
export function defaultMappingDirectory(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(directory, 'config', 'mapping');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(directory);
    if (parent === directory)
      throw new Error('config/mapping/ was not found above the co-sell package code');
    directory = parent;
  }
}

export function loadMapping(
  portal: PortalName,
  directory: string = defaultMappingDirectory(),
): CompiledMapping {
  const file = join(directory, `${portal}.json`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new MappingConfigError(file, [`cannot be read: ${(error as Error).message}`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new MappingConfigError(file, [`is not JSON: ${(error as Error).message}`]);
  }
  const config = parseMappingConfig(raw, file);
  if (config.portal !== portal)
    throw new MappingConfigError(file, [
      `portal: says "${config.portal}" but the file is for "${portal}"`,
    ]);
  return compileMapping(config);
}
