import { defineRule } from '../src/engine/define-rule.js';
import { globToRegExp } from '../src/glob-pattern.js';
import { parseImageReference } from '../src/k8s/image-reference.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';
import { asString } from '../src/json.js';

export default defineRule({
  id: 'image-pull-policy',
  meta: {
    type: 'suggestion',
    defaultSeverity: 'off',
    docs: {
      description:
        'Require imagePullPolicy Always for images referenced by a mutable tag (latest, no tag, or a tag matching the mutableTags option), so every node runs the image the tag names now.',
      remediation:
        'Set `imagePullPolicy: Always` (or remove IfNotPresent or Never), or better, pin the image to an immutable version tag or digest.',
      rationale:
        'Off by default: pinning images (latest-image-tag) is the better fix, and Kubernetes already defaults imagePullPolicy to Always for latest and untagged images. Turn it on, with mutableTags, where a team deploys moving tags such as main or *-SNAPSHOT on purpose.',
    },
    messages: {
      notAlways:
        '{{role}} "{{container}}" pulls the mutable tag {{tag}} of "{{image}}" with imagePullPolicy {{policy}}: each node keeps whichever image it pulled first.',
      defaultsToIfNotPresent:
        '{{role}} "{{container}}" pulls the mutable tag {{tag}} of "{{image}}" without an imagePullPolicy, which defaults to IfNotPresent for this tag: each node keeps whichever image it pulled first.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        mutableTags: {
          type: 'array',
          items: { type: 'string' },
          description:
            'Tags treated as mutable besides `latest` and no tag (`*` matches any characters), e.g. `main`, `*-SNAPSHOT`.',
        },
      },
    },
    defaultOptions: { mutableTags: [] as string[] },
  },
  prepare: (options) => ({ mutable: options.mutableTags.map(globToRegExp) }),
  check({ pod, report }, { mutable }) {
    for (const container of pod.containers) {
      const image = asString(container.spec.image);
      if (image === undefined || image.trim() === '') continue; // a missing image is a schema finding
      const { tag, digest } = parseImageReference(image);
      if (digest !== undefined) continue;
      // Kubernetes defaults imagePullPolicy to Always for latest or no tag, else to IfNotPresent.
      const defaultsToAlways = tag === undefined || tag === 'latest';
      if (!defaultsToAlways && !mutable.some((pattern) => pattern.test(tag))) continue;
      const data = {
        role: CONTAINER_ROLE_LABELS[container.role],
        container: container.name,
        tag: tag === undefined ? '(none, which means latest)' : `"${tag}"`,
        image,
      };
      const policy = asString(container.spec.imagePullPolicy) || undefined; // empty is defaulted like missing
      const path = [...container.path, 'imagePullPolicy'];
      if (policy !== undefined && policy !== 'Always') {
        report({ path, messageId: 'notAlways', data: { ...data, policy }, fix: { title: 'Set imagePullPolicy to Always', path, text: 'Always' } });
      } else if (policy === undefined && !defaultsToAlways) {
        report({ path: [...container.path, 'image'], messageId: 'defaultsToIfNotPresent', data });
      }
    }
  },
});
