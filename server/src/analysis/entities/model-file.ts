// Finds and reads the committed model file. The one place in the entity recogniser that touches the file
// system: it reads a read-only asset that ships with the code (never a user's file), once, on first use.
// In the bundle the file sits next to dist/server.js; from source (tsx, mocha) it is in server/models/.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { decodeModel, type NerModel } from './model';

export const MODEL_FILE_NAME = 'ner-model.bin';

export function modelFileCandidates(): string[] {
  return [path.join(__dirname, MODEL_FILE_NAME), path.resolve(__dirname, '..', '..', '..', 'models', MODEL_FILE_NAME)];
}

export function findModelFile(): string | undefined {
  return modelFileCandidates().find((file) => existsSync(file));
}

export function loadModelFile(file = findModelFile()): NerModel {
  if (!file) throw new Error(`entity model ${MODEL_FILE_NAME} not found (looked in ${modelFileCandidates().join(', ')})`);
  const bytes = readFileSync(file);
  return decodeModel(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
