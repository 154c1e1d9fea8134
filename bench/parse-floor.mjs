// The whole-process parse floor: start Node, load the Markdown pipeline with no rules
// (remark-parse + gfm + frontmatter -> remark-retext -> retext-english), read and parse each file
// named, print the sentence count. What tonelint's CLI would cost if matching and reporting were free.
import { readFileSync } from 'node:fs';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { VFile } from 'vfile';

let sentences = 0;
const count = () => (tree) => {
  for (const paragraph of tree.children) sentences += paragraph.children?.length ?? 0;
};
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkRetext, unified().use(retextEnglish).use(count).freeze())
  .freeze();
for (const path of process.argv.slice(2)) {
  const file = new VFile({ value: readFileSync(path, 'utf8'), path });
  await processor.run(processor.parse(file), file);
}
console.log(`${sentences} sentence-level nodes`);
