// Copies the chart.js package's UMD build into force-app as the Chart.js static resource. The copy
// is made at install (`prepare`) rather than committed, so the repository holds no vendored library
// and the resource always matches the installed, locked version.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const build = join(root, 'node_modules/chart.js/dist/chart.umd.js');
copyFileSync(build, join(root, 'force-app/main/default/staticresources/chartjs.js'));
