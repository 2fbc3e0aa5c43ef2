import { type LinkEnv, resolveTarget } from '@llm-notes/lint-links';
import { normalizeFragment } from '@llm-notes/core';
import { type SitePlan, pageLink } from './site-plan.js';

/** Where the repository lives on GitHub, for links to files that are not pages and for "edit this page". */
export interface RepositoryLocation {
  /** `https://github.com/owner/name`. */
  readonly url: string;
  readonly branch: string;
}

/**
 * Rewrites a link destination written in a note into the site: a link to
 * another note becomes its page (the fragment kept: page headings carry the
 * same anchors as on GitHub), a link to another file of the repository goes to
 * GitHub. Returns undefined to leave the destination as written (external,
 * same page, or broken: the link rules report those).
 */
export type LinkRewriter = (destination: string, notePath: string) => string | undefined;

export function createLinkRewriter(plan: SitePlan, repository: RepositoryLocation | undefined): LinkRewriter {
  // One cache for the whole build: folder listings are read once.
  const cache = new Map<string, unknown>();
  return (destination, notePath) => {
    const env: LinkEnv = { repo: plan.repo, notePath, cache, context: undefined, options: plan.config.links };
    const target = resolveTarget(env, destination);
    if (target.kind !== 'found') return undefined;
    const fragment = target.fragment === undefined || target.fragment === '' ? '' : `#${encodeURIComponent(normalizeFragment(target.fragment))}`;
    const page = plan.pageOf(target.absolute);
    if (page) return `${encodeURI(pageLink(page.route))}${fragment}`;
    if (!repository) return undefined;
    return `${repository.url}/blob/${encodeURIComponent(repository.branch)}/${target.relPath.split('/').map(encodeURIComponent).join('/')}${fragment}`;
  };
}

/** Whether a destination is relative to the note (so the site must resolve it). */
export function isRelativeDestination(destination: string): boolean {
  return destination !== '' && !destination.startsWith('#') && !destination.startsWith('/') && !/^[a-z][a-z\d+.-]*:/iu.test(destination);
}
