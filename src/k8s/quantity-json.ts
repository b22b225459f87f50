// How a quantity in a manifest reaches Kubernetes' parser. kubectl and the API server turn YAML
// into JSON with sigs.k8s.io/yaml (go-yaml v2 values, then Go's encoding/json), and
// Quantity.UnmarshalJSON reads the raw JSON bytes: `null` is zero, a string loses its quotes but
// is not unescaped, and the rest is trimmed of spaces and parsed. So an unquoted `memory: 1e3` is
// the JSON number 1000 (canonically "1k"), while the string "1e3" stays "1e3".
import { parseQuantity, Quantity, QuantityError } from './quantity.js';

const UINT64_MAX = (1n << 64n) - 1n;
const INT64_MIN = -(1n << 63n);

/** The parse of a quantity field as the API server decodes it from JSON text (`UnmarshalJSON`). */
export function quantityFromJson(json: string): Quantity {
  // The JSON decoder hands over the value's bytes without the whitespace around it.
  let value = json.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, '');
  if (value === 'null') return Quantity.zero();
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  return parseQuantity(goTrimSpace(value));
}

/**
 * The parse of a value the YAML loader produced (a string, or a number for an unquoted YAML
 * number), as Kubernetes gets it. `source` is the scalar's text in the file, which keeps
 * integers beyond 2^53 exact where the JavaScript number cannot.
 */
export function quantityFromManifestValue(value: unknown, source?: string): Quantity {
  return quantityFromJson(goJsonText(value, source));
}

/** The JSON text Go's encoding/json writes for a value go-yaml v2 decoded. */
export function goJsonText(value: unknown, source?: string): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return goNumberText(value, source);
  if (typeof value === 'bigint') return value.toString();
  // Maps and lists are written as JSON too; no quantity parses from them.
  return JSON.stringify(value) ?? 'null';
}

/** go-yaml v2's float syntax (after removing `_`). */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

function goNumberText(value: number, source: string | undefined): string {
  // A literal beyond float64 (1e999): strconv.ParseFloat fails with a range error and go-yaml
  // keeps the scalar as a string, which the quantity parser may well accept.
  if (!Number.isFinite(value) && source !== undefined && YAML_STYLE_FLOAT.test(source.replace(/_/g, ''))) return goJsonString(source);
  if (!Number.isFinite(value)) {
    // encoding/json refuses these; kubectl stops with this error.
    throw new QuantityError(`json: unsupported value: ${Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf'}`);
  }
  if (Number.isInteger(value) && !Number.isSafeInteger(value) && source !== undefined) {
    const exact = goYamlInteger(source);
    if (exact !== undefined) return exact;
  }
  // Go's float formatting (shortest digits, exponent form below 1e-6 and from 1e21) is
  // JavaScript's; go-yaml integers below 2^53 print the same either way.
  return Object.is(value, -0) ? '-0' : String(value);
}

/**
 * go-yaml v2 keeps integers that fit an int64 or uint64 exact (strconv.ParseInt/ParseUint with
 * base 0, after removing `_`); larger decimal integers become float64, and larger hex, octal or
 * binary ones stay strings.
 */
function goYamlInteger(source: string): string | undefined {
  const plain = source.replace(/_/g, '');
  const match = /^([-+]?)(0x[0-9a-fA-F]+|0b[01]+|0[0-7]+|[0-9]+)$/.exec(plain);
  if (!match) return undefined;
  const [, sign = '', digits = ''] = match;
  const magnitude = /^0[0-7]+$/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
  const integer = sign === '-' ? -magnitude : magnitude;
  if (integer >= INT64_MIN && integer <= UINT64_MAX) return integer.toString();
  return /^[0-9]+$/.test(digits) ? undefined : goJsonString(source);
}

/** encoding/json's string escaping (with its default HTML escaping). */
export function goJsonString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (char === '\b') out += '\\b';
    else if (char === '\f') out += '\\f';
    else if (code < 0x20 || char === '<' || char === '>' || char === '&' || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else out += char;
  }
  return `${out}"`;
}

/** Go's strings.TrimSpace: Unicode White_Space, which is not JavaScript's \s (no U+FEFF). */
const GO_SPACE = '\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

function goTrimSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && GO_SPACE.includes(text[start]!)) start++;
  while (end > start && GO_SPACE.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}
