import { describe, expect, it } from 'vitest';
import { parseQuantity, Quantity, QuantityError, QuantityRangeError } from '../../src/k8s/quantity.js';
import { goJsonText, quantityFromJson, quantityFromManifestValue } from '../../src/k8s/quantity-json.js';
import { readTsv } from '../helpers/case-tables.js';

const cases = readTsv('quantity-cases.tsv');
const valid = cases.filter((row) => row.valid === 'yes');
const invalid = cases.filter((row) => row.valid === 'no');
const inputOf = (row: Record<string, string>) => JSON.parse(row.input_json ?? '') as string;

/** `exact_decimal` × 10^shift as a fraction numerator / 10^digits. */
function scaled(decimal: string, shift: number): { numerator: bigint; denominator: bigint } {
  const negative = decimal.startsWith('-');
  const [whole = '', fraction = ''] = decimal.replace(/^[-+]/, '').split('.');
  const numerator = BigInt(whole + fraction) * 10n ** BigInt(shift);
  return { numerator: negative ? -numerator : numerator, denominator: 10n ** BigInt(fraction.length) };
}

/**
 * What MilliValue (shift 3) or Value (shift 0) must be for a row. The table holds Go's int64
 * results; where Go overflows, the notes give the exact ceiling (positive values), and for
 * negative values that overflowed inside Go (the table value is then nowhere near the exact
 * value), podlint's exact result must be one of Go's two roundings: floor, or truncation plus one.
 */
function checkScaled(row: Record<string, string>, shift: number, actual: bigint, column: 'milli' | 'value'): void {
  const overflow = new RegExp(`${column} overflows int64 in Go \\(exact ceil=(-?\\d+)\\)`).exec(row.notes ?? '');
  if (overflow) {
    expect(actual, `${column} of ${row.input_json} (exact, where Go overflows)`).toBe(BigInt(overflow[1]!));
    return;
  }
  const table = BigInt(row[column] ?? '');
  const { numerator, denominator } = scaled(row.exact_decimal ?? '', shift);
  const distance = (value: bigint) => value * denominator - numerator; // (value - exact) × denominator
  const goOverflowed = row.notes?.startsWith('negative') && (distance(table) >= 2n * denominator || distance(table) <= -2n * denominator);
  if (!goOverflowed) {
    expect(actual, `${column} of ${row.input_json}`).toBe(table);
    return;
  }
  expect(distance(actual) > -denominator && distance(actual) < 2n * denominator, `${column} of ${row.input_json}: ${actual} near ${row.exact_decimal}`).toBe(true);
}

describe('parseQuantity against quantity-cases.tsv (apimachinery)', () => {
  it('has the rows it should', () => {
    expect(valid.length).toBeGreaterThan(250);
    expect(invalid.length).toBeGreaterThan(20);
  });

  it.each(valid.map((row) => [row.input_json, row] as const))('%s: canonical string, format and exact value', (_, row) => {
    const quantity = parseQuantity(inputOf(row));
    expect(quantity.toString()).toBe(row.canonical);
    expect(quantity.format).toBe(row.format);
    expect(quantity.toDecimalString()).toBe(row.exact_decimal);
    if (row.test_expected_canonical) expect(quantity.toString()).toBe(row.test_expected_canonical);
  });

  it.each(valid.map((row) => [row.input_json, row] as const))('%s: milli value and value, rounded up like Kubernetes', (_, row) => {
    const quantity = parseQuantity(inputOf(row));
    checkScaled(row, 3, quantity.milliValue(), 'milli');
    checkScaled(row, 0, quantity.value(), 'value');
  });

  it.each(valid.map((row) => [row.input_json, row] as const))('%s: as the API server stores it (RoundUp to milli)', (_, row) => {
    expect(parseQuantity(inputOf(row)).roundUp(-3).toString()).toBe(row['apiserver_stored(RoundUp milli)']);
  });

  it.each(invalid.map((row) => [row.input_json, row] as const))('%s: rejected with Kubernetes\' message', (_, row) => {
    expect(() => parseQuantity(inputOf(row))).toThrow(new QuantityError(row.error));
  });
});

describe('quantityFromJson against quantity-json-cases.tsv (UnmarshalJSON)', () => {
  it.each(readTsv('quantity-json-cases.tsv').map((row) => [row.input, row] as const))('%s', (_, row) => {
    const json = JSON.parse(row.input ?? '') as string;
    if (row.valid === 'no') {
      expect(() => quantityFromJson(json)).toThrow(new QuantityError(row.error));
      return;
    }
    const quantity = quantityFromJson(json);
    expect(quantity.toString()).toBe(row.canonical);
    expect(quantity.format ?? '').toBe(row.format);
    expect(quantity.milliValue()).toBe(BigInt(row.milli ?? ''));
    expect(quantity.value()).toBe(BigInt(row.value ?? ''));
    expect(quantity.toDecimalString()).toBe(row.exact);
  });
});

