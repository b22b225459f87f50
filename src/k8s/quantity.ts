// Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource), reimplemented with
// bigint so that every value is exact. The parser, the canonical String() and the rounding of
// MilliValue()/Value() follow apimachinery step by step, quirks included: which of its two
// internal representations (an int64 with a decimal scale, or an inf.Dec) Go would pick decides
// how negative values round, and whether the original text is kept as the string form.

/** How a quantity prints: binary suffixes (Ki, Mi...), decimal SI suffixes (m, k, M...) or `e<n>`. */
export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

export const QUANTITY_ERRORS = {
  /** `ErrFormatWrong`: the text is not a number followed by a suffix. */
  format: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
  /** `ErrSuffix`: the suffix is none of the known ones. */
  suffix: "unable to parse quantity's suffix",
  /** `ErrNumeric`: the number part has no digits where Go needs some. */
  numeric: 'unable to parse numeric part of quantity',
} as const;

/** A quantity Kubernetes would reject; the message is Kubernetes' own text. */
export class QuantityError extends Error {
  override name = 'QuantityError';
}

/**
 * Arithmetic on a quantity whose exponent is so large (`1e999999999`) that computing its exact
 * value would need more than {@link MAX_EXACT_DIGITS} digits. Kubernetes parses such text but
 * cannot compute with it either (its int64 arithmetic overflows to 0).
 */
export class QuantityRangeError extends RangeError {
  override name = 'QuantityRangeError';
}

/** The most decimal digits podlint materializes for one exact value. */
export const MAX_EXACT_DIGITS = 4096;

/**
 * The largest order of magnitude (digits plus exponent) a quantity read from a manifest may have
 * for podlint to sum and compare it exactly; far beyond any real resource (int64 ends at 10^19).
 */
export const MAX_EXACT_MAGNITUDE = 4000;

/** Go's int32 and int64 bounds, where apimachinery's fast paths stop. */
const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
/** Parsed BinarySI values are capped here (`maxAllowed`). */
const MAX_ALLOWED = INT64_MAX;
/** Go's `maxInt64Factors`: decimal digits that always fit in an int64. */
const MAX_INT64_FACTORS = 18;
/** `Nano`: parsed values are rounded up to nine decimal places. */
const NANO = -9;

const DECIMAL_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['n', -9],
  ['u', -6],
  ['m', -3],
  ['', 0],
  ['k', 3],
  ['M', 6],
  ['G', 9],
  ['T', 12],
  ['P', 15],
  ['E', 18],
]);
const BINARY_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['Ki', 10],
  ['Mi', 20],
  ['Gi', 30],
  ['Ti', 40],
  ['Pi', 50],
  ['Ei', 60],
]);
const DECIMAL_SUFFIX_OF = new Map([...DECIMAL_SUFFIXES].map(([suffix, exponent]) => [exponent, suffix]));
const BINARY_SUFFIX_OF = new Map([[0, ''], ...[...BINARY_SUFFIXES].map(([suffix, exponent]) => [exponent, suffix] as const)]);

interface QuantityParts {
  /** The value is `mantissa × 10^exponent`. */
  readonly mantissa: bigint;
  /** Go's int64Amount scale, or minus the inf.Dec scale: the number of trailing zeros it keeps. */
  readonly exponent: number;
  /** True when Go holds the value as an int64Amount (its fast path), false for an inf.Dec. */
  readonly int64: boolean;
  readonly format: QuantityFormat | undefined;
  /** The text Go keeps and prints as is, when the parsed text was already canonical. */
  readonly cached: string | undefined;
}

/**
 * An exact resource quantity. Immutable: arithmetic returns a new quantity, as Go's methods
 * would leave the receiver (its cached string dropped where Go drops it).
 */
export class Quantity {
  readonly #mantissa: bigint;
  readonly #exponent: number;
  readonly #int64: boolean;
  readonly #cached: string | undefined;
  /** The format it prints in; undefined for the zero value (Go's empty Format, e.g. JSON null). */
  readonly format: QuantityFormat | undefined;

  /** @internal Use {@link parseQuantity}, {@link Quantity.zero} or arithmetic. */
  constructor(parts: QuantityParts) {
    this.#mantissa = parts.mantissa;
    this.#exponent = parts.exponent;
    this.#int64 = parts.int64;
    this.format = parts.format;
    this.#cached = parts.cached;
  }

