// Replaced by adapters/bundle.js with the stamp of the sources a bundle was built from.
declare const __BUNDLE_ID__: string | undefined;

/** The build this code belongs to: the bundle's stamp, or 'source' when it runs from TypeScript (tsx, the tests). */
export const BUNDLE_ID: string = typeof __BUNDLE_ID__ === 'string' ? __BUNDLE_ID__ : 'source';
