import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { LineIndex, type SourceRange } from '../load/position.js';
import { SourceMap, type LocationTarget } from '../load/source-map.js';
import { SAFE_TO_JS_OPTIONS } from '../load/yaml-schema.js';
import type { Path } from '../path.js';
import type { ConfigProblem } from './config-error.js';

/** A configuration file's data with the means to point at any part of it. */
export interface ConfigSource {
  readonly filePath: string;
  readonly data: unknown;
  /** The range of a path into the data (a missing path lands on its closest ancestor). */
  locate(path: Path, target?: LocationTarget): SourceRange;
  /** The source text of the value at a path, as written. */
  textAt(path: Path): string;
}

/**
 * Reads a configuration file, YAML or JSON, keeping positions. Unlike manifests, a configuration
 * is read as YAML 1.2: `off` is the severity "off", not the boolean Kubernetes' YAML 1.1 makes it.
 */
export function readConfigFile(filePath: string): { source?: ConfigSource; problems: ConfigProblem[] } {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    return { problems: [{ filePath, message: `Cannot read the configuration file: ${error instanceof Error ? error.message : String(error)}.` }] };
  }
  return parseConfigText(filePath, text);
}

export function parseConfigText(filePath: string, text: string): { source?: ConfigSource; problems: ConfigProblem[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { version: '1.2', lineCounter, uniqueKeys: true, prettyErrors: false });
  const lines = new LineIndex(lineCounter.lineStarts);
  const problems: ConfigProblem[] = document.errors.map((error) => ({
    filePath,
    range: lines.range(error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)),
    message: error.code === 'DUPLICATE_KEY' ? 'Duplicate key in a mapping.' : (error.message.split('\n')[0] ?? error.message),
  }));
  if (problems.length > 0) return { problems };
  const sourceMap = new SourceMap(document, lines, text);
  let data: unknown;
  try {
    data = document.toJS(SAFE_TO_JS_OPTIONS) ?? {};
  } catch (error) {
    return { problems: [{ filePath, range: lines.range(0, 0), message: `The configuration cannot be expanded: ${error instanceof Error ? error.message : String(error)}.` }] };
  }
  return {
    problems: [],
    source: {
      filePath,
      data,
      locate: (path, target) => sourceMap.resolve(path, target).range,
      textAt: (path) => sourceMap.sourceText(path) ?? '',
    },
  };
}