  /** Go's zero `Quantity{}` (what JSON `null` decodes to), or a zero of a given format. */
  static zero(format?: QuantityFormat): Quantity {
    return new Quantity({ mantissa: 0n, exponent: 0, int64: true, format, cached: undefined });
  }

  /** A whole number, as `resource.NewQuantity(value, format)`. */
  static fromInteger(value: bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    const int64 = value >= INT64_MIN && value <= INT64_MAX;
    return new Quantity({ mantissa: value, exponent: 0, int64, format, cached: undefined });
  }

  get sign(): -1 | 0 | 1 {
    return this.#mantissa === 0n ? 0 : this.#mantissa < 0n ? -1 : 1;
  }

  isZero(): boolean {
    return this.#mantissa === 0n;
  }

  /** Kubernetes' canonical string (`String()`): the largest exact suffix, no fraction digits. */
  toString(): string {
    return this.#cached ?? canonicalString(this);
  }

  toJSON(): string {
    return this.toString();
  }

  /** The exact value as a plain decimal with the scale Kubernetes holds (`AsDec().String()`): `0.100` for 100m. */
  toDecimalString(): string {
    return decimalString(this.#mantissa, this.#exponent);
  }

  /**
   * The value in thousandths (`MilliValue()`), rounded up as Kubernetes rounds, but exact where
   * Go's int64 would overflow.
   */
  milliValue(): bigint {
    return this.scaledValue(-3);
  }

  /** The value (`Value()`), rounded up as Kubernetes rounds, exact beyond int64. */
  value(): bigint {
    return this.scaledValue(0);
  }

  /**
   * The value in units of 10^scale (`ScaledValue`). Positive values round up. Negative values
   * round the way Go happens to: away from zero for its int64 form, towards zero plus one for its
   * inf.Dec form (so -0.5 gives -1 from "-500m" but 1 from "-0.5e-9").
   */
  scaledValue(scale: number): bigint {
    const shift = this.#exponent - scale;
    if (shift >= 0) return this.#mantissa * pow10(shift);
    const [truncated, exact] = truncatedDivision(this.#mantissa, -shift);
    if (exact) return truncated;
    if (this.#int64) return this.#mantissa < 0n ? truncated - 1n : truncated + 1n;
    return truncated + 1n;
  }

  /** Compares values exactly: -1, 0 or 1 (`Cmp`). */
  cmp(other: Quantity): -1 | 0 | 1 {
    return compareParts(this.#mantissa, this.#exponent, other.#mantissa, other.#exponent);
  }

  equals(other: Quantity): boolean {
    return this.cmp(other) === 0;
  }

  /** The sum (`Add`): the format is this quantity's, or the other's when this one is zero. */
  add(other: Quantity): Quantity {
    const format = this.isZero() ? other.format : this.format;
    if (this.#int64 && other.#int64) {
      const sum = int64Add(this.#mantissa, this.#exponent, other.#mantissa, other.#exponent);
      if (sum) return new Quantity({ ...sum, int64: true, format, cached: undefined });
    }
    const [a, b, exponent] = aligned(this.#mantissa, this.#exponent, other.#mantissa, other.#exponent);
    return new Quantity({ mantissa: a + b, exponent, int64: false, format, cached: undefined });
  }

  /** The difference (`Sub`), with the same format rule as {@link add}. */
  sub(other: Quantity): Quantity {
    return this.add(other.neg());
  }

  /** The negation (`Neg`). */
  neg(): Quantity {
    return new Quantity({ mantissa: -this.#mantissa, exponent: this.#exponent, int64: this.#int64, format: this.format, cached: undefined });
  }

  /** The product with a whole number (`Mul`), e.g. a pod's requests times its replicas. */
  mul(factor: bigint): Quantity {
    const mantissa = this.#mantissa * factor;
    if (mantissa === 0n) return new Quantity({ mantissa: 0n, exponent: factor === 0n ? 0 : this.#exponent, int64: this.#int64, format: this.format, cached: undefined });
    const int64 = this.#int64 && mantissa >= INT64_MIN && mantissa <= INT64_MAX;
    return new Quantity({ mantissa, exponent: this.#exponent, int64, format: this.format, cached: undefined });
  }

  /**
   * Rounds up (away from zero) to a multiple of 10^scale (`RoundUp`). The API server does this
   * with scale -3 to every requests and limits value it stores.
   */
  roundUp(scale: number): Quantity {
    if (this.#int64) {
      if (this.#exponent >= scale) return this;
      return new Quantity({ mantissa: this.scaledValue(scale), exponent: scale, int64: true, format: this.format, cached: undefined });
    }
    return new Quantity({ mantissa: roundAwayFromZero(this.#mantissa, this.#exponent, scale), exponent: scale, int64: false, format: this.format, cached: undefined });
  }

  /**
   * False when the value is too large to compute with exactly (more than
   * {@link MAX_EXACT_MAGNITUDE} digits); such a quantity only compares and prints.
   */
  isComputable(): boolean {
    return this.#mantissa === 0n || decimalDigits(this.#mantissa) + this.#exponent <= MAX_EXACT_MAGNITUDE;
  }

  /** @internal The parts canonical formatting works on. */
  parts(): QuantityParts {
    return { mantissa: this.#mantissa, exponent: this.#exponent, int64: this.#int64, format: this.format, cached: this.#cached };
  }
}

/**
 * Parses a quantity exactly as Kubernetes' `ParseQuantity` does, accepting what it accepts
 * (`+1`, `1.`, `.5`, `1e+3`, even `-` and `.`, which are zero) and throwing a
 * {@link QuantityError} with Kubernetes' message otherwise.
 */
export function parseQuantity(text: string): Quantity {
  if (text.length === 0) throw new QuantityError(QUANTITY_ERRORS.format);
  if (text === '0') return new Quantity({ mantissa: 0n, exponent: 0, int64: true, format: 'DecimalSI', cached: text });

  const { positive, value, num, denom, suffix } = scanQuantity(text);
  const interpreted = interpretSuffix(suffix);
  if (!interpreted) throw new QuantityError(QUANTITY_ERRORS.suffix);
  const { base, exponent } = interpreted;
  let { format } = interpreted;

  // The int64 fast path, when the digits and the suffix leave enough precision.
  let precision: number;
  let scale = 0;
  let multiplier = 1n;
  if (format === 'BinarySI') {
    if (exponent >= 0 && denom.length === 0) {
      multiplier = 1n << BigInt(exponent);
      precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
    } else {
      precision = -1;
    }
  } else {
    scale = exponent;
    precision = MAX_INT64_FACTORS - (num.length + denom.length);
  }
  if (precision >= 0) {
    scale = int32(scale - denom.length);
    if (scale >= NANO) {
      const shifted = num + denom;
      const digits = BigInt(shifted);
      const product = digits * multiplier;
      if (product <= INT64_MAX) {
        const mantissa = positive ? product : -product;
        // Go keeps the original text as the string form when it is already canonical.
        const canonical =
          format === 'BinarySI'
            ? exponent % 10 === 0 && (digits & 7n) !== 0n
            : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
        return new Quantity({ mantissa, exponent: scale, int64: true, format, cached: canonical ? text : undefined });
      }
    }
  }

  // The inf.Dec path: exact, then rounded up to nano and capped.
  const decimal = parseDecimal(value);
  if (!decimal) throw new QuantityError(QUANTITY_ERRORS.numeric);
  let { mantissa, exponent: decimalExponent } = decimal;
  if (base === 10) decimalExponent = int32(decimalExponent + exponent);
  else mantissa *= 1n << BigInt(exponent);
  const negative = mantissa < 0n;
  if (negative) mantissa = -mantissa;
  if (mantissa !== 0n) {
    // Rounds up to the minimum representable value: if you ask for some, you get some.
    mantissa = roundAwayFromZero(mantissa, decimalExponent, NANO);
    decimalExponent = NANO;
  }
  if (format === 'BinarySI' && compareParts(mantissa, decimalExponent, MAX_ALLOWED, 0) > 0) {
    mantissa = MAX_ALLOWED;
    decimalExponent = 0;
  }
  if (format === 'BinarySI' && compareParts(mantissa, decimalExponent, 1n, 0) < 0) format = 'DecimalSI';
  return new Quantity({ mantissa: negative ? -mantissa : mantissa, exponent: decimalExponent, int64: false, format, cached: undefined });
}

interface ScannedQuantity {
  readonly positive: boolean;
  /** The number as written (sign included), for the inf.Dec path. */
  readonly value: string;
  /** The integer digits without leading zeros ("0" when there are none). */
  readonly num: string;
  /** The fraction digits. */
  readonly denom: string;
  readonly suffix: string;
}

const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';

/** apimachinery's `parseQuantityString`: a hand-written scanner, more lenient than its regex. */
function scanQuantity(text: string): ScannedQuantity {
  const end = text.length;
  let positive = true;
  let pos = 0;
  if (text[0] === '-') {
    positive = false;
    pos++;
  } else if (text[0] === '+') {
    pos++;
  }
  // Leading zeros; all zeros is zero, whatever follows (there is nothing).
  while (pos < end && text[pos] === '0') pos++;
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };

  let start = pos;
  while (pos < end && isDigit(text[pos])) pos++;
  let num = text.slice(start, pos);
  if (pos >= end) return { positive, value: text, num, denom: '', suffix: '' };
  if (num.length === 0) num = '0';

  let denom = '';
  if (text[pos] === '.') {
    pos++;
    start = pos;
    while (pos < end && isDigit(text[pos])) pos++;
    denom = text.slice(start, pos);
    if (pos >= end) return { positive, value: text, num, denom, suffix: '' };
  }
  const value = text.slice(0, pos);

  const suffixStart = pos;
  while (pos < end && 'eEinumkKMGTP'.includes(text[pos]!)) pos++;
  if (pos < end && (text[pos] === '-' || text[pos] === '+')) pos++;
  while (pos < end && isDigit(text[pos])) pos++;
  if (pos < end) throw new QuantityError(QUANTITY_ERRORS.format);
  return { positive, value, num, denom, suffix: text.slice(suffixStart) };
}

interface Suffix {
  readonly base: 2 | 10;
  readonly exponent: number;
  readonly format: QuantityFormat;
}

function interpretSuffix(suffix: string): Suffix | undefined {
  const decimal = DECIMAL_SUFFIXES.get(suffix);
  if (decimal !== undefined) return { base: 10, exponent: decimal, format: 'DecimalSI' };
  const binary = BINARY_SUFFIXES.get(suffix);
  if (binary !== undefined) return { base: 2, exponent: binary, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    // strconv.ParseInt(.., 10, 64), then truncated to int32 as Go does.
    const digits = suffix.slice(1);
    if (!/^[+-]?\d+$/.test(digits)) return undefined;
    const parsed = BigInt(digits);
    if (parsed < INT64_MIN || parsed > INT64_MAX) return undefined;
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' };
  }
  return undefined;
}

/** inf.Dec's `SetString`: an optional sign, digits with at most one point, at least one digit. */
function parseDecimal(text: string): { mantissa: bigint; exponent: number } | undefined {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction = ''] = match;
  if (whole.length + fraction.length === 0) return undefined;
  const magnitude = BigInt(whole + fraction);
  return { mantissa: sign === '-' ? -magnitude : magnitude, exponent: -fraction.length };
}

function int32(value: number): number {
  return value | 0;
}

function pow10(exponent: number): bigint {
  if (exponent > MAX_EXACT_DIGITS) {
    throw new QuantityRangeError(`A quantity with 10^${exponent} is beyond the ${MAX_EXACT_DIGITS} digits podlint computes exactly.`);
  }
  return 10n ** BigInt(exponent);
}

function decimalDigits(value: bigint): number {
  return (value < 0n ? -value : value).toString().length;
}

/** Compares m1×10^e1 with m2×10^e2 without materializing huge powers when the sizes differ. */
function compareParts(m1: bigint, e1: number, m2: bigint, e2: number): -1 | 0 | 1 {
  const s1 = m1 === 0n ? 0 : m1 < 0n ? -1 : 1;
  const s2 = m2 === 0n ? 0 : m2 < 0n ? -1 : 1;
  if (s1 !== s2) return s1 < s2 ? -1 : 1;
  if (s1 === 0) return 0;
  // Same sign: compare magnitudes by their number of digits first.
  const size1 = decimalDigits(m1) + e1;
  const size2 = decimalDigits(m2) + e2;
  if (size1 !== size2) return (size1 < size2) === (s1 > 0) ? -1 : 1;
  const [a, b] = aligned(m1, e1, m2, e2);
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Both mantissas at the smaller exponent, and that exponent. */
function aligned(m1: bigint, e1: number, m2: bigint, e2: number): [bigint, bigint, number] {
  if (e1 === e2) return [m1, m2, e1];
  if (m1 === 0n) return [0n, m2, e2];
  if (m2 === 0n) return [m1, 0n, e1];
  return e1 < e2 ? [m1, m2 * pow10(e2 - e1), e1] : [m1 * pow10(e1 - e2), m2, e2];
}

/** Go's int64Amount.Add: fails (undefined) where Go would overflow and switch to inf.Dec. */
function int64Add(m1: bigint, e1: number, m2: bigint, e2: number): { mantissa: bigint; exponent: number } | undefined {
  if (m2 === 0n) return { mantissa: m1, exponent: e1 };
  if (m1 === 0n) return { mantissa: m2, exponent: e2 };
  const fits = (value: bigint) => value >= INT64_MIN && value <= INT64_MAX;
  // Scaling up by more than 18 digits always overflows an int64 (unless the value is zero).
  if (Math.abs(e1 - e2) > MAX_INT64_FACTORS) return undefined;
  const [a, b, exponent] = aligned(m1, e1, m2, e2);
  if (!fits(a) || !fits(b) || !fits(a + b)) return undefined;
  return { mantissa: a + b, exponent };
}

/** m×10^e rounded away from zero to a multiple of 10^scale, as a mantissa at that scale. */
function roundAwayFromZero(mantissa: bigint, exponent: number, scale: number): bigint {
  const shift = exponent - scale;
  if (shift >= 0) return mantissa * pow10(shift);
  const [truncated, exact] = truncatedDivision(mantissa, -shift);
  if (exact) return truncated;
  return mantissa < 0n ? truncated - 1n : truncated + 1n;
}

/** mantissa / 10^digits truncated towards zero, and whether it was exact; no huge power built. */
function truncatedDivision(mantissa: bigint, digits: number): [bigint, boolean] {
  if (mantissa === 0n) return [0n, true];
  if (digits > decimalDigits(mantissa)) return [0n, false];
  const divisor = 10n ** BigInt(digits);
  const truncated = mantissa / divisor;
  return [truncated, truncated * divisor === mantissa];
}

/** inf.Dec's String(): the mantissa with the decimal point placed by the exponent. */
function decimalString(mantissa: bigint, exponent: number): string {
  if (exponent >= 0) return mantissa === 0n || exponent === 0 ? mantissa.toString() : `${mantissa}${'0'.repeat(exponent)}`;
  const negative = mantissa < 0n;
  const digits = (negative ? -mantissa : mantissa).toString().padStart(-exponent + 1, '0');
  const point = digits.length + exponent;
  return `${negative ? '-' : ''}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Moves factors of `base` out of the mantissa: (m, count) with m not divisible by base. */
function removeFactors(value: bigint, base: bigint): [bigint, number] {
  let times = 0;
  while (value !== 0n && value % base === 0n) {
    value /= base;
    times++;
  }
  return [value, times];
}

/** `AsCanonicalBytes`: the mantissa and an exponent that is a multiple of three. */
function canonicalDecimal(mantissa: bigint, exponent: number): [bigint, number] {
  const [stripped, times] = removeFactors(mantissa, 10n);
  let amount = stripped;
  let e = exponent + times;
  const remainder = ((e % 3) + 3) % 3;
  if (remainder !== 0) {
    amount *= 10n ** BigInt(remainder);
    e -= remainder;
  }
  return [amount, e];
}

/**
 * `CanonicalizeBytes`. Where no SI suffix exists for the exponent (beyond E, 10^18, or beyond
 * Ei), Kubernetes used to drop the exponent and print only the mantissa ("1000E" printed as
 * "1"); it now falls back to the exponent form (kubernetes/kubernetes#140459), as podlint does.
 */
function canonicalString(quantity: Quantity): string {
  if (quantity.isZero()) return '0';
  const { mantissa, exponent } = quantity.parts();
  let format: QuantityFormat = quantity.format ?? 'DecimalExponent';
  let binaryValue = 0n;
  if (format === 'BinarySI') {
    const small = compareParts(mantissa, exponent, -1024n, 0) > 0 && compareParts(mantissa, exponent, 1024n, 0) < 0;
    const whole = roundAwayFromZero(mantissa, exponent, 0);
    if (small || compareParts(whole, 0, mantissa, exponent) !== 0) format = 'DecimalSI';
    else binaryValue = whole;
  }
  if (format === 'BinarySI') {
    const [amount, times] = removeFactors(binaryValue, 1024n);
    const suffix = BINARY_SUFFIX_OF.get(times * 10);
    if (suffix !== undefined) return `${amount}${suffix}`;
    format = 'DecimalExponent';
  }
  const [amount, e] = canonicalDecimal(mantissa, exponent);
  if (format === 'DecimalSI') {
    const suffix = DECIMAL_SUFFIX_OF.get(e);
    if (suffix !== undefined) return `${amount}${suffix}`;
  }
  return e === 0 ? `${amount}` : `${amount}e${e}`;
}
