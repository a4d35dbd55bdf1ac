// A compact binary form of plain data (objects, arrays, strings, numbers, booleans, null, undefined): what a worker
// thread sends back and what the persisted index stores. Schema-free, so a field added to the summary or the claims
// is carried without touching this file; compact because every string and every object's list of keys is written
// once per stream and referred to by number after that (a name said in 5,000 articles costs one copy).
//
// Layout of a finished stream: [string table][shape table][values]. Numbers are unsigned LEB128 varints where they
// are non-negative integers (offsets, lines, counts), float64 otherwise. Decoding is incremental (`PlainReader.next`),
// so a large stream can be read in slices without blocking an event loop.

/** Bump when the byte layout changes: persisted files with another version are discarded. */
export const PLAIN_CODEC_VERSION = 1;

const enum Tag {
  Null = 0,
  Undefined = 1,
  False = 2,
  True = 3,
  UInt = 4,
  NegInt = 5,
  Float = 6,
  String = 7,
  Array = 8,
  Object = 9,
}

const TWO_32 = 2 ** 32;

/** A growable byte buffer with varint, float and raw writes. */
class Bytes {
  buf: Uint8Array;
  pos = 0;
  private view: DataView;

  constructor(capacity = 4096) {
    this.buf = new Uint8Array(capacity);
    this.view = new DataView(this.buf.buffer);
  }

  ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  byte(value: number): void {
    this.ensure(1);
    this.buf[this.pos++] = value;
  }

