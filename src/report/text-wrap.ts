/** Word wrapping for terminal reports that must read well at 80 columns. */

/** Words of `text`, keeping a `command in backticks` together when it fits on one line. */
function tokens(text: string, room: number): string[] {
  const out: string[] = [];
  for (const part of text.split(/(`[^`]*`\S*)/)) {
    const whole = part.startsWith('`') && part.length <= room;
    out.push(...(whole ? [part.replace(/\s+/g, ' ')] : part.split(/\s+/).filter(Boolean)));
  }
  return out;
}

/** Lines of at most `width` characters, each after `indent`; over-long words are cut with "…". */
export function wrap(text: string, width: number, indent = ''): string[] {
  const room = Math.max(10, width - indent.length);
  const lines: string[] = [];
  let line = '';
  for (const raw of tokens(text, room)) {
    const word = raw.length > room ? `${raw.slice(0, room - 1)}…` : raw;
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= room) line += ` ${word}`;
    else {
      lines.push(indent + line);
      line = word;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(indent + line);
  return lines;
}

/** `text` cut to `width` characters, ending in "…" when cut. */
export function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
