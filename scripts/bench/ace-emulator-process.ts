// The ACE emulator in a process of its own, for benchmarks: in production ACE is a remote service,
// so its request handling must not eat into the CPU the engine is measured on. Prints its URL on
// start; answers { type: 'counters' } over IPC with the emulator's counters.
//   forked by scripts/bench/remote-ace.ts; options arrive as JSON in ACE_OPTIONS.
import {
  startAceEmulator,
  type AceEmulatorOptions,
} from '../../middleware/src/sandbox/aws/emulator.js';

const emulator = await startAceEmulator(
  JSON.parse(process.env.ACE_OPTIONS ?? '{}') as AceEmulatorOptions,
);
process.on('message', (message: { type: string }) => {
  if (message.type === 'counters')
    process.send?.({ type: 'counters', counters: emulator.counters });
  if (message.type === 'stop') void emulator.stop().then(() => process.exit(0));
});
process.send?.({ type: 'ready', url: emulator.url });
