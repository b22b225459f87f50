import { defineRule } from '../src/engine/define-rule.js';
import { unservedApi } from '../src/validate/api-versions.js';
import { validateObject } from '../src/validate/validate-object.js';

export default defineRule({
  id: 'removed-api-version',
  meta: {
    type: 'problem',
    scope: 'object',
    defaultSeverity: 'error',
    docs: {
      description:
        'Forbid apiVersions of built-in kinds that the chosen Kubernetes version does not serve, such as extensions/v1beta1 Deployment (removed in 1.16) or batch/v1beta1 CronJob (removed in 1.25).',
      remediation:
        'Move the object to the apiVersion the message names (for example apps/v1 for a Deployment) and adapt the fields that changed, or choose the Kubernetes version you target with --kubernetes-version.',
    },
    messages: {
      removed: '{{apiVersion}} {{kind}} was removed in Kubernetes {{removedIn}}; use {{replacement}}.',
      removedForGood: '{{apiVersion}} {{kind}} was removed in Kubernetes {{removedIn}}, and Kubernetes {{version}} has no {{kind}} at all.',
      notYet: '{{apiVersion}} {{kind}} is not served by Kubernetes {{version}} (it is from Kubernetes {{servedFrom}} on).',
      unserved: '{{apiVersion}} {{kind}} is not served by Kubernetes {{version}}; use {{replacement}}.',
      unknown: 'Kubernetes {{version}} serves no {{kind}} in {{apiVersion}} (a misspelled kind or apiVersion?).',
      misspelled: 'Kubernetes {{version}} serves no {{kind}} in {{apiVersion}}; did you mean {{closestKind}}?',
    },
    defaultOptions: {},
  },
  check({ object, kubernetesVersion: version, customSchemas, report }) {
    const validation = validateObject(object, { kubernetesVersion: version, customSchemas });
    if (validation.status !== 'unserved') return;
    const { apiVersion, kind } = validation;
    const api = unservedApi(version, apiVersion, kind);
    const replacement = api.servedAs.join(' or ');
    const data = { apiVersion, kind, version, replacement, removedIn: api.removedIn ?? '', servedFrom: api.servedFrom ?? '', closestKind: api.closestKind ?? '' };
    const path = ['apiVersion'];
    if (api.removedIn !== undefined && api.servedAs.length > 0) report({ path, messageId: 'removed', data });
    else if (api.removedIn !== undefined) report({ path, messageId: 'removedForGood', data });
    else if (api.servedFrom !== undefined) report({ path, messageId: 'notYet', data });
    else if (api.servedAs.length > 0) report({ path, messageId: 'unserved', data });
    else if (api.closestKind !== undefined) report({ path: ['kind'], messageId: 'misspelled', data });
    else report({ path, messageId: 'unknown', data });
  },
});
