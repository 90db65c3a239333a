/**
 * An export cut into parts of at most `maxChars`, at line ends, for surfaces that limit a
 * message's size: nothing is ever cut silently, every part says which part it is.
 */
export function splitExport(content: string, maxChars: number): string[] {
  const parts: string[] = [];
  let part = '';
  for (const line of content.split(/(?<=\n)/)) {
    // A single line longer than a part (never in our exports) is split where it must be.
    for (let rest = line; rest; ) {
      const room = maxChars - part.length;
      if (rest.length <= room) {
        part += rest;
        rest = '';
      } else if (part) {
        parts.push(part);
        part = '';
      } else {
        parts.push(rest.slice(0, maxChars));
        rest = rest.slice(maxChars);
      }
    }
  }
  if (part || parts.length === 0) parts.push(part);
  return parts;
}

/** "part 2 of 3" headings, only when there is more than one part. */
export function partLabel(index: number, count: number): string {
  return count > 1 ? ` (part ${index + 1} of ${count})` : '';
}
