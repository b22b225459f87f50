import { describe, expect, it } from 'vitest';
import { capabilityName, keepsDefaultCapability } from '../../src/k8s/capabilities.js';
import { isWithin, normalizeHostPath } from '../../src/k8s/host-paths.js';
import { podView } from '../../src/k8s/pod-view.js';
import { canonicalEnvName, couldBeSecret, credentialFormat } from '../../src/k8s/secret-values.js';
import { asBoolean, asInteger, effectiveSetting } from '../../src/k8s/security-context.js';
import { matchesSysctlPattern, normalizeSysctlName, sysctlNamespace } from '../../src/k8s/sysctls.js';
import { loadText } from '../../src/load/load-text.js';

function viewOf(text: string) {
  return podView(loadText('x.yaml', text).documents[0]!.objects[0]!)!;
}

describe('effectiveSetting', () => {
  const view = viewOf(`apiVersion: v1
kind: Pod
spec:
  securityContext: { runAsNonRoot: true, runAsUser: 1000 }
  containers:
    - { name: inherits, image: a:1 }
    - { name: overrides, image: a:1, securityContext: { runAsNonRoot: false } }
    - { name: wrong-type, image: a:1, securityContext: { runAsUser: "0" } }
`);
  const [inherits, overrides, wrongType] = view.containers;

  it('takes the container value over the Pod value, and says where it came from', () => {
    expect(effectiveSetting(view, inherits!, 'runAsNonRoot', asBoolean)).toEqual({ value: true, path: ['spec', 'securityContext', 'runAsNonRoot'], from: 'pod' });
    expect(effectiveSetting(view, overrides!, 'runAsNonRoot', asBoolean)).toEqual({
      value: false,
      path: ['spec', 'containers', 1, 'securityContext', 'runAsNonRoot'],
      from: 'container',
    });
  });

  it('treats a value of the wrong type as unset, as it never reaches the kubelet', () => {
    expect(effectiveSetting(view, wrongType!, 'runAsUser', asInteger)?.from).toBe('pod');
    expect(effectiveSetting(view, inherits!, 'runAsGroup', asInteger)).toBeUndefined();
  });
});

describe('capabilities', () => {
  it.each([
    ['SYS_ADMIN', 'SYS_ADMIN'],
    ['cap_sys_admin', 'SYS_ADMIN'],
    [' CAP_NET_RAW ', 'NET_RAW'],
    ['all', 'ALL'],
  ])('reads %j as the runtime does: %s', (text, name) => {
    expect(capabilityName(text)).toBe(name);
  });

  it.each([
    ['{}', true],
    ['{ drop: [ALL] }', false],
    ['{ drop: [net_raw] }', false],
    ['{ drop: [ALL], add: [NET_RAW] }', true],
    ['{ add: [ALL] }', true],
    ['{ add: [ALL], drop: [ALL] }', false],
    ['{ add: [NET_RAW], drop: [NET_RAW] }', false],
  ])('capabilities %s keep NET_RAW: %s', (capabilities, keeps) => {
    const view = viewOf(`apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - { name: c, image: a:1, securityContext: { capabilities: ${capabilities} } }\n`);
    expect(keepsDefaultCapability(view.containers[0]!, 'NET_RAW')).toBe(keeps);
  });
});

describe('host paths', () => {
  it.each([
    ['/etc/', '/etc'],
    ['//var//lib/./kubelet', '/var/lib/kubelet'],
    ['/var/run/docker.sock', '/run/docker.sock'],
    ['/var/run', '/run'],
    ['/var/runner', '/var/runner'],
    ['/', '/'],
    ['C:\\data', 'C:\\data'],
  ])('normalizes %j to %j', (input, output) => {
    expect(normalizeHostPath(input)).toBe(output);
  });

  it('compares whole segments', () => {
    expect(isWithin('/etc/ssl', '/etc')).toBe(true);
    expect(isWithin('/etcd', '/etc')).toBe(false);
    expect(isWithin('/anything', '/')).toBe(true);
  });
});

describe('sysctls', () => {
  it('normalizes slash-separated names as the kubelet does', () => {
    expect(normalizeSysctlName('net/ipv4/ip_forward')).toBe('net.ipv4.ip_forward');
    expect(normalizeSysctlName('net/ipv4/conf/eth0.100/rp_filter')).toBe('net.ipv4.conf.eth0/100.rp_filter');
    expect(normalizeSysctlName('net.ipv4.conf.eth0/100.rp_filter')).toBe('net.ipv4.conf.eth0/100.rp_filter');
  });

  it.each([
    ['kernel.sem', 'ipc'],
    ['kernel.shmmax', 'ipc'],
    ['kernel.msgmax', 'ipc'],
    ['fs.mqueue.msg_max', 'ipc'],
    ['net.core.somaxconn', 'net'],
    ['kernel.semopm', 'node'],
    ['vm.max_map_count', 'node'],
  ])('%s is in the %s namespace', (name, namespace) => {
    expect(sysctlNamespace(name)).toBe(namespace);
  });

  it('matches kubelet allowlist patterns: a name, or a prefix ending in *', () => {
    expect(matchesSysctlPattern('kernel.msgmax', 'kernel.msg*')).toBe(true);
    expect(matchesSysctlPattern('net.core.somaxconn', 'net/core/somaxconn')).toBe(true);
    expect(matchesSysctlPattern('net.core.somaxconn_x', 'net.core.somaxconn')).toBe(false);
  });
});

describe('secret values', () => {
  it('splits camelCase names into the form name patterns match', () => {
    expect(canonicalEnvName('dbPassword')).toBe('DB_PASSWORD');
    expect(canonicalEnvName('APIKey')).toBe('APIKEY');
    expect(canonicalEnvName('client-secret')).toBe('CLIENT-SECRET');
  });

  it.each([
    ['-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n', 'a private key'],
    ['AKIAIOSFODNN7EXAMPLE', 'an AWS access key'],
    ['github_pat_11ABCDEFG0123456789abcdef', 'a GitHub token'],
    ['glpat-abcdefghij0123456789', 'a GitLab token'],
    ['mongodb+srv://app:pa55@cluster0.example.net/db', 'a URL with an embedded password'],
    ['https://user:$(PASSWORD)@host/', undefined],
    ['${PASSWORD}', undefined],
    ['https://example.com/path', undefined],
    ['plain text', undefined],
  ])('recognizes %j as %s', (value, what) => {
    expect(credentialFormat(value)).toBe(what);
  });

  it.each([
    ['hunter2', true],
    ['', false],
    ['true', false],
    ['8080', false],
    ['/run/secrets/db', false],
    ['$(DB_PASSWORD)', false],
  ])('a literal %j could be a secret: %s', (value, secret) => {
    expect(couldBeSecret(value)).toBe(secret);
  });
});
