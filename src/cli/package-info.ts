// The version lives with the package root lookup, which also works from the action's bundle.
export { packageVersion } from '../package-root.js';