describe('values as the YAML loader hands them over', () => {
  it.each([
    // An unquoted YAML number is a JSON number: 1e3 is 1000, canonically 1k, not the string "1e3".
    [1000, undefined, '1k', 'DecimalSI'],
    ['1e3', undefined, '1e3', 'DecimalExponent'],
    [0.5, undefined, '500m', 'DecimalSI'],
    [0.1, undefined, '100m', 'DecimalSI'],
    // Go writes small and large floats with an exponent, which makes them DecimalExponent.
    [1e-7, undefined, '100e-9', 'DecimalExponent'],
    [1e21, undefined, '1e+21', 'DecimalExponent'],
    [null, undefined, '0', undefined],
    // Beyond 2^53 the scalar's text keeps the integer exact, as go-yaml keeps an int64/uint64.
    [12345678901234567000, '12345678901234567890', '12345678901234567890', 'DecimalSI'],
    [2 ** 64, '18446744073709551616', '18446744073709552k', 'DecimalSI'],
    [' 1Gi', undefined, '1Gi', 'BinarySI'],
  ] as const)('%j (source %s) is %s', (value, source, canonical, format) => {
    const quantity = quantityFromManifestValue(value, source);
    expect(quantity.toString()).toBe(canonical);
    expect(quantity.format).toBe(format);
  });

  it('rejects what Kubernetes rejects, with its message', () => {
    const format = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    expect(() => quantityFromManifestValue(true)).toThrow(format);
    expect(() => quantityFromManifestValue('\t1Gi')).toThrow(format);
    expect(() => quantityFromManifestValue({ a: 1 })).toThrow(format);
    expect(() => quantityFromManifestValue(Infinity)).toThrow('json: unsupported value: +Inf');
    expect(() => quantityFromManifestValue(Number.NaN)).toThrow('json: unsupported value: NaN');
  });

  it('writes strings as Go does, so escaped whitespace is not trimmed', () => {
    expect(goJsonText('a<b\t"')).toBe('"a\\u003cb\\t\\""');
    expect(quantityFromManifestValue('\u00a01 ').toString()).toBe('1');
  });
});

describe('Quantity arithmetic', () => {
  const q = parseQuantity;

  it('compares exactly across formats and far beyond int64', () => {
    expect(q('1Gi').cmp(q('1G'))).toBe(1);
    expect(q('1000m').cmp(q('1'))).toBe(0);
    expect(q('9223372036854775808').cmp(q('9223372036854775807'))).toBe(1);
    expect(q('-1').cmp(q('1m'))).toBe(-1);
    expect(q('1e999999999').cmp(q('1E'))).toBe(1);
    expect(q('-1e999999999').cmp(q('-1E'))).toBe(-1);
  });

  it('adds keeping the first format, or the second when the first is zero (Add)', () => {
    expect(q('100m').add(q('200m')).toString()).toBe('300m');
    expect(q('1').add(q('500m')).toString()).toBe('1500m');
    expect(q('1Gi').add(q('512Mi')).toString()).toBe('1536Mi');
    expect(q('0').add(q('1Gi')).toString()).toBe('1Gi');
    expect(Quantity.zero().add(q('100m')).toString()).toBe('100m');
    expect(q('100m').add(Quantity.zero()).toString()).toBe('100m');
    expect(q('9223372036854775807').add(q('1')).toString()).toBe('9223372036854775808');
    expect(q('1Gi').sub(q('1Gi')).isZero()).toBe(true);
  });

  it('drops the cached original text once the value changes', () => {
    expect(q('+1').toString()).toBe('+1');
    expect(q('+1').add(Quantity.zero()).toString()).toBe('1');
    expect(q('+1').roundUp(-3).toString()).toBe('+1');
  });

  it('multiplies by a whole number (Mul)', () => {
    expect(q('250m').mul(3n).toString()).toBe('750m');
    expect(q('256Mi').mul(3n).toString()).toBe('768Mi');
    expect(q('4Ei').mul(4n).toString()).toBe('16Ei');
    expect(q('100m').mul(0n).isZero()).toBe(true);
  });

  it('rounds up to a scale (RoundUp), as the API server does to milli', () => {
    expect(q('1.0000001').roundUp(-3).toString()).toBe('1001m');
    expect(q('-1.0000001').roundUp(-3).toString()).toBe('-1001m');
    expect(q('5n').roundUp(-3).toString()).toBe('1m');
    expect(q('1500m').roundUp(0).toString()).toBe('2');
  });

  it('prints DecimalSI values beyond E with an exponent instead of dropping it (kubernetes#140459)', () => {
    expect(q('1000E').toString()).toBe('1e21');
    expect(q('4Ei').mul(256n).toString()).toBe('1180591620717411303424');
    expect(q('1Ei').mul(1024n).add(q('0')).format).toBe('BinarySI');
  });

  it('keeps huge exponents symbolic and refuses to materialize them', () => {
    const huge = q('1e999999999');
    expect(huge.toString()).toBe('1e999999999');
    expect(huge.isComputable()).toBe(false);
    expect(() => huge.value()).toThrow(QuantityRangeError);
    expect(q('1e-999999').toString()).toBe('1e-9');
  });
});
