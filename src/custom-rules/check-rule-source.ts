// Loaded with import() only when a TypeScript custom rule is configured: the parser and the
// TypeScript compiler behind it cost a few hundred milliseconds that a plain run never pays.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { SEVERITIES } from '../engine/severity.js';
import { LineIndex, type SourceRange } from '../load/position.js';
import type { ConfigProblem } from '../config/config-error.js';
import { RULE_ID_PATTERN } from '../suppress/directives.js';
import { requirePeer } from './peer-dependency.js';

// An optional peer dependency, required on first use (the GitHub Action bundle leaves it out too,
// see scripts/build-action.mjs): a run without a TypeScript rule never looks for it.
type Estree = typeof import('@typescript-eslint/typescript-estree');
const estreeFor = (filePath: string) => requirePeer<Estree>('@typescript-eslint/typescript-estree', filePath);

type Node = TSESTree.Node;

/** A module specifier written in the file (`import ... from 'x'`), with its offsets including quotes. */
export interface ModuleSpecifier {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

export interface RuleSourceCheck {
  readonly problems: ConfigProblem[];
  /** The rule's id, when it is a literal. */
  readonly id?: string;
  readonly idRange?: SourceRange;
  readonly specifiers: readonly ModuleSpecifier[];
  /** The message ids meta.messages declares. */
  readonly messageIds: readonly string[];
  /** The message ids `report({ messageId })` calls name literally (or as a `?:` of literals). */
  readonly reportedMessageIds: readonly string[];
  /** `report(x)` calls whose argument is not an object literal, so their messageId is not seen. */
  readonly opaqueReports: number;
}

export interface RuleSourceCheckOptions {
  /**
   * Accept `scope: 'file'` and no check: podlint's own file-scope rules, which load/ and
   * suppress/ report for. Custom rules always check something.
   */
  readonly allowFileScope?: boolean;
}

const RULE_KEYS = ['id', 'meta', 'prepare', 'check'];
const META_KEYS = ['type', 'defaultSeverity', 'docs', 'messages', 'schema', 'defaultOptions', 'scope', 'tags', 'securitySeverity'];
const DOCS_KEYS = ['description', 'remediation', 'rationale'];
const REQUIRED_META_KEYS = ['type', 'defaultSeverity', 'docs', 'messages', 'defaultOptions'];
/** What a function-valued key may be written as: a function, or a name or call that gives one. */
const FUNCTION_NODES: readonly string[] = ['FunctionExpression', 'ArrowFunctionExpression', 'Identifier', 'MemberExpression', 'CallExpression'];

/**
 * Reads a custom rule's source without running it and checks what the engine relies on: the
 * default export is `defineRule({...})` written out literally; its id and meta are literal and
 * complete; every messageId it reports exists in meta.messages. Problems point at the source.
 */
export function checkRuleSource(filePath: string, text: string, options: RuleSourceCheckOptions = {}): RuleSourceCheck {
  const lines = LineIndex.fromText(text);
  const problems: ConfigProblem[] = [];
  const problem = (node: { range: [number, number] } | undefined, message: string) => {
    problems.push({ filePath, range: lines.range(node?.range[0] ?? 0, node?.range[1] ?? 0), message });
  };

  let program: TSESTree.Program;
  try {
    program = estreeFor(filePath).parse(text, { range: true, loc: true, jsx: /\.[jt]sx$/.test(filePath), filePath });
  } catch (error) {
    const { index, message } = error as { index?: number; message?: string };
    const offset = typeof index === 'number' ? index : 0;
    problems.push({ filePath, range: lines.range(offset, offset + 1), message: `The rule does not parse: ${message ?? String(error)}` });
    return { problems, specifiers: [], messageIds: [], reportedMessageIds: [], opaqueReports: 0 };
  }

  const estree = estreeFor(filePath);
  const specifiers = moduleSpecifiers(program, estree);
  const defineRuleNames = new Set(['defineRule']);
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration' || statement.source.value !== 'podlint') continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === 'ImportSpecifier' && importedName(specifier) === 'defineRule') defineRuleNames.add(specifier.local.name);
    }
  }

  const exported = program.body.find((statement): statement is TSESTree.ExportDefaultDeclaration => statement.type === 'ExportDefaultDeclaration');
  if (!exported) {
    problem(undefined, 'The rule module has no default export; write `export default defineRule({ id, meta, check })`.');
    return { problems, specifiers, messageIds: [], reportedMessageIds: [], opaqueReports: 0 };
  }
  const ruleObject = ruleObjectOf(unwrap(exported.declaration as Node), program, defineRuleNames);
  if (!ruleObject) {
    problem(exported, 'The default export must be `defineRule({ ... })` with the rule object written out literally, so podlint can check it before running it.');
    return { problems, specifiers, messageIds: [], reportedMessageIds: [], opaqueReports: 0 };
  }

  const rule = literalKeys(ruleObject, problem, 'The rule');
  for (const [key, property] of rule) if (!RULE_KEYS.includes(key)) problem(property.key, `Unknown key "${key}" in the rule; a rule has ${RULE_KEYS.join(', ')}.`);
  let id: string | undefined;
  let idRange: SourceRange | undefined;
  const idNode = rule.get('id');
  if (!idNode) problem(ruleObject, 'The rule has no id.');
  else {
    id = stringValue(idNode.value);
    if (id === undefined) problem(idNode.value, 'The rule id must be a string literal.');
    else if (!RULE_ID_PATTERN.test(id)) problem(idNode.value, `The rule id "${id}" must be lowercase words joined by "-" (an optional "prefix/" is allowed).`);
    else idRange = lines.range(idNode.value.range[0], idNode.value.range[1]);
  }

  const messages = new Set<string>();
  let fileScope = false;
  const metaNode = rule.get('meta');
  if (!metaNode) problem(ruleObject, 'The rule has no meta.');
  else if (unwrap(metaNode.value as Node).type !== 'ObjectExpression') problem(metaNode.value, 'meta must be an object literal, so podlint can read it without running the rule.');
  else {
    const meta = literalKeys(unwrap(metaNode.value as Node) as TSESTree.ObjectExpression, problem, 'meta');
    for (const [key, property] of meta) if (!META_KEYS.includes(key)) problem(property.key, `Unknown key "${key}" in meta; meta has ${META_KEYS.join(', ')}.`);
    for (const key of REQUIRED_META_KEYS) if (!meta.has(key)) problem(metaNode.key, `meta has no ${key}.`);
    checkEnum(meta.get('type'), ['problem', 'suggestion'], 'meta.type', problem);
    checkEnum(meta.get('defaultSeverity'), SEVERITIES, 'meta.defaultSeverity', problem);
    fileScope = checkEnum(meta.get('scope'), options.allowFileScope ? ['pod', 'object', 'file'] : ['pod', 'object'], 'meta.scope', problem) === 'file';
    const docs = meta.get('docs');
    if (docs) {
      const value = unwrap(docs.value as Node);
      if (value.type !== 'ObjectExpression') problem(docs.value, 'meta.docs must be an object literal with description and remediation.');
      else {
        const fields = literalKeys(value, problem, 'meta.docs');
        for (const key of ['description', 'remediation']) {
          const field = fields.get(key);
          if (!field) problem(docs.key, `meta.docs has no ${key}.`);
          else if (!stringValue(field.value)?.trim()) problem(field.value, `meta.docs.${key} must be a non-empty string literal.`);
        }
        const rationale = fields.get('rationale');
        if (rationale && stringValue(rationale.value) === undefined) problem(rationale.value, 'meta.docs.rationale must be a string literal.');
        for (const [key, property] of fields) if (!DOCS_KEYS.includes(key)) problem(property.key, `Unknown key "${key}" in meta.docs; docs has ${DOCS_KEYS.join(', ')}.`);
      }
    }
    const messagesNode = meta.get('messages');
    if (messagesNode) {
      const value = unwrap(messagesNode.value as Node);
      if (value.type !== 'ObjectExpression') problem(messagesNode.value, 'meta.messages must be an object literal of message ids and texts.');
      else {
        for (const [key, property] of literalKeys(value, problem, 'meta.messages')) {
          if (stringValue(property.value) === undefined) problem(property.value, `meta.messages.${key} must be a string literal.`);
          messages.add(key);
        }
        if (messages.size === 0) problem(messagesNode.value, 'meta.messages is empty; a rule reports at least one message.');
      }
    }
    for (const key of ['schema', 'defaultOptions']) {
      const field = meta.get(key);
      if (field && (unwrap(field.value as Node).type !== 'ObjectExpression' || !isLiteralValue(field.value as Node))) {
        problem(field.value, `meta.${key} must be an object written with literals only, so podlint can read it without running the rule.`);
      }
    }
    const schema = meta.get('schema');
    if (schema && unwrap(schema.value as Node).type === 'ObjectExpression') {
      const type = literalKeys(unwrap(schema.value as Node) as TSESTree.ObjectExpression, () => {}, '').get('type');
      if (!type || stringValue(type.value) !== 'object') problem(schema.value, 'meta.schema must be a JSON Schema with type: "object" (the options are an object).');
    }
    const tags = meta.get('tags');
    const tagValues: string[] = [];
    if (tags) {
      const value = unwrap(tags.value as Node);
      if (value.type !== 'ArrayExpression' || value.elements.some((element) => !element || stringValue(element as Node) === undefined)) {
        problem(tags.value, 'meta.tags must be an array of string literals.');
      } else for (const element of value.elements) tagValues.push(stringValue(element as Node)!);
    }
    const securitySeverity = meta.get('securitySeverity');
    const isSecurity = tagValues.includes('security');
    if (securitySeverity) {
      const number = numberValue(securitySeverity.value as Node);
      if (!isSecurity) problem(securitySeverity.key, 'meta.securitySeverity belongs only to rules tagged "security".');
      else if (number === undefined || number < 0.1 || number > 10) problem(securitySeverity.value, 'meta.securitySeverity must be a number literal from 0.1 to 10.');
    } else if (isSecurity) problem(tags?.key, 'A rule tagged "security" needs meta.securitySeverity (0.1 to 10).');
  }

  const check = rule.get('check');
  if (fileScope) {
    if (check) problem(check.key, 'A file-scope rule has no check: podlint reports it while reading files.');
  } else if (!check) problem(ruleObject, 'The rule has no check function.');
  else if (!FUNCTION_NODES.includes(unwrap(check.value as Node).type)) {
    problem(check.value, 'check must be a function.');
  }
  const prepare = rule.get('prepare');
  if (prepare && !FUNCTION_NODES.includes(unwrap(prepare.value as Node).type)) problem(prepare.value, 'prepare must be a function (options => what check receives).');

  // Every messageId a report names must exist; a computed one cannot be checked.
  const reported = new Set<string>();
  let opaqueReports = 0;
  estree.simpleTraverse(program, {
    enter(node) {
      if (node.type !== 'CallExpression' || !isReportCall(node.callee)) return;
      const [argument] = node.arguments;
      if (!argument || argument.type !== 'ObjectExpression') {
        opaqueReports++;
        return;
      }
      const property = argument.properties.find((candidate) => candidate.type === 'Property' && !candidate.computed && keyName(candidate.key) === 'messageId');
      if (!property || property.type !== 'Property') return;
      for (const { node: valueNode, value } of messageIdValues(property.value as Node)) {
        if (value === undefined) problem(valueNode, 'messageId must be a string literal (or a ?: of literals), so podlint can check it exists.');
        else if (messages.size > 0 && !messages.has(value)) {
          problem(valueNode, `messageId "${value}" is not in meta.messages (${[...messages].join(', ')}).`);
        } else reported.add(value);
      }
    },
  });

  return {
    problems,
    ...(id !== undefined ? { id } : {}),
    ...(idRange ? { idRange } : {}),
    specifiers,
    messageIds: [...messages],
    reportedMessageIds: [...reported],
    opaqueReports,
  };
}

