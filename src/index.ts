// Public API of the podlint package: what custom rules and integrations build on.
export {
  defineRule,
  type AnyRule,
  type ObjectRule,
  type ObjectRuleContext,
  type PodRule,
  type PodRuleContext,
  type ReportDescriptor,
  type ReportedFix,
  type Rule,
  type RuleMeta,
} from './engine/define-rule.js';
export type { Finding, FindingFix, FindingSuppression, ObjectIdentity, TextEdit } from './engine/finding.js';
export type { RuleSeverity, Severity } from './engine/severity.js';
export { configureRules, type ConfiguredRule, type RuleSetting } from './engine/rule-settings.js';
export { lintLoadedFile, type LintSettings } from './engine/lint-file.js';
export { lintBytes, lintFiles, lintText } from './lint.js';
export { loadText } from './load/load-text.js';
export { loadBytes } from './load/load-bytes.js';
export type { K8sObject, LoadedDocument, LoadedFile, SourceComment } from './load/types.js';
export type { Position, SourceRange } from './load/position.js';
export { podView, type ContainerRole, type ContainerView, type PodOwner, type PodView, type ReplicaCount } from './k8s/pod-view.js';
export { parseImageReference, type ImageReference } from './k8s/image-reference.js';
export { parseQuantity, Quantity, QuantityError, QuantityRangeError, QUANTITY_ERRORS, type QuantityFormat } from './k8s/quantity.js';
export { quantityFromJson, quantityFromManifestValue } from './k8s/quantity-json.js';
export { readResourceList, type QuantityField, type ResourceMap } from './k8s/resource-list.js';
export { podResources, type ContainerResources, type PodResources, type PodResourcesOptions } from './k8s/pod-resources.js';
export { explainPodQos, getPodQosClass, podQosClass, type QosClass, type QosExplanation } from './k8s/qos.js';
export { effectivePodLimits, effectivePodRequests, workloadResources, type EffectiveResourcesOptions, type WorkloadResources } from './k8s/resources.js';
export { resourceReport, type ResourceReport, type ResourceReportEntry, type NamespaceTotal } from './report/resources-report.js';
export { formatResourcesMarkdown, type ResourcesMarkdownOptions } from './report/resources-markdown.js';
export { formatResourcesJson } from './report/resources-json.js';
export { formatResourcesTable } from './report/resources-table.js';
export { valueAt, type Path, type PathSegment } from './path.js';
export { builtinRules } from '../rules/index.js';
export { loadValidator, bundledKinds, type CompiledValidator, type SchemaError } from './validate/load-validator.js';
export { loadSchemaDirs, type CustomSchema, type CustomSchemas } from './validate/custom-schemas.js';
export type { PodTemplatePaths } from './k8s/kinds.js';
export { ConfigResolver, type FileConfig } from './config/resolve-config.js';
export { ConfigError, type ConfigProblem } from './config/config-error.js';
export type { CliSettings } from './config/types.js';
export { CustomRuleError } from './custom-rules/custom-rule-error.js';