  /** Unsigned varint of a non-negative integer up to 2^53. */
  uint(value: number): void {
    this.ensure(8);
    if (value < TWO_32) {
      let v = value >>> 0;
      while (v >= 0x80) {
        this.buf[this.pos++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      this.buf[this.pos++] = v;
      return;
    }
    let v = value;
    while (v >= 0x80) {
      this.buf[this.pos++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.pos++] = v;
  }

  float(value: number): void {
    this.ensure(8);
    this.view.setFloat64(this.pos, value, true);
    this.pos += 8;
  }

  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** A string table entry: its length and form (count << 1 | 1 for raw UTF-16, for strings that are not valid
   *  Unicode: a lone surrogate would not survive UTF-8), then its bytes. */
  utf8(value: string): void {
    let ascii = true;
    for (let i = 0; i < value.length; i++) {
      if (value.charCodeAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      this.uint(value.length * 2);
      this.ensure(value.length);
      for (let i = 0; i < value.length; i++) this.buf[this.pos++] = value.charCodeAt(i);
      return;
    }
    if (!isWellFormed(value)) {
      this.uint(value.length * 4 + 1);
      this.ensure(value.length * 2);
      for (let i = 0; i < value.length; i++) {
        const unit = value.charCodeAt(i);
        this.buf[this.pos++] = unit & 0xff;
        this.buf[this.pos++] = unit >>> 8;
      }
      return;
    }
    const bytes = ENCODER.encode(value);
    this.uint(bytes.length * 2);
    this.raw(bytes);
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }
}

const ENCODER = new TextEncoder();

/** Whether a string is valid Unicode (no lone surrogates). */
function isWellFormed(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    if (unit >= 0xdc00) return false;
    const next = value.charCodeAt(i + 1);
    if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
    i++;
  }
  return true;
}

function isUInt(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER && !Object.is(value, -0);
}

/** Writes values into one stream; `finish` gives the bytes. */
export class PlainWriter {
  private readonly values = new Bytes(1 << 16);
  private readonly strings = new Map<string, number>();
  private readonly stringBytes = new Bytes(1 << 14);
  private readonly shapes = new Map<string, number>();
  private readonly shapeKeys: number[][] = [];

  /** Appends one value. Objects are read with `Object.keys` (own enumerable string keys); functions and symbols are
   *  not plain data and throw. */
  write(value: unknown): void {
    const out = this.values;
    switch (typeof value) {
      case 'number':
        if (isUInt(value)) {
          out.byte(Tag.UInt);
          out.uint(value);
        } else if (Number.isInteger(value) && value < 0 && value >= -Number.MAX_SAFE_INTEGER) {
          out.byte(Tag.NegInt);
          out.uint(-value);
        } else {
          out.byte(Tag.Float);
          out.float(value);
        }
        return;
      case 'string':
        out.byte(Tag.String);
        out.uint(this.stringId(value));
        return;
      case 'boolean':
        out.byte(value ? Tag.True : Tag.False);
        return;
      case 'undefined':
        out.byte(Tag.Undefined);
        return;
      case 'object':
        if (value === null) {
          out.byte(Tag.Null);
          return;
        }
        if (Array.isArray(value)) {
          out.byte(Tag.Array);
          out.uint(value.length);
          for (let i = 0; i < value.length; i++) this.write(value[i]);
          return;
        }
        if (ArrayBuffer.isView(value)) throw new TypeError('PlainWriter: typed arrays are not plain data');
        {
          const record = value as Record<string, unknown>;
          const keys = Object.keys(record);
          out.byte(Tag.Object);
          out.uint(this.shapeId(keys));
          for (let i = 0; i < keys.length; i++) this.write(record[keys[i]!]);
        }
        return;
      default:
        throw new TypeError(`PlainWriter: a ${typeof value} is not plain data`);
    }
  }

  /** Starts an object with these keys, whose values follow as the next writes (in this order): for writing a large
   *  object a part at a time. The bytes are those `write` makes of the whole object. */
  beginObject(keys: readonly string[]): void {
    this.values.byte(Tag.Object);
    this.values.uint(this.shapeId(keys));
  }

  /** Starts an array of `length` items, which follow as the next writes (see `beginObject`). */
  beginArray(length: number): void {
    this.values.byte(Tag.Array);
    this.values.uint(length);
  }

  private stringId(value: string): number {
    let id = this.strings.get(value);
    if (id === undefined) {
      id = this.strings.size;
      this.strings.set(value, id);
      this.stringBytes.utf8(value);
    }
    return id;
  }

  private shapeId(keys: readonly string[]): number {
    const signature = keys.join('\u0000');
    let id = this.shapes.get(signature);
    if (id === undefined) {
      id = this.shapes.size;
      this.shapes.set(signature, id);
      this.shapeKeys.push(keys.map((key) => this.stringId(key)));
    }
    return id;
  }

  /** The stream in parts (string table and shapes, then values), without copying the values: for writing a large
   *  stream to a file piece by piece. Their concatenation is what `finish` returns. */
  finishParts(): Uint8Array[] {
    const head = new Bytes(64);
    head.uint(this.strings.size);
    head.uint(this.stringBytes.pos);
    const shapes = new Bytes(16 + this.shapeKeys.length * 16);
    shapes.uint(this.shapeKeys.length);
    for (const keys of this.shapeKeys) {
      shapes.uint(keys.length);
      for (const id of keys) shapes.uint(id);
    }
    shapes.uint(this.values.pos);
    return [head.bytes(), this.stringBytes.bytes(), shapes.bytes(), this.values.bytes()];
  }

  /** The stream: string table, shape table, values. */
  finish(): Uint8Array {
    const parts = this.finishParts();
    const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}

/** Why a stream could not be read. */
export class PlainFormatError extends Error {}

const DECODER = new TextDecoder('utf-8', { fatal: true });

/** Builds the objects of one shape as an object literal compiled for its keys: every object of the shape then has its
 *  properties inside the object itself. Built key by key from `{}`, an object with more than a few properties keeps
 *  the rest in a separate backing array: tens of megabytes more for the summaries of a large workspace. */
type ShapeBuilder = (reader: PlainReader) => Record<string, unknown>;

const SHAPES = new Map<string, ShapeBuilder>();

function shapeBuilder(keys: readonly string[]): ShapeBuilder {
  const signature = keys.join('\u0000');
  let builder = SHAPES.get(signature);
  if (builder) return builder;
  if (keys.length === 0 || keys.length > 64 || keys.includes('__proto__')) {
    // odd shapes, and "__proto__" (which in a literal would set the prototype): key by key
    builder = (reader) => {
      const record: Record<string, unknown> = {};
      for (const key of keys) Object.defineProperty(record, key, { value: reader.next(), enumerable: true, writable: true, configurable: true });
      return record;
    };
  } else {
    // the values are read in the order the keys are written (object literal properties evaluate left to right)
    try {
      builder = new Function('r', `return {${keys.map((key) => `${JSON.stringify(key)}: r.next()`).join(', ')}};`) as ShapeBuilder;
    } catch {
      // code generation disallowed (--disallow-code-generation-from-strings): key by key
      builder = (reader) => {
        const record: Record<string, unknown> = {};
        for (const key of keys) record[key] = reader.next();
        return record;
      };
    }
  }
  if (SHAPES.size < 10_000) SHAPES.set(signature, builder);
  return builder;
}

/** Reads a finished stream value by value. Throws PlainFormatError on anything malformed (never loops or reads out of
 *  bounds on corrupt input). `intern`, when given, maps each string to one shared copy (the index's string pool). */
export class PlainReader {
  private pos = 0;
  private readonly strings: string[];
  private readonly shapes: ShapeBuilder[];
  private readonly end: number;
  private readonly view: DataView;
  private depth = 0;

  constructor(
    private readonly buf: Uint8Array,
    intern?: Map<string, string>,
  ) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const count = this.uint();
    const stringBytes = this.uint();
    const stringsEnd = this.pos + stringBytes;
    if (stringsEnd > buf.length || count > stringBytes + 1) throw new PlainFormatError('string table out of bounds');
    this.strings = new Array<string>(count);
    for (let i = 0; i < count; i++) {
      const head = this.uint();
      const length = Math.floor(head / 2);
      const to = this.pos + length;
      if (to > stringsEnd) throw new PlainFormatError('string out of bounds');
      let value = head % 2 === 1 ? decodeUtf16(buf, this.pos, to) : decodeUtf8(buf, this.pos, to);
      if (intern) {
        const known = intern.get(value);
        if (known !== undefined) value = known;
        else if (intern.size < 2_000_000) intern.set(value, value);
      }
      this.strings[i] = value;
      this.pos = to;
    }
    if (this.pos !== stringsEnd) throw new PlainFormatError('string table length mismatch');
    const shapeCount = this.uint();
    if (shapeCount > buf.length) throw new PlainFormatError('shape table out of bounds');
    this.shapes = new Array<ShapeBuilder>(shapeCount);
    for (let i = 0; i < shapeCount; i++) {
      const keyCount = this.uint();
      if (keyCount > buf.length - this.pos) throw new PlainFormatError('shape out of bounds');
      const keys = new Array<string>(keyCount);
      for (let k = 0; k < keyCount; k++) keys[k] = this.string(this.uint());
      this.shapes[i] = shapeBuilder(keys);
    }
    const valueBytes = this.uint();
    this.end = this.pos + valueBytes;
    if (this.end !== buf.length) throw new PlainFormatError('value section length mismatch');
  }

  /** Whether every value has been read. */
  get done(): boolean {
    return this.pos >= this.end;
  }

  /** The next value. */
  next(): unknown {
    if (this.pos >= this.end) throw new PlainFormatError('read past the end');
    const tag = this.buf[this.pos++]!;
    switch (tag) {
      case Tag.Null:
        return null;
      case Tag.Undefined:
        return undefined;
      case Tag.False:
        return false;
      case Tag.True:
        return true;
      case Tag.UInt:
        return this.uint();
      case Tag.NegInt:
        return -this.uint();
      case Tag.Float: {
        if (this.pos + 8 > this.end) throw new PlainFormatError('float out of bounds');
        const value = this.view.getFloat64(this.pos, true);
        this.pos += 8;
        return value;
      }
      case Tag.String:
        return this.string(this.uint());
      case Tag.Array: {
        const length = this.uint();
        if (length > this.end - this.pos) throw new PlainFormatError('array out of bounds');
        if (++this.depth > 64) throw new PlainFormatError('nested too deeply');
        const array = new Array<unknown>(length);
        for (let i = 0; i < length; i++) array[i] = this.next();
        this.depth--;
        return array;
      }
      case Tag.Object: {
        const build = this.shapes[this.uint()];
        if (!build) throw new PlainFormatError('unknown shape');
        if (++this.depth > 64) throw new PlainFormatError('nested too deeply');
        const record = build(this);
        this.depth--;
        return record;
      }
      default:
        throw new PlainFormatError(`unknown tag ${tag}`);
    }
  }

  private string(id: number): string {
    const value = this.strings[id];
    if (value === undefined) throw new PlainFormatError('unknown string');
    return value;
  }

  private uint(): number {
    let result = 0;
    let scale = 1;
    for (let k = 0; k < 8; k++) {
      if (this.pos >= this.buf.length) throw new PlainFormatError('varint out of bounds');
      const b = this.buf[this.pos++]!;
      result += (b & 0x7f) * scale;
      if (b < 0x80) return result;
      scale *= 0x80;
    }
    throw new PlainFormatError('varint too long');
  }
}

/** A fresh (flat) string from UTF-8 bytes; short ASCII, the common case, without the decoder's per-call overhead. */
function decodeUtf8(buf: Uint8Array, from: number, to: number): string {
  if (to - from <= 64) {
    let ascii = true;
    for (let i = from; i < to; i++) {
      if (buf[i]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return String.fromCharCode.apply(null, buf.subarray(from, to) as unknown as number[]);
  }
  try {
    return DECODER.decode(buf.subarray(from, to));
  } catch {
    throw new PlainFormatError('invalid UTF-8 in a string');
  }
}

function decodeUtf16(buf: Uint8Array, from: number, to: number): string {
  if ((to - from) % 2 !== 0) throw new PlainFormatError('odd UTF-16 string');
  let out = '';
  for (let i = from; i < to; i += 2) out += String.fromCharCode(buf[i]! | (buf[i + 1]! << 8));
  return out;
}

/** Encodes one value on its own. */
export function encodePlain(value: unknown): Uint8Array {
  const writer = new PlainWriter();
  writer.write(value);
  return writer.finish();
}

/** Decodes a stream that holds one value. */
export function decodePlain(bytes: Uint8Array, intern?: Map<string, string>): unknown {
  const reader = new PlainReader(bytes, intern);
  const value = reader.next();
  if (!reader.done) throw new PlainFormatError('trailing data');
  return value;
}
