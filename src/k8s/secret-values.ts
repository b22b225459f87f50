// Recognizes credentials written literally into a manifest. Findings never echo the value.

/** A credential format recognizable by its shape, whatever the variable is called. */
interface TokenFormat {
  readonly what: string;
  readonly pattern: RegExp;
}

const TOKEN_FORMATS: readonly TokenFormat[] = [
  { what: 'a private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/ },
  { what: 'an AWS access key', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { what: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/ },
  { what: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/ },
  { what: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { what: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { what: 'a Stripe live key', pattern: /\b[rs]k_live_[0-9A-Za-z]{20,}\b/ },
  { what: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
];

// `scheme://user:password@host`; the password group is checked against placeholders below.
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:([^\s/@]+)@/i;

/** `$(OTHER_VAR)` (expanded by Kubernetes) or `${VAR}` (expanded by a shell or a template tool). */
const REFERENCE = /^\$[({][A-Za-z_][\w.-]*[)}]$/;

/** Values that configure rather than authenticate: empty, a flag, a number, a file path. */
const NOT_A_SECRET = /^(?:|true|false|yes|no|on|off|y|n|enabled|disabled|none|null|nil|\d{1,6}|\/\S*)$/i;

/** What a value looks like when its shape alone gives it away as a credential, else undefined. */
export function credentialFormat(value: string): string | undefined {
  for (const format of TOKEN_FORMATS) if (format.pattern.test(value)) return format.what;
  const password = URL_CREDENTIALS.exec(value)?.[1];
  if (password !== undefined && !REFERENCE.test(password)) return 'a URL with an embedded password';
  return undefined;
}

/** True when a literal value is worth reporting under a secret-looking name. */
export function couldBeSecret(value: string): boolean {
  const trimmed = value.trim();
  return !NOT_A_SECRET.test(trimmed) && !REFERENCE.test(trimmed);
}

/**
 * An environment variable name in the form the name patterns match: camelCase words split with
 * `_` and upper-cased, so `dbPassword`, `DB_PASSWORD` and `db-password` read `DB_PASSWORD`,
 * `DB_PASSWORD` and `DB-PASSWORD`.
 */
export function canonicalEnvName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}
