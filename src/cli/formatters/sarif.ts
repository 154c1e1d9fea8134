// SARIF 2.1.0 for code scanning: a rules table in tool.driver.rules and one result per finding,
// with paths relative to %SRCROOT% (the working directory) so uploads map onto the repository.
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../core/finding.js';
import type { FileReport, Formatter } from './report.js';
import { eachMessage, unusedDirectiveRuleId } from './report.js';
import { describeContext, describePlace } from '../../core/place.js';

const levels: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const informationUri = 'https://github.com/tonelint/tonelint';

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  helpUri?: string;
  help?: { text: string; markdown: string };
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: { tags: string[] };
}

export const formatSarif: Formatter = (reports, context) => {
  const rules: SarifRule[] = context.rules.map((rule) => ({
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.rationale.trim() || rule.summary },
    ...(rule.url ? { helpUri: rule.url } : {}),
    help: {
      text: `${rule.rationale.trim()}\n\nSuggestions: ${rule.suggestions.join('; ')}`,
      markdown: `${rule.rationale.trim()}\n\n**Suggestions:** ${rule.suggestions.map((s) => `“${s}”`).join(', ')}`,
    },
    defaultConfiguration: { level: levels[rule.severity] },
    properties: { tags: ['prose', rule.category] },
  }));
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const ensureRule = (id: string, describe: () => SarifRule): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = rules.push(describe()) - 1;
      index.set(id, i);
    }
    return i;
  };

  const results = [];
  for (const { report, message } of eachMessage(reports)) {
    const ruleId = message.ruleId ?? unusedDirectiveRuleId;
    const ruleIndex = ensureRule(ruleId, () => ({
      id: ruleId,
      name: ruleName(ruleId),
      shortDescription: { text: message.ruleId ? message.message : 'A tonelint-disable comment that suppresses nothing.' },
      ...(message.url ? { helpUri: message.url } : {}),
      defaultConfiguration: { level: levels[message.severity] },
      properties: { tags: ['prose', ...(message.category ? [message.category] : [])] },
    }));
    const artifactLocation = artifactLocationFor(report);
    const rewrite = message.suggestions.length > 0 ? ` Suggestions: ${message.suggestions.map((s) => `“${s}”`).join(', ')}.` : '';
    results.push({
      ruleId,
      ruleIndex,
      level: levels[message.severity],
      message: { text: `${message.place ? `${describePlace(message.place)}: ` : ''}${message.message}${rewrite}` },
      locations: [
        message.place
          ? {
              // A Word document: no region of the file's bytes holds the text, so the place is a
              // logical one (paragraph, table cell) with the words around the finding.
              physicalLocation: { artifactLocation },
              logicalLocations: [{ name: describePlace(message.place), kind: 'paragraph' }],
              message: { text: describeContext(message.place) },
              properties: { place: message.place },
            }
          : {
              physicalLocation: {
                artifactLocation,
                region: {
                  startLine: message.start.line,
                  startColumn: message.start.column,
                  endLine: message.end.line,
                  endColumn: message.end.column,
                  charOffset: message.start.offset,
                  charLength: message.end.offset - message.start.offset,
                },
              },
            },
      ],
      ...(message.fix
        ? {
            fixes: [
              {
                description: { text: `Replace with “${message.fix.text}”` },
                artifactChanges: [
                  {
                    artifactLocation,
                    replacements: [
                      {
                        deletedRegion: { charOffset: message.fix.range[0], charLength: message.fix.range[1] - message.fix.range[0] },
                        insertedContent: { text: message.fix.text },
                      },
                    ],
                  },
                ],
              },
            ],
          }
        : {}),
    });
  }

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'tonelint', semanticVersion: context.version, version: context.version, informationUri, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(context.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/** PascalCase rule name, as code-scanning UIs show it (`people-as-units` -> `PeopleAsUnits`). */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

function artifactLocationFor(report: FileReport): { uri: string; uriBaseId?: string } {
  const relative = report.displayPath;
  if (report.filePath.startsWith('<') || (!relative.startsWith('../') && !relative.startsWith('/') && !/^[A-Za-z]:/.test(relative))) {
    return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(report.filePath).href };
}

function directoryUri(path: string): string {
  const href = pathToFileURL(path).href;
  return href.endsWith('/') ? href : `${href}/`;
}
