// The formats k8s.io/apimachinery's pkg/util/validation checks names and values against, with the
// messages it returns (one per broken constraint, empty when the value is valid). Port names are
// in port-name.ts.

/** apimachinery's RegexError, double space and all: `msg (e.g. 'a',  or 'b', regex used for validation is 're')`. */
export function regexError(message: string, regex: string, ...examples: string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${regex}')`;
  return `${message} (e.g. ${examples.map((example) => `'${example}', `).join(' or ')}regex used for validation is '${regex}')`;
}

/** `InclusiveRangeError`. */
export function inclusiveRangeError(low: number, high: number): string {
  return `must be between ${low} and ${high}, inclusive`;
}

// Go measures strings in bytes; a name with non-ASCII characters fails the patterns anyway, but
// its length must be counted the same way for the length message.
const encoder = new TextEncoder();
function byteLength(value: string): number {
  return encoder.encode(value).length;
}

const DNS1123_LABEL_FORMAT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL = new RegExp(`^${DNS1123_LABEL_FORMAT}$`);
const DNS1123_LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_FORMAT = `${DNS1123_LABEL_FORMAT}(\\.${DNS1123_LABEL_FORMAT})*`;
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_SUBDOMAIN_FORMAT}$`);
const DNS1123_SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

/** `IsDNS1123Label`: container, volume and host names. A valid subdomain fails only for its dots. */
export function dns1123LabelErrors(value: string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > 63) errors.push('must be no more than 63 characters');
  if (!DNS1123_LABEL.test(value)) {
    errors.push(DNS1123_SUBDOMAIN.test(value) ? 'must not contain dots' : regexError(DNS1123_LABEL_MESSAGE, DNS1123_LABEL_FORMAT, 'my-name', '123-abc'));
  }
  return errors;
}

/** `IsDNS1123Subdomain`: object names such as a ConfigMap's or a Secret's. */
export function dns1123SubdomainErrors(value: string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > 253) errors.push('must be no more than 253 characters');
  if (!DNS1123_SUBDOMAIN.test(value)) errors.push(regexError(DNS1123_SUBDOMAIN_MESSAGE, DNS1123_SUBDOMAIN_FORMAT, 'example.com'));
  return errors;
}

const QUALIFIED_NAME_FORMAT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME_MESSAGE = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const QUALIFIED_NAME = new RegExp(`^${QUALIFIED_NAME_FORMAT}$`);

/** `IsQualifiedName`: an optional DNS subdomain prefix and `/`, then a name of up to 63 characters. */
export function qualifiedNameErrors(value: string): string[] {
  const errors: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0]!;
  } else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errors.push('prefix part must be non-empty');
    else errors.push(...dns1123SubdomainErrors(prefix).map((message) => `prefix part ${message}`));
  } else {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_MESSAGE, QUALIFIED_NAME_FORMAT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errors.push('name part must be non-empty');
  else if (byteLength(name) > 63) errors.push('name part must be no more than 63 characters');
  if (!QUALIFIED_NAME.test(name)) {
    errors.push(`name part ${regexError(QUALIFIED_NAME_MESSAGE, QUALIFIED_NAME_FORMAT, 'MyName', 'my.name', '123-abc')}`);
  }
  return errors;
}

/** `hasChDirPrefix`: names that would read as `.`, `..` or a path above them. */
function chdirPrefixErrors(value: string): string[] {
  if (value === '.') return ["must not be '.'"];
  if (value === '..') return ["must not be '..'"];
  if (value.startsWith('..')) return ["must not start with '..'"];
  return [];
}

const ENV_VAR_NAME_FORMAT = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const ENV_VAR_NAME = new RegExp(`^${ENV_VAR_NAME_FORMAT}$`);
const ENV_VAR_NAME_MESSAGE =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";

/** `IsEnvVarName`: the strict rule, before RelaxedEnvironmentVariableValidation. */
export function envVarNameErrors(value: string): string[] {
  const errors: string[] = [];
  if (!ENV_VAR_NAME.test(value)) errors.push(regexError(ENV_VAR_NAME_MESSAGE, ENV_VAR_NAME_FORMAT, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1'));
  return [...errors, ...chdirPrefixErrors(value)];
}

/** `IsRelaxedEnvVarName`: printable ASCII (space included, as Go's unicode.IsPrint has it) except `=`. */
export function relaxedEnvVarNameErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length === 0) errors.push('environment variable name must be non-empty');
  if (!/^[\x20-\x3c\x3e-\x7e]*$/.test(value)) {
    errors.push("a valid environment variable name must consist only of printable ASCII characters other than '='");
  }
  return errors;
}

const CONFIG_MAP_KEY_FORMAT = '[-._a-zA-Z0-9]+';
const CONFIG_MAP_KEY = new RegExp(`^${CONFIG_MAP_KEY_FORMAT}$`);

/** `IsConfigMapKey`: a key of a ConfigMap's or a Secret's data. */
export function configMapKeyErrors(value: string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > 253) errors.push('must be no more than 253 characters');
  if (!CONFIG_MAP_KEY.test(value)) {
    errors.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_MAP_KEY_FORMAT, 'key.name', 'KEY_NAME', 'key-name'));
  }
  return [...errors, ...chdirPrefixErrors(value)];
}

const HTTP_HEADER_NAME_FORMAT = '[-A-Za-z0-9]+';
const HTTP_HEADER_NAME = new RegExp(`^${HTTP_HEADER_NAME_FORMAT}$`);

/** `IsHTTPHeaderName`: the stricter subset of RFC 7230 that Go's HTTP library accepts. */
export function httpHeaderNameErrors(value: string): string[] {
  if (HTTP_HEADER_NAME.test(value)) return [];
  return [regexError("a valid HTTP header must consist of alphanumeric characters or '-'", HTTP_HEADER_NAME_FORMAT, 'X-Header-Name')];
}

/** `IsValidPortNum`: a port number, 1 to 65535. */
export function portNumberErrors(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/**
 * `validateLocalDescendingPath`: a path that stays inside the directory it is relative to (a
 * volume mount's subPath). The API server splits on `/`, as on the Linux nodes it assumes.
 */
export function localDescendingPathErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.startsWith('/')) errors.push('must be a relative path');
  if (value.split('/').includes('..')) errors.push("must not contain '..'");
  return errors;
}
