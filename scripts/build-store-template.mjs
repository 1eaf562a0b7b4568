// `npm install` runs this after the build (see "prepare"): it initialises one PGlite data folder
// beside the installed PGlite, which every new embedded store then copies, so the first
// `npm start` after an install does not wait for initdb. Safe to run again: an existing one is kept.
import { installedInitdb, preparePristine } from '../lib/store/pglite-setup.js';

const started = performance.now();
const folder = installedInitdb();
await preparePristine(folder);
console.log(
  `embedded store template ready in ${folder} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
