// Loads the shipped weights (models/scorer.bin, models/memo-heads.bin) once per process, on first
// use, and checks each file holds the kind of model it should.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TonelintError } from '../core/errors.js';
import { decodeScorerModel, type ScorerModel } from '../core/scorer/model.js';

/** Where the package keeps the weights (the same path from src/ in tests and from dist/). */
export const shippedScorerPath = fileURLToPath(new URL('../../models/scorer.bin', import.meta.url));
/** The memo heads: learned evidence for the document rules (announcements and their elements). */
export const shippedMemoHeadsPath = fileURLToPath(new URL('../../models/memo-heads.bin', import.meta.url));

/** The memo heads model, loaded like the scorer's. */
export function loadMemoHeads(): ScorerModel {
  return loadWeights(shippedMemoHeadsPath, 'sigmoid', "the memo heads' weights file");
}

/** The scorer's model; a missing or damaged file is a ScorerInvalid error naming the file. */
export function loadScorerModel(path = shippedScorerPath): ScorerModel {
  return loadWeights(path, 'softmax', "the scorer's weights file");
}

const loaded = new Map<string, ScorerModel>();

function loadWeights(path: string, activation: ScorerModel['activation'], what: string): ScorerModel {
  const cached = loaded.get(path);
  if (cached) return cached;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new TonelintError('ScorerInvalid', code === 'ENOENT' ? `${what} is missing; reinstall tonelint, run \`npm run train\`, or set "scorer: { enabled: false }"` : `cannot read ${what}: ${(error as Error).message}`, { file: path });
  }
  let model: ScorerModel;
  try {
    model = decodeScorerModel(bytes);
  } catch (error) {
    if (error instanceof TonelintError) throw new TonelintError(error.code, error.message.replace(/^this weights file/, what), { file: path });
    throw error;
  }
  if (model.activation !== activation) throw new TonelintError('ScorerInvalid', `${what} holds the wrong kind of model (${model.activation}); reinstall tonelint or run \`npm run train\``, { file: path });
  loaded.set(path, model);
  return model;
}
