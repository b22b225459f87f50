/**
 * Colour only for a terminal, as most CLIs agree: NO_COLOR (any value) turns it off,
 * FORCE_COLOR turns it on (FORCE_COLOR=0 or false turns it off), and an explicit
 * --color/--no-color wins over both.
 */
export function useColor(flag: boolean | undefined, isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}
