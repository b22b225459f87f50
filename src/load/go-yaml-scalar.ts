// How go-yaml v2 (the YAML reader under sigs.k8s.io/yaml, so under kubectl and the API server)
// turns one scalar into a value, and how sigs.k8s.io/yaml then turns a key into a JSON key. A port
// of goyaml.v2's resolve() and decoder.scalar(), and of the key switch in sigs.k8s.io/yaml's
// convertToJSONableObject, checked against kubectl (test/integrations/kubectl.test.ts).

/** A scalar as go-yaml decodes it into an `interface{}`. Integers stay exact (bigint). */
export type GoScalar =
  | { readonly kind: 'null' }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'uint'; readonly value: bigint }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  /** Decoding fails and kubectl rejects the file; `value` is what podlint keeps meanwhile. */
  | { readonly kind: 'error'; readonly message: string; readonly value: string };

const YAML = 'tag:yaml.org,2002:';
const STR = `${YAML}str`;
const BINARY = `${YAML}binary`;
const RESOLVABLE = new Set(['', STR, `${YAML}bool`, `${YAML}int`, `${YAML}float`, `${YAML}null`, `${YAML}timestamp`]);

// go-yaml's resolve table: these exact spellings, nothing case-insensitive (`yEs` is a string).
const WORDS = new Map<string, GoScalar>();
for (const word of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) WORDS.set(word, { kind: 'bool', value: true });
for (const word of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) WORDS.set(word, { kind: 'bool', value: false });
for (const word of ['', '~', 'null', 'Null', 'NULL']) WORDS.set(word, { kind: 'null' });
for (const word of ['.nan', '.NaN', '.NAN']) WORDS.set(word, { kind: 'float', value: Number.NaN });
for (const word of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) WORDS.set(word, { kind: 'float', value: Number.POSITIVE_INFINITY });
for (const word of ['-.inf', '-.Inf', '-.INF']) WORDS.set(word, { kind: 'float', value: Number.NEGATIVE_INFINITY });

// go-yaml's yamlStyleFloat, tried on the text without underscores.
const YAML_STYLE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
// What Go's strconv.ParseFloat takes from a scalar that starts with a dot: underscores only
// between digits, and no stripping first (so `.5_0` is 0.5 but `._5` stays a string).
const DOT_FLOAT = /^\.[0-9]+(?:_[0-9]+)*(?:[eE][-+]?[0-9]+(?:_[0-9]+)*)?$/;

const RADIX_PREFIX = { 2: '0b', 8: '0o', 10: '', 16: '0x' }; // as BigInt() reads them
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * Resolves a scalar the way go-yaml v2 does. `text` is the scalar's content (quotes and escapes
 * already resolved), `plain` says it was written without quotes or a block indicator, and
 * `tag` is its explicit tag in full (`tag:yaml.org,2002:int`, `!custom`) or undefined.
 */
export function resolveGoScalar(text: string, plain: boolean, tag?: string): GoScalar {
  // decoder.scalar: a quoted or block scalar without a tag is a string; so is the non-specific `!`.
  if (tag === undefined && !plain) return { kind: 'string', value: text };
  const explicit = tag ?? '';
  if (explicit === BINARY) return decodeBinary(text);
  if (!RESOLVABLE.has(explicit)) return { kind: 'string', value: text };
  if (explicit === STR) return { kind: 'string', value: text };
  const [resolvedTag, resolved] = resolveUntagged(text);
  if (explicit === '' || explicit === resolvedTag) return resolved;
  // An explicit !!float takes an integer (go-yaml converts int, not uint64); any other mismatch fails.
  if (explicit === `${YAML}float` && resolved.kind === 'int') return { kind: 'float', value: Number(resolved.value) };
  return {
    kind: 'error',
    message: `cannot decode ${shortTag(resolvedTag)} \`${text}\` as a ${shortTag(explicit)}`,
    value: text,
  };
}

