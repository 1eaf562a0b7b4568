// One data folder, one running service: two instances on one embedded store would each reset,
// seed and write it, and their answers would diverge. The first instance holds a lock file naming
// itself; a second refuses to start and says who holds the folder.
//
// An exclusive-create lock file rather than proper-lockfile: the holder's pid, host and start time
// must be named to the user, and a crashed holder must be recognised at once on restart (its process
// is gone) instead of after a staleness timeout kept alive by a timer rewriting the lock's mtime.
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Who holds a data folder. */
export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the holder started. */
  started: string;
  /** The kernel's start tick of the holder's process (Linux), so a reused pid is not mistaken for it. */
  processStart?: string;
}

export class DataFolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
    readonly lockFile: string,
  ) {
    const where = holder.host === hostname() ? 'this machine' : `host ${holder.host}`;
    super(
      `The data folder ${dataDir} is in use by another co-sell service (pid ${holder.pid} on ${where}, started ${holder.started}). ` +
        `Stop that instance, or set COSELL_DATA_DIR to another folder. If that instance is gone, delete ${lockFile}.`,
    );
    this.name = 'DataFolderInUseError';
  }
}

export interface DataFolderLock {
  file: string;
  holder: LockHolder;
  /** Removes the lock if it is still this instance's; safe to call more than once. */
  release(): void;
}

export const LOCK_FILE_NAME = 'instance.lock';

/** Lock files this process holds, so a pid reused by this very process (pid 1 in a container) is not taken for a live holder. */
const heldHere = new Set<string>();

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot; undefined off Linux. */
function processStartTick(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function isAlive(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (holder.processStart === undefined) return true;
  const now = processStartTick(holder.pid);
  return now === undefined || now === holder.processStart;
}

/** Whether the recorded holder certainly no longer runs (only decidable on the same host). */
function isStale(file: string, holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return !heldHere.has(file);
  return !isAlive(holder);
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (
      typeof parsed.pid !== 'number' ||
      typeof parsed.host !== 'string' ||
      typeof parsed.started !== 'string'
    )
      return undefined;
    return parsed as LockHolder;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // Unreadable or not ours: treat as held by an unknown instance rather than overwrite it.
    return { pid: 0, host: 'unknown', started: 'unknown' };
  }
}

/**
 * Takes the data folder's lock (the folder must exist) or throws DataFolderInUseError naming the
 * holder. A lock left by a process that has exited on this host is replaced.
 */
export function lockDataFolder(
  dataDir: string,
  clock: () => Date = () => new Date(),
): DataFolderLock {
  const file = join(dataDir, LOCK_FILE_NAME);
  const processStart = processStartTick(process.pid);
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    started: clock().toISOString(),
    ...(processStart ? { processStart } : {}),
  };
  // Written whole to a private file, then linked into place: link fails if the lock exists, so the
  // lock file is never seen half-written.
  const draft = join(dataDir, `${LOCK_FILE_NAME}.${process.pid}.${Date.now()}`);
  writeFileSync(draft, `${JSON.stringify(holder)}\n`, { mode: 0o600 });
  try {
    let replacedStale = false;
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(draft, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const current =
        readHolder(file) ??
        (attempt < 5 ? undefined : { pid: 0, host: 'unknown', started: 'unknown' });
      if (current === undefined) continue; // released between our link and our read: try again
      if (replacedStale || !isStale(file, current))
        throw new DataFolderInUseError(dataDir, current, file);
      replacedStale = true;
      // Move the stale lock aside (one mover wins the rename) and try once more.
      try {
        renameSync(file, `${draft}.stale`);
        unlinkSync(`${draft}.stale`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  } finally {
    unlinkSync(draft);
  }
  heldHere.add(file);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(file);
    const current = readHolder(file);
    if (
      current &&
      current.pid === holder.pid &&
      current.started === holder.started &&
      current.host === holder.host
    ) {
      try {
        unlinkSync(file);
      } catch {
        // Already gone: nothing to release.
      }
    }
    process.off('exit', release);
  };
  // A process.exit() without stop() still frees the folder for the next start.
  process.on('exit', release);
  return { file, holder, release };
}
