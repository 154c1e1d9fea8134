// Processors for Markdown (remark-parse + GFM's prose extensions + front matter, bridged into retext with
// retext-english's parser so positions map to the source) and plain text. They touch no disk,
// so they live beside the plugin rather than in node/.
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import { unified, type Processor } from 'unified';
import type { Root as MdastRoot } from 'mdast';
import type { LintConfig } from '../core/config.js';
import { inclusiveEnabled } from '../core/settings.js';
import { remarkGfmProse } from './gfm-prose.js';
import { remarkTonelint, retextInclusive, retextTonelint } from './index.js';

export type Format = 'markdown' | 'text';

// Processors are frozen and reused: building one costs more than linting a short memo.
const processors = new Map<string, Processor<any, any, any, any, any>>();

/**
 * A frozen processor for a format and configuration. Markdown without the inclusive category
 * takes the fast path (remarkTonelint); retext-equality needs every sentence, so with it on the
 * whole text goes through retext.
 */
export function processorFor(format: Format, config: LintConfig = {}): Processor<any, any, any, any, any> {
  const inclusive = inclusiveEnabled(config);
  const key = JSON.stringify([format, inclusive, config.rules ?? {}, config.categories ?? {}, config.allow ?? []]);
  let processor = processors.get(key);
  if (processor) return processor;
  if (format === 'markdown' && !inclusive) {
    processor = markdownParser().use(remarkTonelint, { config, format });
  } else {
    const retext = unified().use(retextEnglish).use(retextTonelint, { config, format });
    if (inclusive) retext.use(retextInclusive);
    processor = format === 'markdown' ? (markdownParser().use(remarkRetext, retext.freeze() as any) as any) : retext;
  }
  processor!.freeze();
  processors.set(key, processor!);
  return processor!;
}

function markdownParser() {
  return unified().use(remarkParse).use(remarkGfmProse).use(remarkFrontmatter, ['yaml', 'toml']);
}

let markdownOnly: ReturnType<typeof markdownParser> | undefined;

/** The Markdown syntax tree alone (GFM, front matter), from one cached parser. */
export function parseMarkdown(text: string): MdastRoot {
  markdownOnly ??= markdownParser().freeze();
  return markdownOnly.parse(text);
}
