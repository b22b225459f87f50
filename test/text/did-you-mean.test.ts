import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/text/did-you-mean.js';

describe('didYouMean', () => {
  it('finds typos, transpositions and case slips, and nothing far off', () => {
    expect(didYouMean('imagePullPolicyy', ['image', 'imagePullPolicy', 'imagePullSecrets'])).toBe('imagePullPolicy');
    expect(didYouMean('contianers', ['containers', 'initContainers'])).toBe('containers');
    expect(didYouMean('ImagePullPolicy', ['imagePullPolicy'])).toBe('imagePullPolicy');
    expect(didYouMean('latest-imgae-tag', ['latest-image-tag', 'image-pull-policy'])).toBe('latest-image-tag');
    expect(didYouMean('volumes', ['containers', 'hostname'])).toBeUndefined();
  });

  it('allows a third of the name, at least one edit and at most three', () => {
    expect(didYouMean('ab', ['ac'])).toBe('ac');
    expect(didYouMean('missing-resource-requests', ['missing-resource-limits'])).toBeUndefined();
    expect(didYouMean('terminationGracePeriodSec', ['terminationGracePeriodSeconds'])).toBeUndefined();
    expect(didYouMean('terminationGracePeriodSecnd', ['terminationGracePeriodSeconds'])).toBe('terminationGracePeriodSeconds');
  });

  it('breaks ties alphabetically, whatever the order of the candidates', () => {
    expect(didYouMean('cat', ['cbt', 'cit'])).toBe('cbt');
    expect(didYouMean('cat', ['cit', 'cbt'])).toBe('cbt');
  });
});
