// Rollup plugin for the @salesforce/* scoped modules the platform's compiler provides: custom labels
// from force-app (an unknown label fails the build, as a deploy would), schema references, the
// running user, refreshApex and static resource URLs (served by the org the preview talks to; an
// unknown resource fails the build too). Base-component scoped imports come from that package's own stubs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readCustomLabels } from './labels.js';

const PREFIX = '\0salesforce:';

export function salesforceModules({ labelsFile, refreshModule, userModule, staticResourcesDir }) {
  const labels = readCustomLabels(labelsFile);
  return {
    name: 'cosell-salesforce-modules',
    resolveId(source) {
      if (source.startsWith('@salesforce/label/c.')) {
        const name = source.slice('@salesforce/label/c.'.length);
        if (!labels.has(name)) {
          this.error(`Unknown custom label ${name}: it is not in ${labelsFile}`);
        }
        return PREFIX + source;
      }
      if (source.startsWith('@salesforce/schema/')) return PREFIX + source;
      if (source === '@salesforce/apex') return refreshModule;
      if (source.startsWith('@salesforce/user/')) return PREFIX + source;
      if (source.startsWith('@salesforce/resourceUrl/')) {
        const name = source.slice('@salesforce/resourceUrl/'.length);
        if (
          !staticResourcesDir ||
          !existsSync(join(staticResourcesDir, `${name}.resource-meta.xml`))
        ) {
          this.error(`Unknown static resource ${name}: it is not in ${staticResourcesDir}`);
        }
        return PREFIX + source;
      }
      return null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const source = id.slice(PREFIX.length);
      if (source.startsWith('@salesforce/label/c.')) {
        return `export default ${JSON.stringify(labels.get(source.slice('@salesforce/label/c.'.length)))};`;
      }
      if (source.startsWith('@salesforce/schema/')) {
        const [objectApiName, ...path] = source.slice('@salesforce/schema/'.length).split('.');
        const value = path.length
          ? { objectApiName, fieldApiName: path.join('.') }
          : { objectApiName };
        return `export default ${JSON.stringify(value)};`;
      }
      if (source.startsWith('@salesforce/resourceUrl/')) {
        const name = source.slice('@salesforce/resourceUrl/'.length);
        return `import { orgResourceUrl } from ${JSON.stringify(userModule)}; export default orgResourceUrl(${JSON.stringify(name)});`;
      }
      // Id and isGuest: the user the preview's access token belongs to.
      const key = source.slice('@salesforce/user/'.length);
      if (key !== 'Id' && key !== 'isGuest') this.error(`Unsupported module ${source}`);
      return `import { currentUser } from ${JSON.stringify(userModule)}; export default currentUser.${key === 'Id' ? 'id' : 'isGuest'};`;
    },
  };
}
