import { describe, expect, it } from 'vitest';
import {
  configMapKeyErrors,
  dns1123LabelErrors,
  envVarNameErrors,
  httpHeaderNameErrors,
  localDescendingPathErrors,
  portNumberErrors,
  relaxedEnvVarNameErrors,
} from '../../src/k8s/value-formats.js';

// The classes of values apimachinery's own tests (pkg/util/validation) accept and reject.
describe('apimachinery value formats', () => {
  it.each(['a', 'a-1', 'a--1--b', '0', '1-a', 'a'.repeat(63)])('%s is a DNS label', (value) => {
    expect(dns1123LabelErrors(value)).toEqual([]);
  });

  it.each([
    ['', ["a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"]],
    ['a.b', ['must not contain dots']],
    ['a'.repeat(64), ['must be no more than 63 characters']],
  ])('%j is not a DNS label: %j', (value, errors) => {
    expect(dns1123LabelErrors(value)).toEqual(errors);
  });

  it.each(['A', 'a-', '-a', 'a_b', 'a b', ' ', 'é'])('%j is not a DNS label', (value) => {
    expect(dns1123LabelErrors(value)).toHaveLength(1);
  });

  it('counts a label\'s length in bytes, as Go does', () => {
    expect(dns1123LabelErrors('é'.repeat(32))[0]).toBe('must be no more than 63 characters');
  });

  it('takes any printable ASCII but "=" as a relaxed environment variable name, a space included', () => {
    for (const name of ['-', ':', '_', '+a', 'a.', '0a', '0 a', 'a ', '@a', '~a']) expect(relaxedEnvVarNameErrors(name), name).toEqual([]);
    for (const name of ['=', 'a=', 'a=b', '\u0001abc', '\u0082abc', 'Ç ç', 'tab\there']) {
      expect(relaxedEnvVarNameErrors(name), name).toEqual(["a valid environment variable name must consist only of printable ASCII characters other than '='"]);
    }
    expect(relaxedEnvVarNameErrors('')).toEqual(['environment variable name must be non-empty']);
  });

  it('takes letters, digits, "_", "-" and "." as a strict name, not a leading digit nor "." and ".."', () => {
    for (const name of ['A', 'my.env-name', 'MY_ENV.NAME', '_1', '-x']) expect(envVarNameErrors(name), name).toEqual([]);
    expect(envVarNameErrors('1a')).toHaveLength(1);
    expect(envVarNameErrors('a b')).toHaveLength(1);
    expect(envVarNameErrors('.')).toEqual(["must not be '.'"]);
    expect(envVarNameErrors('..')).toEqual(["must not be '..'"]);
    expect(envVarNameErrors('..a')).toEqual(["must not start with '..'"]);
  });

  it('takes letters, digits, "-", "_" and "." as a ConfigMap key', () => {
    for (const key of ['a', 'good-good', 'still.good', '.so.is.this', 'THIS_IS_GOOD']) expect(configMapKeyErrors(key), key).toEqual([]);
    expect(configMapKeyErrors('..bad')).toEqual(["must not start with '..'"]);
    expect(configMapKeyErrors('b*d')).toEqual([
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
  });

  it('takes letters, digits and "-" as an HTTP header name', () => {
    for (const name of ['Host', 'X-Forwarded-For', '-a', 'A--1']) expect(httpHeaderNameErrors(name), name).toEqual([]);
    for (const name of ['Host:', 'X-@Home', '', 'a_b', 'a.b', 'a b']) expect(httpHeaderNameErrors(name), name).toHaveLength(1);
  });

  it('takes 1 to 65535 as a port number', () => {
    expect([1, 1000, 65535].map(portNumberErrors)).toEqual([[], [], []]);
    expect([0, -1, 65536].map(portNumberErrors)).toEqual(Array(3).fill(['must be between 1 and 65535, inclusive']));
  });

  it('takes a relative path that never names ".." as a subPath', () => {
    for (const path of ['a', 'a/b', 'a/..b', '..a/b', './a']) expect(localDescendingPathErrors(path), path).toEqual([]);
    expect(localDescendingPathErrors('/a')).toEqual(['must be a relative path']);
    expect(localDescendingPathErrors('a/../b')).toEqual(["must not contain '..'"]);
    expect(localDescendingPathErrors('/..')).toEqual(['must be a relative path', "must not contain '..'"]);
  });
});
