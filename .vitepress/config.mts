// The reading site's configuration lives in packages/site: pages, navigation and
// math come from content/ the way `pnpm gen-readme` reads it. Run `pnpm site:dev`.
import { fileURLToPath } from 'node:url';
import { notesSiteConfig } from '@llm-notes/site';

export default notesSiteConfig(fileURLToPath(new URL('..', import.meta.url)));
