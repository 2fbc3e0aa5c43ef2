/** Commands whose argument is text, where CJK and Unicode are fine. */
const TEXT_COMMAND = /\\(?:text(?:rm|bf|it|sf|tt|normal|up)?|mbox|mathrm|operatorname\*?)\s*\{/gu;

/** Offsets (into `tex`) of the arguments of `\text{…}` and friends. */
export function textZones(tex: string): Array<[number, number]> {
  const zones: Array<[number, number]> = [];
  for (const match of tex.matchAll(TEXT_COMMAND)) {
    const open = match.index + match[0].length - 1;
    let depth = 0;
    for (let index = open; index < tex.length; index++) {
      const char = tex[index];
      if (char === '\\') {
        index++;
        continue;
      }
      if (char === '{') depth++;
      if (char === '}' && --depth === 0) {
        zones.push([open, index + 1]);
        break;
      }
    }
  }
  return zones;
}
