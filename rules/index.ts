// The registry of built-in rules. One rule per file; the file name is the rule id (a test checks).
import type { AnyRule } from '../src/engine/define-rule.js';
import duplicateContainerName from './duplicate-container-name.js';
import duplicateContainerPort from './duplicate-container-port.js';
import duplicateEnvVar from './duplicate-env-var.js';
import duplicateKey from './duplicate-key.js';
import duplicateListEntry from './duplicate-list-entry.js';
import duplicateMountPath from './duplicate-mount-path.js';
import fileTooLarge from './file-too-large.js';
import fractionalByteQuantity from './fractional-byte-quantity.js';
import helmTemplate from './helm-template.js';
import imagePullPolicy from './image-pull-policy.js';
import initContainerProbes from './init-container-probes.js';
import initContainerRestartPolicy from './init-container-restart-policy.js';
import invalidEncoding from './invalid-encoding.js';
import invalidQuantity from './invalid-quantity.js';
import invalidResourceRequirements from './invalid-resource-requirements.js';
import invalidSuppression from './invalid-suppression.js';
import latestImageTag from './latest-image-tag.js';
import missingLivenessProbe from './missing-liveness-probe.js';
import missingReadinessProbe from './missing-readiness-probe.js';
import missingStartupProbe from './missing-startup-probe.js';
import podRestartPolicy from './pod-restart-policy.js';
import missingResourceLimits from './missing-resource-limits.js';
import missingResourceRequests from './missing-resource-requests.js';
import privilegedContainer from './privileged-container.js';
import probePort from './probe-port.js';
import probeSuccessThreshold from './probe-success-threshold.js';
import removedApiVersion from './removed-api-version.js';
import schemaValidation from './schema-validation.js';
import selectorLabelMismatch from './selector-label-mismatch.js';
import undeclaredVolumeMount from './undeclared-volume-mount.js';
import unknownKind from './unknown-kind.js';
import qosClass from './qos-class.js';
import requestsExceedLimits from './requests-exceed-limits.js';
import unreadableFile from './unreadable-file.js';
import unusedSuppression from './unused-suppression.js';
import yamlSyntax from './yaml-syntax.js';
import yamlToJson from './yaml-to-json.js';
// Security and host access (issue 5, part A).
import privilegeEscalation from './privilege-escalation.js';
import dangerousCapabilities from './dangerous-capabilities.js';
import hostNamespaces from './host-namespaces.js';
import hostPathVolume from './host-path-volume.js';
import dockerSocketMount from './docker-socket-mount.js';
import writableHostPath from './writable-host-path.js';
import runAsRoot from './run-as-root.js';
import readOnlyRootFilesystem from './read-only-root-filesystem.js';
import netRawCapability from './net-raw-capability.js';
import unsafeSysctls from './unsafe-sysctls.js';
import unmaskedProcMount from './unmasked-proc-mount.js';
import secretInEnvValue from './secret-in-env-value.js';
import envSecretKeyRef from './env-secret-key-ref.js';
import defaultServiceAccount from './default-service-account.js';
import deprecatedServiceAccount from './deprecated-service-account.js';
import privilegedPort from './privileged-port.js';
import sshPort from './ssh-port.js';
// Kubernetes validation parity: values the API server checks beyond the schema.
import invalidName from './invalid-name.js';
import invalidPort from './invalid-port.js';
import invalidProbe from './invalid-probe.js';
import invalidEnvVar from './invalid-env-var.js';
import invalidVolumeSource from './invalid-volume-source.js';
import invalidVolumeMount from './invalid-volume-mount.js';
import invalidDnsConfig from './invalid-dns-config.js';
import invalidActiveDeadlineSeconds from './invalid-active-deadline-seconds.js';
import ephemeralContainers from './ephemeral-containers.js';

export const builtinRules: readonly AnyRule[] = [
  // Reported while reading files.
  yamlSyntax,
  yamlToJson,
  duplicateKey,
  helmTemplate,
  invalidEncoding,
  fileTooLarge,
  unreadableFile,
  // Schema validation (object rules).
  schemaValidation,
  removedApiVersion,
  unknownKind,
  duplicateListEntry,
  // Reported by the suppression stage, after the other rules.
  invalidSuppression,
  unusedSuppression,
  // Pod rules.
  latestImageTag,
  privilegedContainer,
  // Security and host access (issue 5, part A).
  privilegeEscalation,
  dangerousCapabilities,
  hostNamespaces,
  hostPathVolume,
  dockerSocketMount,
  writableHostPath,
  runAsRoot,
  readOnlyRootFilesystem,
  netRawCapability,
  unsafeSysctls,
  unmaskedProcMount,
  secretInEnvValue,
  envSecretKeyRef,
  defaultServiceAccount,
  deprecatedServiceAccount,
  privilegedPort,
  sshPort,
  // Pod rules: correctness, probes, restart policies, duplicates.
  duplicateContainerName,
  duplicateContainerPort,
  duplicateEnvVar,
  duplicateMountPath,
  undeclaredVolumeMount,
  initContainerRestartPolicy,
  initContainerProbes,
  podRestartPolicy,
  probeSuccessThreshold,
  probePort,
  missingLivenessProbe,
  missingReadinessProbe,
  missingStartupProbe,
  imagePullPolicy,
  selectorLabelMismatch,
  // Resources (quantities, requests and limits, QoS).
  invalidQuantity,
  requestsExceedLimits,
  invalidResourceRequirements,
  fractionalByteQuantity,
  missingResourceRequests,
  missingResourceLimits,
  qosClass,
  // Kubernetes validation parity: values the API server checks beyond the schema.
  invalidName,
  invalidPort,
  invalidProbe,
  invalidEnvVar,
  invalidVolumeSource,
  invalidVolumeMount,
  invalidDnsConfig,
  invalidActiveDeadlineSeconds,
  ephemeralContainers,
];
