import { defineRule } from '../src/engine/define-rule.js';
import { parseImageReference } from '../src/k8s/image-reference.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';
import { asString } from '../src/json.js';
import { globToRegExp } from '../src/glob-pattern.js';

export default defineRule({
  id: 'latest-image-tag',
  meta: {
    type: 'problem',
    defaultSeverity: 'warning',
    docs: {
      description: 'Require images pinned to a tag other than latest, or to a digest.',
      remediation:
        'Pin the image to an immutable version tag (nginx:1.27.2) or a digest (nginx@sha256:...), so every node runs the same image and rollbacks mean something.',
    },
    messages: {
      latest: '{{role}} "{{container}}" uses the mutable tag latest of "{{image}}".',
      untagged: '{{role}} "{{container}}" has no tag on "{{image}}", which means latest.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowedImages: {
          type: 'array',
          items: { type: 'string' },
          description: 'Image patterns exempt from this rule (`*` matches any characters), e.g. `registry.local/dev/*`.',
        },
      },
    },
    defaultOptions: { allowedImages: [] as string[] },
  },
  prepare: (options) => ({ allowed: options.allowedImages.map(globToRegExp) }),
  check({ pod, report }, { allowed }) {
    for (const container of pod.containers) {
      const image = asString(container.spec.image);
      if (image === undefined || image.trim() === '') continue; // a missing image is a schema finding
      const reference = parseImageReference(image);
      if (reference.digest !== undefined || allowed.some((pattern) => pattern.test(image))) continue;
      const data = { role: CONTAINER_ROLE_LABELS[container.role], container: container.name, image };
      if (reference.tag === undefined) report({ path: [...container.path, 'image'], messageId: 'untagged', data });
      else if (reference.tag === 'latest') report({ path: [...container.path, 'image'], messageId: 'latest', data });
    }
  },
});
