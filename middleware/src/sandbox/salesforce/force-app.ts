// Finds the package's force-app directory and loads what the local org takes from it (schema and
// permission sets, static resources), whether the code runs from middleware/src (tests) or lib/ (the built service).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AccessPolicy, loadPermissionSets } from './permissions.js';
import { loadSchema, type OrgSchema } from './schema.js';
import { loadStaticResources, type StaticResource } from './static-resources.js';

/** The nearest `force-app` directory above this module. */
export function findForceApp(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, 'force-app');
    if (existsSync(join(candidate, 'main', 'default', 'objects'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no force-app directory above ${from}`);
    dir = parent;
  }
}

export interface PackageModel {
  schema: OrgSchema;
  policy: AccessPolicy;
  staticResources: Map<string, StaticResource>;
}

export async function loadPackageModel(forceAppDir = findForceApp()): Promise<PackageModel> {
  const schema = await loadSchema(forceAppDir);
  return {
    schema,
    policy: new AccessPolicy(schema, await loadPermissionSets(forceAppDir)),
    staticResources: loadStaticResources(forceAppDir),
  };
}
