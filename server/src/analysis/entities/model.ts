// The model file: a small binary container (magic, JSON header, typed-array sections) holding the lexicon and
// one or two stages of quantised weights. Decoding is a few typed-array copies: milliseconds, no parsing of
// big JSON. Pure: bytes in, model out (reading the file is model-file.ts's job).
import { Lexicon } from './lexicon';
import { IntTable } from './table';
import { constrainTransitions, type SharedWeights, type WeightSet } from './tagger';
import { TAG_COUNT, TAGS } from './tags';

const MAGIC = 0x52454e43; // "CNER" little-endian
export const MODEL_FORMAT_VERSION = 1;

export interface ModelHeader {
  readonly format: number;
  readonly bits: number;
  readonly tags: readonly string[];
  readonly slots: number;
  readonly recaseInitial: boolean;
  /** Dequantisation factor per stage (weight = int8 * scale). */
  readonly scales: readonly number[];
  readonly trainedOn: readonly string[];
  readonly notes?: string;
  readonly sections: ReadonlyArray<{ readonly name: string; readonly type: 'i32' | 'i8' | 'u8' | 'f32'; readonly length: number }>;
}

/** A model's weights: one stage, or two (stage 2 also reads stage 1's tags) sharing one interleaved table. */
export type StageWeights = { readonly count: 1; readonly stage: WeightSet } | { readonly count: 2; readonly shared: SharedWeights };

export class NerModel {
  constructor(
    readonly header: ModelHeader,
    readonly lexicon: Lexicon,
    readonly weights: StageWeights,
    readonly byteLength: number,
  ) {}

  get bits(): number {
    return this.header.bits;
  }
}

type Section = Int32Array | Int8Array | Uint8Array | Float32Array;

function typeOf(a: Section): 'i32' | 'i8' | 'u8' | 'f32' {
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Int8Array) return 'i8';
  if (a instanceof Uint8Array) return 'u8';
  return 'f32';
}

const pad4 = (n: number): number => (n + 3) & ~3;

/** Writes a container: header fields plus named sections. */
export function encodeContainer(fields: Omit<ModelHeader, 'sections'>, sections: ReadonlyArray<[string, Section]>): Uint8Array {
  const header: ModelHeader = { ...fields, sections: sections.map(([name, a]) => ({ name, type: typeOf(a), length: a.length })) };
  const json = new TextEncoder().encode(JSON.stringify(header));
  let size = 12 + pad4(json.length);
  for (const [, a] of sections) size += pad4(a.byteLength);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, MODEL_FORMAT_VERSION, true);
  view.setUint32(8, json.length, true);
  out.set(json, 12);
  let at = 12 + pad4(json.length);
  for (const [, a] of sections) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += pad4(a.byteLength);
  }
  return out;
}

function decodeContainer(bytes: Uint8Array): { header: ModelHeader; sections: Map<string, Section> } {
  if (bytes.byteLength < 12) throw new Error('entity model: file too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('entity model: not a Corroborate model file');
  const version = view.getUint32(4, true);
  if (version !== MODEL_FORMAT_VERSION) throw new Error(`entity model: format ${version}, expected ${MODEL_FORMAT_VERSION}`);
  const jsonLength = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + jsonLength))) as ModelHeader;
  let at = 12 + pad4(jsonLength);
  const sections = new Map<string, Section>();
  for (const s of header.sections) {
    const width = s.type === 'i32' || s.type === 'f32' ? 4 : 1;
    const byteLength = s.length * width;
    if (at + byteLength > bytes.byteLength) throw new Error(`entity model: section ${s.name} truncated`);
    // Copy into aligned storage (the file's buffer may not be 4-byte aligned).
    const raw = bytes.slice(at, at + byteLength);
    const a: Section =
      s.type === 'i32' ? new Int32Array(raw.buffer) : s.type === 'f32' ? new Float32Array(raw.buffer) : s.type === 'i8' ? new Int8Array(raw.buffer) : raw;
    sections.set(s.name, a);
    at += pad4(byteLength);
  }
  return { header, sections };
}

function need<T extends Section>(sections: Map<string, Section>, name: string): T {
  const a = sections.get(name);
  if (!a) throw new Error(`entity model: missing section ${name}`);
  return a as T;
}

export interface LexiconArrays {
  readonly gazKeys: Int32Array;
  readonly gazValues: Int32Array;
  readonly clusterKeys: Int32Array;
  readonly clusterValues: Int32Array;
  readonly commonKeys: Int32Array;
}

export function lexiconSections(l: LexiconArrays): Array<[string, Section]> {
  return [
    ['gazKeys', l.gazKeys],
    ['gazValues', l.gazValues],
    ['clusterKeys', l.clusterKeys],
    ['clusterValues', l.clusterValues],
    ['commonKeys', l.commonKeys],
  ];
}