function resolveUntagged(text: string): [string, GoScalar] {
  const word = WORDS.get(text);
  if (word) return [tagOf(word), word];
  const first = text[0];
  if (first === '.') {
    if (DOT_FLOAT.test(text)) {
      const value = Number(text.replace(/_/g, ''));
      if (Number.isFinite(value)) return [`${YAML}float`, { kind: 'float', value }];
    }
    return [STR, { kind: 'string', value: text }];
  }
  if (first === undefined || !/[-+0-9]/.test(first)) return [STR, { kind: 'string', value: text }];
  // A date (`2001-12-14`) resolves to a timestamp, but decoding into interface{} keeps the text.
  if (looksLikeTimestamp(text)) return [`${YAML}timestamp`, { kind: 'string', value: text }];
  const number = resolveNumber(text.replace(/_/g, ''));
  return number ? [tagOf(number), number] : [STR, { kind: 'string', value: text }];
}

/** go-yaml's order: ParseInt(s, 0, 64), ParseUint(s, 0, 64), a YAML-style float, then a 0b fallback. */
function resolveNumber(plain: string): GoScalar | undefined {
  const int = parseGoInt(plain, 0);
  if (int !== undefined) return { kind: 'int', value: int };
  const uint = parseGoUint(plain, 0);
  if (uint !== undefined) return { kind: 'uint', value: uint };
  if (YAML_STYLE_FLOAT.test(plain)) {
    const value = Number(plain); // correctly rounded, as strconv.ParseFloat
    if (Number.isFinite(value)) return { kind: 'float', value }; // out of range: ParseFloat fails
  }
  // Kept from before Go read 0b itself; it still takes a sign after the prefix (`0b-1` is -1).
  if (plain.startsWith('0b')) {
    const binary = parseGoInt(plain.slice(2), 2);
    if (binary !== undefined) return { kind: 'int', value: binary };
    const unsigned = parseGoUint(plain.slice(2), 2);
    if (unsigned !== undefined) return { kind: 'uint', value: unsigned };
  } else if (plain.startsWith('-0b')) {
    const binary = parseGoInt(`-${plain.slice(3)}`, 2);
    if (binary !== undefined) return { kind: 'int', value: binary };
  }
  return undefined;
}

/** strconv.ParseInt(s, base, 64): an optional sign, then ParseUint's digits, within int64. */
function parseGoInt(s: string, base: 0 | 2): bigint | undefined {
  const negative = s.startsWith('-');
  const digits = negative || s.startsWith('+') ? s.slice(1) : s;
  const magnitude = parseGoUint(digits, base);
  if (magnitude === undefined) return undefined;
  const value = negative ? -magnitude : magnitude;
  return value >= INT64_MIN && value <= INT64_MAX ? value : undefined;
}

/** strconv.ParseUint(s, base, 64): no sign; base 0 reads 0b, 0o, 0x (either case) and a leading 0 as octal. */
function parseGoUint(s: string, base: 0 | 2): bigint | undefined {
  if (s === '') return undefined;
  let radix = base === 2 ? 2 : 10;
  let digits = s;
  if (base === 0 && s[0] === '0') {
    const prefix = s.length >= 3 ? s[1]!.toLowerCase() : '';
    if (prefix === 'b' || prefix === 'o' || prefix === 'x') {
      radix = prefix === 'b' ? 2 : prefix === 'o' ? 8 : 16;
      digits = s.slice(2);
    } else {
      radix = 8;
      digits = s.slice(1); // "0" alone is 0
    }
  }
  const valid = { 2: /^[01]*$/, 8: /^[0-7]*$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]*$/ }[radix as 2 | 8 | 10 | 16];
  if (!valid.test(digits)) return undefined;
  if (digits === '') return 0n;
  const value = BigInt(`${RADIX_PREFIX[radix as 2 | 8 | 10 | 16]}${digits}`);
  return value <= UINT64_MAX ? value : undefined;
}

/** go-yaml's parseTimestamp formats: 2006-1-2, with a time after T, t or a space. */
function looksLikeTimestamp(text: string): boolean {
  return /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]+)?(?:Z|[-+][0-9]{2}:[0-9]{2}))|(?: [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]+)?))?$/.test(text);
}

/** !!binary: base64 (line breaks ignored, as Go's decoder does), read as a Go string. */
function decodeBinary(text: string): GoScalar {
  const compact = text.replace(/[\r\n]/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact)) {
    return { kind: 'error', message: '!!binary value contains invalid base64 data', value: text };
  }
  // JSON cannot carry bytes that are not UTF-8: Go's encoder writes U+FFFD for them, as TextDecoder does.
  return { kind: 'string', value: new TextDecoder('utf-8').decode(Buffer.from(compact, 'base64')) };
}

