// Types for scripts/build-action.mjs, which the tests import.
export declare const ROOT: string;
export declare const BUNDLE: string;
export declare const NOTICES: string;
export declare function buildAction(): Promise<{ bundle: string; notices: string }>;
