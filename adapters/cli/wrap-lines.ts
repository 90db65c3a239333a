/**
 * Lines longer than the terminal, wrapped at spaces within their last column: in a text table
 * (columns apart by two or more spaces) the notes continue under the Notes column; other lines
 * continue under their own indentation. What cannot wrap there (a single long word, columns
 * wider than the terminal before the last one) is left as it is.
 */
export function wrapLines(text: string, width: number): string {
  if (!(width > 20)) return text;
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}

function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const indent = lastColumnStart(line);
  const lines: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const breakAt = rest.lastIndexOf(' ', width);
    if (breakAt <= indent) break;
    lines.push(rest.slice(0, breakAt).trimEnd());
    rest = ' '.repeat(indent) + rest.slice(breakAt + 1).trimStart();
  }
  lines.push(rest);
  return lines;
}

// Where the last column starts: after the last gap of two or more spaces, else after the indentation.
function lastColumnStart(line: string): number {
  const gaps = [...line.trimEnd().matchAll(/\S( {2,})(?=\S)/g)];
  const last = gaps[gaps.length - 1];
  return last ? last.index + last[0].length : line.length - line.trimStart().length;
}
