// Child process for interrupt.test.ts: a listener that throws as sf's does is registered first,
// then stopCleanlyOnSignals; a findings spool and an --output report are half written when the
// process signals itself, and it would wait 10 s for anything else to happen.
import { RecordSpool } from '../../../middleware/src/cli/record-spool.js';
import { reportTarget } from '../../../middleware/src/cli/report-output.js';
import { stopCleanlyOnSignals } from '../../../middleware/src/cli/interrupt.js';

const [output, signal] = process.argv.slice(2) as [string, NodeJS.Signals];
process.on(signal, () => {
  throw new Error('the listener registered before ours ran');
});
stopCleanlyOnSignals();
const spool = new RecordSpool<{ n: number }>();
spool.add({ n: 1 });
const target = reportTarget({ log: () => undefined }, output);
await target.write('x'.repeat(1 << 15));
console.log(JSON.stringify({ spool: spool.path }));
process.kill(process.pid, signal);
setTimeout(() => console.log('not stopped'), 10_000);
