// An open-addressing hash table from 32-bit keys (already hashes) to 32-bit values, in typed arrays:
// no Map, no strings, a few multiplications per look-up. Built once when the model loads.

export class IntTable {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  readonly size: number;

  constructor(keys: ArrayLike<number>, values: ArrayLike<number>) {
    let capacity = 16;
    while (capacity < keys.length * 2) capacity *= 2;
    this.keys = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    let size = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]! | 0 || 1;
      let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
      while (this.keys[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
      if (this.keys[slot] === 0) size++;
      this.keys[slot] = key;
      this.values[slot] = values[i]! | 0;
    }
    this.size = size;
  }

  /** The value stored for `key`, or `missing`. */
  get(key: number, missing = -1): number {
    key = key | 0 || 1;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key) return this.values[slot]!;
      if (k === 0) return missing;
      slot = (slot + 1) & this.mask;
    }
  }

  has(key: number): boolean {
    return this.get(key, -1) !== -1 || this.containsKey(key);
  }

  private containsKey(key: number): boolean {
    key = key | 0 || 1;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key) return true;
      if (k === 0) return false;
      slot = (slot + 1) & this.mask;
    }
  }

  get byteLength(): number {
    return this.keys.byteLength + this.values.byteLength;
  }
}
