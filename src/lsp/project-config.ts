// The project's config files, found and validated by the CLI's resolver so the editor and the
// CLI always agree on what applies to a file.
import path from 'node:path';
import { listRules } from '../index.js';
import { ConfigResolver } from '../node/config.js';
import type { ConfigLoaderFactory } from './config.js';

export const projectConfigLoader: ConfigLoaderFactory = (warn) => {
  let resolver: ConfigResolver | undefined;
  return async (documentPath) => {
    // Built on first use, inside the promise: a broken rule pack becomes a reported error,
    // not a crash at start-up.
    resolver ??= new ConfigResolver({
      ruleIds: new Set(listRules().map((rule) => rule.id)),
      warn: (warning) => warn(warning.format()),
    });
    const loaded = await resolver.forDirectory(path.dirname(documentPath));
    return { config: loaded?.config, file: loaded?.file };
  };
};
