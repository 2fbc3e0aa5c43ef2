/**
 * Whether to colour the output, by the common conventions: `FORCE_COLOR`
 * (any value but `0` or `false`) turns colour on, a non-empty `NO_COLOR`
 * turns it off (https://no-color.org), otherwise colour only on a terminal.
 */
export function wantsColor(env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') return true;
  if (force === '0' || force === 'false') return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTerminal;
}