function lexiconFrom(sections: Map<string, Section>): Lexicon {
  const commonKeys = need<Int32Array>(sections, 'commonKeys');
  return new Lexicon(
    new IntTable(need<Int32Array>(sections, 'gazKeys'), need<Int32Array>(sections, 'gazValues')),
    new IntTable(need<Int32Array>(sections, 'clusterKeys'), need<Int32Array>(sections, 'clusterValues')),
    new IntTable(commonKeys, new Int32Array(commonKeys.length).fill(1)),
  );
}

/** A lexicon-only container (the training scripts' intermediate file). */
export function encodeLexicon(l: LexiconArrays): Uint8Array {
  return encodeContainer(
    { format: MODEL_FORMAT_VERSION, bits: 0, tags: TAGS, slots: 0, recaseInitial: false, scales: [], trainedOn: [] },
    lexiconSections(l),
  );
}

/** The raw arrays of a lexicon container (to fold them into a model file). */
export function decodeLexiconArrays(bytes: Uint8Array): LexiconArrays {
  const { sections } = decodeContainer(bytes);
  return {
    gazKeys: need<Int32Array>(sections, 'gazKeys'),
    gazValues: need<Int32Array>(sections, 'gazValues'),
    clusterKeys: need<Int32Array>(sections, 'clusterKeys'),
    clusterValues: need<Int32Array>(sections, 'clusterValues'),
    commonKeys: need<Int32Array>(sections, 'commonKeys'),
  };
}

export function decodeLexicon(bytes: Uint8Array): Lexicon {
  return lexiconFrom(decodeContainer(bytes).sections);
}

/**
 * Sparse rows of a quantised weight table: the indices of rows with any non-zero weight (delta-coded as
 * base-128 varints) and their TAG_COUNT int8 weights.
 */
export function packWeights(q: Int8Array): { rows: Uint8Array; values: Int8Array } {
  const T = TAG_COUNT;
  const rowCount = q.length / T;
  const deltas: number[] = [];
  const values: number[] = [];
  let last = -1;
  for (let r = 0; r < rowCount; r++) {
    let any = false;
    for (let t = 0; t < T; t++) if (q[r * T + t] !== 0) any = true;
    if (!any) continue;
    let d = r - last;
    last = r;
    while (d >= 0x80) {
      deltas.push((d & 0x7f) | 0x80);
      d >>>= 7;
    }
    deltas.push(d);
    for (let t = 0; t < T; t++) values.push(q[r * T + t]!);
  }
  return { rows: Uint8Array.from(deltas), values: Int8Array.from(values) };
}

/**
 * Unpacks sparse rows into a table of `stride` numbers per row, this stage's TAG_COUNT weights starting at `column`
 * (two stages share a table as stride 2 x TAG_COUNT, columns 0 and TAG_COUNT).
 */
function unpackWeights(rows: Uint8Array, values: Int8Array, bits: number, out: Int8Array, stride: number, column: number): void {
  const T = TAG_COUNT;
  let row = -1;
  let v = 0;
  for (let i = 0; i < rows.length; ) {
    let d = 0;
    let shift = 0;
    for (;;) {
      const b = rows[i++]!;
      d |= (b & 0x7f) << shift;
      if (b < 0x80) break;
      shift += 7;
    }
    row += d;
    if (row >= 1 << bits) throw new Error('entity model: weight row out of range');
    if (v + T > values.length) throw new Error('entity model: weight values truncated');
    const o = row * stride + column;
    for (let t = 0; t < T; t++) out[o + t] = values[v++]!;
  }
}

export function decodeModel(bytes: Uint8Array): NerModel {
  const { header, sections } = decodeContainer(bytes);
  if (header.tags.join() !== TAGS.join()) throw new Error(`entity model: tag set ${header.tags.join()} is not ${TAGS.join()}`);
  if (header.bits < 8 || header.bits > 24) throw new Error(`entity model: bad hash size 2^${header.bits}`);
  const stageCount = header.scales.length;
  if (stageCount !== 1 && stageCount !== 2) throw new Error(`entity model: ${stageCount} stages (1 or 2 expected)`);
  const stride = stageCount * TAG_COUNT;
  const table = new Int8Array((1 << header.bits) * stride);
  const transitions: Float64Array[] = [];
  for (let s = 0; s < stageCount; s++) {
    unpackWeights(need<Uint8Array>(sections, `rows${s}`), need<Int8Array>(sections, `values${s}`), header.bits, table, stride, s * TAG_COUNT);
    transitions.push(constrainTransitions(Float64Array.from(need<Float32Array>(sections, `transitions${s}`))));
  }
  const weights: StageWeights =
    stageCount === 1
      ? { count: 1, stage: { weights: table, transitions: transitions[0]! } }
      : { count: 2, shared: { table, transitions1: transitions[0]!, transitions2: transitions[1]! } };
  return new NerModel(header, lexiconFrom(sections), weights, bytes.byteLength);
}
