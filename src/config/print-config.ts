import path from 'node:path';
import type { FileConfig } from './resolve-config.js';

/**
 * `--print-config FILE`: the settings podlint resolved for one file, as JSON, so "why does this
 * rule (not) run here?" has an answer. Paths are relative to the working directory.
 */
export function printConfig(filePath: string, config: FileConfig, cwd: string): string {
  const relative = (file: string) => path.relative(cwd, file) || file;
  const configured = new Map(config.settings.rules.map((entry) => [entry.rule.id, entry]));
  const rules: Record<string, unknown> = {};
  for (const id of Object.keys(config.ruleSettings)) {
    const entry = configured.get(id);
    // Options as the rule receives them: the user's over the defaults.
    rules[id] = entry ? (Object.keys(entry.options).length > 0 ? [entry.severity, entry.options] : entry.severity) : 'off';
  }
  return `${JSON.stringify(
    {
      file: relative(path.resolve(cwd, filePath)),
      configFile: config.configFile ? relative(config.configFile) : null,
      ignored: config.ignored,
      kubernetesVersion: config.kubernetesVersion,
      failLevel: config.failLevel,
      podTemplatePaths: Object.fromEntries(Object.entries(config.podTemplatePaths).map(([kind, templatePath]) => [kind, templatePath.join('.')])),
      customRules: config.customRules.map((custom) => ({ id: custom.rule.id, source: relative(custom.filePath), declarative: custom.declarative })),
      rules,
    },
    null,
    2,
  )}\n`;
}
