// Starts the ACE emulator in a child process (scripts/bench/ace-emulator-process.ts) and reads its
// counters over IPC, so a benchmark measures the engine's CPU and not the portal's.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type {
  EmulatorCounters,
  AceEmulatorOptions,
} from '../../middleware/src/sandbox/aws/emulator.js';

export interface RemoteAce {
  url: string;
  counters(): Promise<EmulatorCounters>;
  stop(): Promise<void>;
}

export async function startRemoteAce(options: AceEmulatorOptions): Promise<RemoteAce> {
  const child = fork(fileURLToPath(new URL('./ace-emulator-process.ts', import.meta.url)), [], {
    execArgv: [
      '--experimental-transform-types',
      '--no-warnings',
      '--import',
      new URL('./ts-resolve.mjs', import.meta.url).href,
    ],
    env: { ...process.env, ACE_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: { type: string } & T) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message);
      };
      const onExit = (code: number | null) =>
        reject(new Error(`the ACE emulator process exited (${code}) before answering ${type}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const { url } = await next<{ url: string }>('ready');
  return {
    url,
    async counters() {
      const answer = next<{ counters: EmulatorCounters }>('counters');
      child.send({ type: 'counters' });
      return (await answer).counters;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      await exited;
    },
  };
}