/** Every static module specifier: imports, re-exports and `import('literal')`. */
export function moduleSpecifiers(program: TSESTree.Program, estree: Estree): ModuleSpecifier[] {
  const found: ModuleSpecifier[] = [];
  const add = (source: TSESTree.Node | null | undefined) => {
    if (source?.type === 'Literal' && typeof source.value === 'string') found.push({ value: source.value, start: source.range[0], end: source.range[1] });
  };
  estree.simpleTraverse(program, {
    enter(node) {
      if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') add(node.source);
      else if (node.type === 'ImportExpression') add(node.source);
    },
  });
  return found.sort((a, b) => a.start - b.start);
}

/** Parses any JavaScript or TypeScript module for its specifiers (helpers a rule imports). */
export function specifiersOf(filePath: string, text: string): ModuleSpecifier[] {
  const estree = estreeFor(filePath);
  return moduleSpecifiers(estree.parse(text, { range: true, jsx: /\.[jt]sx$/.test(filePath), filePath }), estree);
}

function ruleObjectOf(node: Node, program: TSESTree.Program, defineRuleNames: ReadonlySet<string>): TSESTree.ObjectExpression | undefined {
  if (node.type === 'ObjectExpression') return node;
  if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && defineRuleNames.has(node.callee.name)) {
    const [argument] = node.arguments;
    const value = argument ? unwrap(argument as Node) : undefined;
    return value?.type === 'ObjectExpression' ? value : undefined;
  }
  if (node.type === 'Identifier') {
    // `const rule = defineRule({...}); export default rule;`
    for (const statement of program.body) {
      const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
      if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') continue;
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === 'Identifier' && declarator.id.name === node.name && declarator.init) {
          return ruleObjectOf(unwrap(declarator.init as Node), program, defineRuleNames);
        }
      }
    }
  }
  return undefined;
}

