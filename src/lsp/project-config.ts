// The project's config files, read with the CLI's loader so the editor and the CLI agree.
// TODO(wire): src/node/config.ts has not landed yet; until it does, only editor settings apply.
import { noConfigFiles, type ConfigLoader } from './config.js';

export const projectConfigLoader: ConfigLoader = noConfigFiles;
