// Builds the preview: the force-app components, compiled in place by the real LWC compiler with the
// real lightning-base-components, the preview's platform stand-ins, and SLDS, into dist/.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { rollup } from 'rollup';
import { salesforceModules } from './src/salesforce-modules.js';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const forceApp = resolve(here, '../force-app/main/default');
const dist = join(here, 'dist');

/** The package's own module records (its src/ and its @salesforce/* stubs), with absolute paths. */
function baseComponentRecords() {
  const root = dirname(require.resolve('lightning-base-components/package.json'));
  const pkg = require('lightning-base-components/package.json');
  return pkg.lwc.modules.map((record) =>
    record.dir
      ? { dir: join(root, record.dir) }
      : { name: record.name, path: join(root, record.path) },
  );
}

/** c/<name> for every component folder in force-app, compiled where it lies. */
function projectRecords() {
  const lwcDir = join(forceApp, 'lwc');
  return readdirSync(lwcDir, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(join(lwcDir, entry.name, `${entry.name}.js`)),
    )
    .map((entry) => ({
      name: `c/${entry.name}`,
      path: join(lwcDir, entry.name, `${entry.name}.js`),
    }));
}

export async function build({ production = true } = {}) {
  const started = Date.now();
  const bundle = await rollup({
    input: join(here, 'src/main.js'),
    plugins: [
      salesforceModules({
        labelsFile: join(forceApp, 'labels/CustomLabels.labels-meta.xml'),
        refreshModule: join(here, 'modules/lightning/refreshApex/refreshApex.js'),
        userModule: join(here, 'modules/lightning/orgConnection/orgConnection.js'),
        staticResourcesDir: join(forceApp, 'staticresources'),
      }),
      // The package reads Vite's import.meta.env.SSR; the preview renders in the browser only.
      replace({
        preventAssignment: true,
        values: {
          'import.meta.env.SSR': 'false',
          'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development'),
        },
      }),
      lwc({
        rootDir: join(here, 'modules'),
        // lightning-base-combobox attaches element internals, which synthetic shadow refuses otherwise.
        enableSyntheticElementInternals: true,
        // lightning-datatable brings its multi-column sorting modal, which picks its body at run time
        // (lwc:component lwc:is).
        enableDynamicComponents: true,
        modules: [
          // The preview's stand-ins come first: they fill in what the npm package leaves out.
          { dir: join(here, 'modules') },
          ...projectRecords(),
          ...baseComponentRecords(),
          { name: 'lwc', path: require.resolve('@lwc/engine-dom') },
          { name: '@lwc/synthetic-shadow', path: require.resolve('@lwc/synthetic-shadow') },
          { name: '@lwc/wire-service', path: require.resolve('@lwc/wire-service') },
        ],
      }),
    ],
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      // The base-component package's own template warnings are not ours to fix.
      if (String(warning.id ?? warning.message).includes('lightning-base-components')) return;
      warn(warning);
    },
  });
  rmSync(dist, { recursive: true, force: true });
  // A directory, not one file: the package lazy-loads its icon templates.
  await bundle.write({
    dir: join(dist, 'js'),
    format: 'esm',
    entryFileNames: 'main.js',
    chunkFileNames: 'chunks/[name]-[hash].js',
  });
  await bundle.close();
  const slds = dirname(require.resolve('@salesforce-ux/design-system/package.json'));
  mkdirSync(join(dist, 'slds'), { recursive: true });
  cpSync(
    join(slds, 'assets/styles/salesforce-lightning-design-system.min.css'),
    join(dist, 'slds/styles/salesforce-lightning-design-system.min.css'),
  );
  cpSync(join(slds, 'assets/images'), join(dist, 'slds/images'), { recursive: true });
  writeFileSync(
    join(dist, 'build.json'),
    JSON.stringify({ builtAt: new Date().toISOString(), ms: Date.now() - started }),
  );
  return { ms: Date.now() - started };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  build({ production: !process.argv.includes('--dev') }).then(
    ({ ms }) => console.log(`preview built in ${ms} ms → ${dist}`),
    (error) => {
      console.error(error.message ?? error);
      process.exit(1);
    },
  );
}