/** Strips `as`, `satisfies` and `!`, which change types, not values. */
function unwrap(node: Node): Node {
  let current = node;
  while (current.type === 'TSAsExpression' || current.type === 'TSSatisfiesExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSTypeAssertion') {
    current = current.expression as Node;
  }
  return current;
}

function literalKeys(
  object: TSESTree.ObjectExpression,
  problem: (node: { range: [number, number] } | undefined, message: string) => void,
  where: string,
): Map<string, TSESTree.Property> {
  const keys = new Map<string, TSESTree.Property>();
  for (const property of object.properties) {
    if (property.type !== 'Property' || property.computed) {
      problem(property, `${where} must list its keys literally (no spread or computed keys), so podlint can read it.`);
      continue;
    }
    const name = keyName(property.key);
    if (name !== undefined) keys.set(name, property);
  }
  return keys;
}

function keyName(key: TSESTree.Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'Literal') return String(key.value);
  return undefined;
}

function importedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value);
}

function stringValue(node: TSESTree.Node): string | undefined {
  const value = unwrap(node as Node);
  if (value.type === 'Literal' && typeof value.value === 'string') return value.value;
  if (value.type === 'TemplateLiteral' && value.expressions.length === 0) return value.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function numberValue(node: Node): number | undefined {
  const value = unwrap(node);
  if (value.type === 'Literal' && typeof value.value === 'number') return value.value;
  return undefined;
}

function checkEnum(
  property: TSESTree.Property | undefined,
  allowed: readonly string[],
  where: string,
  problem: (node: { range: [number, number] } | undefined, message: string) => void,
): string | undefined {
  if (!property) return undefined;
  const value = stringValue(property.value);
  if (value === undefined || !allowed.includes(value)) {
    problem(property.value, `${where} must be one of ${allowed.map((item) => `'${item}'`).join(', ')}, written as a literal.`);
    return undefined;
  }
  return value;
}

/** True for values made only of literals: what JSON could hold, plus `as` casts. */
function isLiteralValue(node: Node): boolean {
  const value = unwrap(node);
  switch (value.type) {
    case 'Literal':
      return !('regex' in value && value.regex) && typeof value.value !== 'bigint';
    case 'TemplateLiteral':
      return value.expressions.length === 0;
    case 'UnaryExpression':
      return (value.operator === '-' || value.operator === '+') && value.argument.type === 'Literal' && typeof value.argument.value === 'number';
    case 'ArrayExpression':
      return value.elements.every((element) => element !== null && element.type !== 'SpreadElement' && isLiteralValue(element as Node));
    case 'ObjectExpression':
      return value.properties.every((property) => property.type === 'Property' && !property.computed && property.kind === 'init' && !property.method && isLiteralValue(property.value as Node));
    default:
      return false;
  }
}

function isReportCall(callee: TSESTree.Node): boolean {
  if (callee.type === 'Identifier') return callee.name === 'report';
  return callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'report';
}

function messageIdValues(node: Node): { node: Node; value: string | undefined }[] {
  const value = unwrap(node);
  if (value.type === 'ConditionalExpression') return [...messageIdValues(value.consequent as Node), ...messageIdValues(value.alternate as Node)];
  return [{ node: value, value: stringValue(value) }];
}
