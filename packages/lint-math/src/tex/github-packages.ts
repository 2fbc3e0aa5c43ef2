/** MathJax packages GitHub's renderer does not make available, or that hide errors. */
export const EXCLUDED_PACKAGES: readonly string[] = ['noerrors', 'noundefined', 'autoload', 'require', 'bussproofs'];

/** The TeX packages GitHub enables, out of every package MathJax ships (`AllPackages`). */
export function githubTexPackages(allPackages: readonly string[]): string[] {
  const excluded = new Set(EXCLUDED_PACKAGES);
  return allPackages.filter((name) => !excluded.has(name));
}
