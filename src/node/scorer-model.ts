// Loads the learned scorer's shipped weights (models/scorer.bin) once per process, on first use.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TonelintError } from '../core/errors.js';
import { decodeScorerModel, type ScorerModel } from '../core/scorer/model.js';

/** Where the package keeps the weights (the same path from src/ in tests and from dist/). */
export const shippedScorerPath = fileURLToPath(new URL('../../models/scorer.bin', import.meta.url));
/** The memo heads: learned evidence for the document rules (announcements and their elements). */
export const shippedMemoHeadsPath = fileURLToPath(new URL('../../models/memo-heads.bin', import.meta.url));

const loaded = new Map<string, ScorerModel>();

/** The memo heads model, loaded like the scorer's. */
export function loadMemoHeads(): ScorerModel {
  return loadScorerModel(shippedMemoHeadsPath);
}

/** The decoded model; a missing or damaged file is a ScorerInvalid error naming the file. */
export function loadScorerModel(path = shippedScorerPath): ScorerModel {
  const cached = loaded.get(path);
  if (cached) return cached;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new TonelintError('ScorerInvalid', code === 'ENOENT' ? 'the scorer\'s weights file is missing; reinstall tonelint, run `npm run train`, or set "scorer: { enabled: false }"' : `cannot read the scorer's weights file: ${(error as Error).message}`, { file: path });
  }
  try {
    const model = decodeScorerModel(bytes);
    loaded.set(path, model);
    return model;
  } catch (error) {
    if (error instanceof TonelintError) throw new TonelintError(error.code, error.message, { file: path });
    throw error;
  }
}
