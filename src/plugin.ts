// `tonelint/plugin`: the retext plugins and presets, with the presets wired to the shipped scorer
// weights (loaded on first use). The plugin layer itself never touches the disk.
import { createPresets } from './plugin/index.js';
import { loadMemoHeads, loadScorerModel } from './node/scorer-model.js';

export * from './plugin/index.js';
export { default } from './plugin/index.js';
export { loadMemoHeads, loadScorerModel } from './node/scorer-model.js';

/** `recommended`: tonelint's rules, the memo heads and the learned scorer. `all`: adds retext-equality as the `inclusive` category. */
export const presets = createPresets(() => loadScorerModel(), () => loadMemoHeads());
