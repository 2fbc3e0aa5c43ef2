import type { Config } from '@llm-notes/core';
import type { RepositoryLocation } from './site-links.js';

/**
 * The repository on GitHub: `links.repositoryUrl` from the config, else the
 * one a GitHub Actions run is building; undefined when neither says (the
 * site then has no "edit this page" links).
 */
export function repositoryLocation(config: Config, env: NodeJS.ProcessEnv = process.env): RepositoryLocation | undefined {
  const branch = env.NOTES_SITE_BRANCH ?? 'main';
  const configured = config.links.repositoryUrl;
  if (configured) return { url: configured.replace(/\/+$/u, '').replace(/\.git$/u, ''), branch };
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY) return { url: `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`, branch };
  return undefined;
}
