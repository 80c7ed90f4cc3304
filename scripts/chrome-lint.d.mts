/** Problems found in an unpacked Chrome MV3 package directory (empty when it is fine). */
export function lintChrome(dir: string): string[];
