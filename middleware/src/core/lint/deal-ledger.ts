// An append-only list of deals a cross-row rule must remember (account, day, Id, cloud), kept in
// typed arrays instead of one object per deal. A rule that compares deals across the whole export
// has to hold every candidate until the last row; as objects with date strings that cost about
// 130 bytes each and grew the CLI's live heap by ~10 MB per 50k rows. Here a deal costs about 30
// bytes, outside the garbage-collected heap, and nothing is copied when a deal is added.

const INITIAL_CAPACITY = 1024;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** UTC day number of a `YYYY-MM-DD` date (the part of an ISO timestamp before the `T` works too). */
export function dayNumber(isoDate: string): number {
  return Date.parse(isoDate.slice(0, 10)) / 86_400_000;
}

/** `YYYY-MM-DD` of a UTC day number. */
export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** A ledger's entries by account: the accounts in order of first appearance, and each one's entry indexes. */
export interface LedgerGroups {
  accounts: readonly number[];
  entriesOf(account: number): Int32Array;
}

export class DealLedger<Tag extends string = string> {
  private size = 0;
  private accounts = new Int32Array(INITIAL_CAPACITY);
  private days = new Float64Array(INITIAL_CAPACITY);
  private tags = new Uint8Array(INITIAL_CAPACITY);
  private readonly ids = new TextArena();
  private readonly tagNames: Tag[] = [];

  get length(): number {
    return this.size;
  }

  /** Adds a deal; `account` is the caller's small integer for the account (see AccountIndex). */
  add(account: number, day: number, id: string, tag?: Tag): void {
    if (this.size === this.accounts.length) this.grow();
    const index = this.size;
    this.accounts[index] = account;
    this.days[index] = day;
    this.tags[index] = tag === undefined ? 0 : this.tagCode(tag);
    this.ids.push(id);
    this.size += 1;
  }

  account(index: number): number {
    return this.accounts[index] as number;
  }

  day(index: number): number {
    return this.days[index] as number;
  }

  id(index: number): string {
    return this.ids.at(index);
  }

  tag(index: number): Tag | undefined {
    const code = this.tags[index] as number;
    return code === 0 ? undefined : this.tagNames[code - 1];
  }

  /**
   * Entry indexes grouped by account, each group in the order added, groups in order of first
   * appearance; held in two typed arrays (counting sort), not one array per account.
   */
  grouped(): LedgerGroups {
    let accountCount = 0;
    for (let index = 0; index < this.size; index += 1)
      accountCount = Math.max(accountCount, (this.accounts[index] as number) + 1);
    const starts = new Int32Array(accountCount + 1);
    const order: number[] = [];
    for (let index = 0; index < this.size; index += 1) {
      const account = this.accounts[index] as number;
      if (starts[account + 1] === 0) order.push(account);
      starts[account + 1] = (starts[account + 1] as number) + 1;
    }
    for (let account = 0; account < accountCount; account += 1)
      starts[account + 1] = (starts[account + 1] as number) + (starts[account] as number);
    const next = starts.slice(0, accountCount);
    const entries = new Int32Array(this.size);
    for (let index = 0; index < this.size; index += 1) {
      const account = this.accounts[index] as number;
      entries[next[account] as number] = index;
      next[account] = (next[account] as number) + 1;
    }
    return {
      accounts: order,
      entriesOf: (account) =>
        account < accountCount
          ? entries.subarray(starts[account], starts[account + 1])
          : entries.subarray(0, 0),
    };
  }

  private tagCode(tag: Tag): number {
    let code = this.tagNames.indexOf(tag);
    if (code === -1) {
      if (this.tagNames.length === 255) throw new Error('DealLedger: at most 255 distinct tags');
      code = this.tagNames.push(tag) - 1;
    }
    return code + 1;
  }

  private grow(): void {
    const capacity = this.accounts.length * 2;
    this.accounts = grown(this.accounts, capacity);
    this.days = grown(this.days, capacity);
    this.tags = grown(this.tags, capacity);
  }
}

function grown<T extends Int32Array | Float64Array | Uint8Array | Uint32Array>(
  array: T,
  capacity: number,
): T {
  const next = new (array.constructor as new (length: number) => T)(capacity);
  next.set(array);
  return next;
}

/** Strings one after another in one byte buffer (UTF-8): a few bytes each, outside the JS heap. */
export class TextArena {
  private count = 0;
  private starts = new Uint32Array(INITIAL_CAPACITY + 1);
  private bytes = new Uint8Array(INITIAL_CAPACITY * 18);

  get length(): number {
    return this.count;
  }

  /** Appends a string; returns its index. */
  push(text: string): number {
    if (this.count + 1 === this.starts.length)
      this.starts = grown(this.starts, this.starts.length * 2);
    const start = this.starts[this.count] as number;
    // UTF-8 takes at most 3 bytes per UTF-16 unit: room for the worst case, then the real length.
    const room = text.length * 3;
    if (start + room > this.bytes.length)
      this.bytes = grown(this.bytes, Math.max(this.bytes.length * 2, start + room));
    const { written } = encoder.encodeInto(text, this.bytes.subarray(start));
    this.starts[this.count + 1] = start + written;
    this.count += 1;
    return this.count - 1;
  }

  at(index: number): string {
    return decoder.decode(this.bytes.subarray(this.starts[index], this.starts[index + 1]));
  }
}

/** 30-bit FNV-1a of a string's UTF-16 units: small enough to be a V8 small integer, no boxing. */
export function hash30(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}

/**
 * Small integers for account keys, so a ledger stores a number per deal instead of a key string.
 * An export can hold hundreds of thousands of accounts: the keys sit in a byte arena and the lookup
 * is by hash, checked against the stored key, so two keys sharing a hash still get their own numbers.
 */
export class AccountIndex {
  private readonly byHash = new Map<number, number>();
  /** Keys whose hash an earlier, different key already holds (rare): looked up by the key itself. */
  private readonly sharedHash = new Map<string, number>();
  private readonly keys = new TextArena();

  of(key: string): number {
    const hash = hash30(key);
    const number = this.byHash.get(hash);
    if (number === undefined) {
      const added = this.keys.push(key);
      this.byHash.set(hash, added);
      return added;
    }
    if (this.keys.at(number) === key) return number;
    let other = this.sharedHash.get(key);
    if (other === undefined) {
      other = this.keys.push(key);
      this.sharedHash.set(key, other);
    }
    return other;
  }

  /** The number of a key already seen, or undefined. */
  find(key: string): number | undefined {
    const number = this.byHash.get(hash30(key));
    if (number !== undefined && this.keys.at(number) === key) return number;
    return this.sharedHash.get(key);
  }
}
