import { hash, randomBytes } from 'node:crypto';

interface VisitorParts {
  ip: string;
  userAgent: string;
  articleId: number;
}

/**
 * Identifies a repeat view without storing who the reader is: a hash of a
 * salt, the address, the user agent and the article. The salt is random, kept
 * only in memory and replaced every day, so nothing on disk can be traced back
 * to a person and hashes from two days ago cannot be linked to today's (the
 * scheme Plausible and Fathom use).
 *
 * The salt of the day before is kept in memory too, for one day: without it a
 * reader who came back a minute after midnight would count again.
 */
export class DailySalt {
  /** Today as days since 1970 (UTC). */
  #day = -1;
  #salt = '';
  #previous: string | undefined;

  /** The visitor's key under today's salt. */
  hash(parts: VisitorParts, now: Date): number {
    this.#rotate(now);
    return digest(this.#salt, parts);
  }

  /**
   * The visitor's key under the day before's salt, while a key made under it
   * may still be remembered: for `windowMs` after midnight (a reader's repeat
   * window). Later in the day there is nothing to look for, and no second hash
   * is made.
   */
  previousHash(parts: VisitorParts, now: Date, windowMs: number): number | undefined {
    this.#rotate(now);
    if (!this.#previous || now.getTime() - this.#day * DAY >= windowMs) return undefined;
    return digest(this.#previous, parts);
  }

  #rotate(now: Date): void {
    const day = Math.floor(now.getTime() / DAY);
    if (day === this.#day) return;
    this.#previous = this.#day === day - 1 ? this.#salt : undefined;
    this.#day = day;
    this.#salt = randomBytes(32).toString('base64');
  }
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * The first 48 bits of the hash, as a number: a Map keeps it in a third of
 * the memory a string of the hash takes. Among a million remembered visitors
 * two share a key with a chance of about 1 in 560; the cost when they do is
 * one view not counted.
 */
function digest(salt: string, parts: VisitorParts): number {
  // crypto.hash: one call, no Hash object to make and collect (a quarter of createHash's time);
  // as hex, read by parseInt: no Buffer to allocate and free (half the time of reading one).
  const sum = hash('sha256', `${salt}\n${parts.ip}\n${parts.userAgent}\n${parts.articleId}`, 'hex');
  return parseInt(sum.slice(0, 12), 16);
}

/** Visitors a `RecentVisitors` starts with room for; it doubles as they come, and halves as they go. */
const INITIAL_ROOM = 1 << 14;

/**
 * The visitors seen in their repeat window, in the order they came, each
 * with the second (since 1970) its window ends: their keys (`digest`) and
 * seconds in typed arrays, a ring oldest first, found through an
 * open-addressed index of their places in it. Outside the JavaScript heap,
 * 20 bytes a visitor at most (8 for the key, 4 for the second, 8 for two
 * index slots): 21 MB for a million, where a Map of numbers took 75 MB of
 * heap for the collector to walk (docs/PERFORMANCE.md).
 *
 * Every visitor is remembered for the same window, so the expired are the
 * oldest: `forget` takes them off the front. With no room left and `max`
 * reached, the oldest is forgotten first (at worst a repeat counts again).
 */
export class RecentVisitors {
  readonly #max: number;
  /** The ring: key and last second of each place; a second of 0 marks a place given up (`set`). */
  #keys: Float64Array;
  #until: Uint32Array;
  #head = 0;
  #size = 0;
  /** The index: a place in the ring plus one, from the key's `home` slot onward; 0 is empty. */
  #slots: Int32Array;

  /** `max`: visitors remembered at most, rounded up to a power of two. */
  constructor(max: number) {
    this.#max = 2 ** Math.ceil(Math.log2(Math.max(max, INITIAL_ROOM)));
    this.#keys = new Float64Array(INITIAL_ROOM);
    this.#until = new Uint32Array(INITIAL_ROOM);
    this.#slots = new Int32Array(INITIAL_ROOM * 2);
  }

  /** Places in the ring taken, by visitors remembered and places given up not yet reached. */
  get size(): number {
    return this.#size;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.#keys.byteLength + this.#until.byteLength + this.#slots.byteLength;
  }

  /** The last second of the visitor's window, or undefined if not remembered. */
  until(key: number): number | undefined {
    const slot = this.#find(key);
    return slot < 0 ? undefined : this.#until[this.#slots[slot]! - 1];
  }

  /** Remembers the visitor until `until` (seconds), as the newest: an earlier place of theirs is given up. */
  set(key: number, until: number): void {
    const slot = this.#find(key);
    if (slot >= 0) {
      this.#until[this.#slots[slot]! - 1] = 0;
      this.#remove(slot);
    }
    if (this.#size === this.#keys.length) {
      if (this.#keys.length < this.#max) this.#resize(this.#keys.length * 2);
      else this.#shift();
    }
    const place = (this.#head + this.#size) & (this.#keys.length - 1);
    this.#keys[place] = key;
    this.#until[place] = until;
    this.#size++;
    this.#insert(place);
  }

  /** Forgets the visitors whose window ended by `second`; gives back room when few are left. */
  forget(second: number): void {
    while (this.#size > 0 && this.#until[this.#head]! <= second) this.#shift();
    if (this.#keys.length > INITIAL_ROOM && this.#size * 8 < this.#keys.length)
      this.#resize(this.#keys.length / 2);
  }

  /** Takes the oldest place off the front, and its visitor out of the index if it is still theirs. */
  #shift(): void {
    const place = this.#head;
    if (this.#until[place] !== 0) {
      const slot = this.#find(this.#keys[place]!);
      if (slot >= 0 && this.#slots[slot] === place + 1) this.#remove(slot);
    }
    this.#head = (place + 1) & (this.#keys.length - 1);
    this.#size--;
  }

  /** The index slot holding the visitor's place, or -1. */
  #find(key: number): number {
    const mask = this.#slots.length - 1;
    for (let slot = home(key) & mask; ; slot = (slot + 1) & mask) {
      const at = this.#slots[slot]!;
      if (at === 0) return -1;
      if (this.#keys[at - 1] === key) return slot;
    }
  }

  #insert(place: number): void {
    const mask = this.#slots.length - 1;
    let slot = home(this.#keys[place]!) & mask;
    while (this.#slots[slot] !== 0) slot = (slot + 1) & mask;
    this.#slots[slot] = place + 1;
  }

  /**
   * Empties a slot, moving back the entries after it that probed past it
   * (linear probing's deletion without tombstones: every entry stays
   * reachable from its home slot).
   */
  #remove(slot: number): void {
    const mask = this.#slots.length - 1;
    let hole = slot;
    this.#slots[hole] = 0;
    for (let next = (hole + 1) & mask; this.#slots[next] !== 0; next = (next + 1) & mask) {
      const at = home(this.#keys[this.#slots[next]! - 1]!) & mask;
      // It may move into the hole unless its home lies after the hole, up to where it is.
      const stays = hole <= next ? hole < at && at <= next : hole < at || at <= next;
      if (stays) continue;
      this.#slots[hole] = this.#slots[next]!;
      this.#slots[next] = 0;
      hole = next;
    }
  }

  /** Moves the visitors still remembered into a ring of `room` places, oldest first, and indexes them anew. */
  #resize(room: number): void {
    const keys = new Float64Array(room);
    const until = new Uint32Array(room);
    const mask = this.#keys.length - 1;
    let size = 0;
    for (let i = 0; i < this.#size; i++) {
      const place = (this.#head + i) & mask;
      if (this.#until[place] === 0) continue;
      keys[size] = this.#keys[place]!;
      until[size] = this.#until[place]!;
      size++;
    }
    this.#keys = keys;
    this.#until = until;
    this.#head = 0;
    this.#size = size;
    this.#slots = new Int32Array(room * 2);
    for (let place = 0; place < size; place++) this.#insert(place);
  }
}

/**
 * A key's home in the index, before the mask: both halves of the key mixed
 * (Murmur3's constants), so that keys alike in their low bits still spread.
 */
function home(key: number): number {
  const mixed = Math.imul((key >>> 0) ^ Math.imul((key / 2 ** 32) >>> 0, 0x85ebca6b), 0x9e3779b1);
  return (mixed ^ (mixed >>> 16)) >>> 0;
}