function tagOf(scalar: GoScalar): string {
  switch (scalar.kind) {
    case 'null':
      return `${YAML}null`;
    case 'bool':
      return `${YAML}bool`;
    case 'int':
    case 'uint':
      return `${YAML}int`;
    case 'float':
      return `${YAML}float`;
    default:
      return STR;
  }
}

function shortTag(tag: string): string {
  return tag.startsWith(YAML) ? `!!${tag.slice(YAML.length)}` : tag;
}

/**
 * The JSON value kubectl ends up with. Integers of int64 are exact in kubectl but a JS number
 * here (beyond 2^53, the nearest double); uint64 values become float64 in kubectl too.
 * Infinity and NaN are returned as they are: JSON cannot hold them, the caller reports them.
 */
export function goScalarToJson(scalar: GoScalar): string | number | boolean | null {
  switch (scalar.kind) {
    case 'null':
      return null;
    case 'bool':
      return scalar.value;
    case 'int':
    case 'uint':
      return Number(scalar.value);
    case 'float':
      // -0.0 reaches kubectl as the JSON number -0, which it reads back as the integer 0.
      return scalar.value === 0 ? 0 : scalar.value;
    default:
      return scalar.value;
  }
}

/**
 * The JSON key sigs.k8s.io/yaml makes of a scalar key, or an error when it has none (a null key,
 * an integer beyond int64). Floats are formatted as Go's FormatFloat(f, 'g', -1, 32): 1e6 is
 * "1e+06", 1.0 is "1", and .inf stays ".inf".
 */
export function goKeyString(scalar: GoScalar): { key: string } | { error: string } {
  switch (scalar.kind) {
    case 'string':
      return { key: scalar.value };
    case 'bool':
      return { key: String(scalar.value) };
    case 'int':
      return { key: scalar.value.toString() };
    case 'float':
      return { key: formatFloat32(scalar.value) };
    case 'null':
      return { error: 'unsupported map key of type <nil>' };
    case 'uint':
      return { error: 'unsupported map key of type uint64' };
    default:
      return { key: scalar.value }; // already reported as a value that does not decode
  }
}

/** strconv.FormatFloat(f, 'g', -1, 32), with go-yaml's spellings of infinity and NaN. */
export function formatFloat32(value: number): string {
  const f = Math.fround(value);
  if (Number.isNaN(f)) return '.nan';
  if (f === Number.POSITIVE_INFINITY) return '.inf';
  if (f === Number.NEGATIVE_INFINITY) return '-.inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [digits, exponent] = shortestFloat32Digits(Math.abs(f));
  const sign = f < 0 ? '-' : '';
  // 'g' with the shortest precision switches to %e below 1e-4 and from 1e+06 (eprec is 6).
  if (exponent < -4 || exponent >= 6) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const magnitude = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${magnitude}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * The fewest significant digits that read back as the same float32, closest to it among equally
 * short ones (Go's shortest formatting), and the decimal exponent of the first digit.
 */
function shortestFloat32Digits(f: number): [string, number] {
  for (let precision = 1; precision <= 9; precision++) {
    const nearest = f.toExponential(precision - 1);
    const [mantissa = '', exp = '0'] = nearest.split('e');
    const digits = BigInt(mantissa.replace('.', ''));
    const exponent = Number(exp);
    // The nearest decimal may miss the float32 where its rounding interval is lopsided (at a power
    // of two) while a neighbour hits it; try both neighbours too.
    let best: { digits: bigint; distance: number } | undefined;
    for (const candidate of [digits, digits - 1n, digits + 1n]) {
      if (candidate <= 0n) continue;
      const text = `${candidate}e${exponent - (precision - 1)}`;
      const read = Number(text);
      if (Math.fround(read) !== f) continue;
      const distance = Math.abs(read - f);
      if (!best || distance < best.distance) best = { digits: candidate, distance };
    }
    if (best) {
      const text = best.digits.toString();
      // A neighbour can carry into one more digit (9.99 + 1 unit is 10.0): normalise.
      const shift = text.length - precision;
      return [text.replace(/0+$/, '') || '0', exponent + shift];
    }
  }
  const fallback = f.toExponential(8).split('e');
  return [fallback[0]!.replace('.', '').replace(/0+$/, ''), Number(fallback[1])];
}
