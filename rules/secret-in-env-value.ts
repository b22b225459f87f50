import { defineRule } from '../src/engine/define-rule.js';
import { asArray, asObject, asString } from '../src/json.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';
import { canonicalEnvName, couldBeSecret, credentialFormat } from '../src/k8s/secret-values.js';

// Every role: an init container's or a sidecar's environment is stored in the manifest, and shown
// by `kubectl describe`, like any other. Messages name the variable, never its value.

export default defineRule({
  id: 'secret-in-env-value',
  meta: {
    type: 'problem',
    defaultSeverity: 'warning',
    tags: ['security'],
    securitySeverity: 7.0,
    docs: {
      description:
        'Forbid literal secrets in environment variables of any container role: a value under a secret-like name (PASSWORD, TOKEN, API_KEY...) or one shaped like a credential (private key, cloud or Git token, JWT, URL with a password).',
      remediation:
        'Move the value into a Secret and reference it with `valueFrom.secretKeyRef` (or mount the Secret as a file), then rotate the credential: it is in the manifest\'s history.',
      rationale:
        'A literal value in a manifest is stored in Git, in the API server\'s object, and shown by `kubectl describe`; credentials belong in a Secret. The rule reports a value under a name that looks like a secret (the name upper-cased with `_` between camelCase words, matched against `secretNames`, minus `ignoredNames` such as `_FILE` or `_URL`), unless the value is empty, a flag, a number, a file path or a `$(VAR)` reference; and, whatever the name, a value shaped like a credential (private keys, AWS, GitHub, GitLab, Slack, Google and Stripe keys, JSON Web Tokens, URLs with a password). Every role is checked. Messages never repeat the value.',
    },
    messages: {
      secretName: '{{role}} "{{container}}" sets {{name}} to a literal value; a variable named like a secret should come from a Secret.',
      credential: '{{role}} "{{container}}" sets {{name}} to what looks like {{what}}; credentials should come from a Secret.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        secretNames: {
          type: 'array',
          items: { type: 'string' },
          description:
            'Regular expressions (case-insensitive) for names that hold secrets, matched against the name upper-cased with `_` between camelCase words (`dbPassword` reads `DB_PASSWORD`).',
        },
        ignoredNames: {
          type: 'array',
          items: { type: 'string' },
          description: 'Regular expressions for names never reported by name (matched the same way), such as `_FILE$` for `PASSWORD_FILE`.',
        },
        detectCredentials: {
          type: 'boolean',
          description: 'Also report values shaped like a credential, whatever the variable is called.',
        },
      },
    },
    defaultOptions: {
      secretNames: [
        'PASSWORD',
        'PASSWD',
        'PASSPHRASE',
        '(^|_)PASS$',
        'SECRET',
        'TOKEN',
        'API_?KEY',
        'ACCESS_?KEY',
        'PRIVATE_?KEY',
        'SIGNING_?KEY',
        'ENCRYPTION_?KEY',
        'CREDENTIALS?',
      ],
      // Names that carry a secret's name, location or settings rather than the secret itself.
      ignoredNames: [
        '_(FILE|PATH|DIR|NAME|KEY_?ID|ID|REF|URL|URI|ENDPOINT|HOST|PORT|USER|USERNAME|TYPE|MODE|LENGTH|TTL|TIMEOUT|EXPIRY|EXPIRATION|LIFETIME|ENABLED|REQUIRED|HEADER|ALGORITHM|VERSION|PROVIDER)$',
      ],
      detectCredentials: true,
    },
  },
  prepare: (options) => ({
    secretNames: options.secretNames.map(compilePattern),
    ignoredNames: options.ignoredNames.map(compilePattern),
    detectCredentials: options.detectCredentials,
  }),
  check({ pod, report }, { secretNames, ignoredNames, detectCredentials }) {
    for (const container of pod.containers) {
      asArray(container.spec.env).forEach((item, index) => {
        const variable = asObject(item);
        const name = asString(variable?.name);
        const value = asString(variable?.value);
        if (name === undefined || value === undefined) return;
        const path = [...container.path, 'env', index, 'value'];
        const data = { role: CONTAINER_ROLE_LABELS[container.role], container: container.name, name };
        const what = detectCredentials ? credentialFormat(value) : undefined;
        if (what) {
          report({ path, messageId: 'credential', data: { ...data, what } });
          return;
        }
        const canonical = canonicalEnvName(name);
        if (!secretNames.some((pattern) => pattern.test(canonical)) || ignoredNames.some((pattern) => pattern.test(canonical))) return;
        if (couldBeSecret(value)) report({ path, messageId: 'secretName', data });
      });
    }
  },
});

/** A configured pattern; a bad one is a configuration mistake, reported as such by the engine. */
function compilePattern(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'i');
  } catch {
    throw new Error(`${JSON.stringify(pattern)} is not a regular expression`);
  }
}
