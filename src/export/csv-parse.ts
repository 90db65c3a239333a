/** One record of a CSV file and the line it starts on (a quoted field may span lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  reason: string;
}

/**
 * RFC 4180: comma-separated fields, records ended by CRLF (LF or CR alone accepted too), fields in
 * double quotes may hold commas, line breaks and doubled quotes. A malformed record is reported
 * with its line and skipped up to the end of its line; reading goes on with the next line.
 */
export function parseCsv(text: string): { records: CsvRecord[]; problems: CsvProblem[] } {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const atLineEnd = () => i >= text.length || text[i] === '\n' || text[i] === '\r';
  /** Steps over one line break (CRLF counts once); returns it, or '' when there is none. */
  const lineBreak = (): string => {
    const crlf = text.startsWith('\r\n', i);
    if (!crlf && !(text[i] === '\n' || text[i] === '\r')) return '';
    i += crlf ? 2 : 1;
    line++;
    return crlf ? '\r\n' : text[i - 1];
  };

  function quotedField(): string | { reason: string } {
    let field = '';
    for (i++; ; ) {
      if (i >= text.length) return { reason: 'a quoted field is not closed' };
      if (text[i] === '"') {
        if (text[i + 1] !== '"') break;
        field += '"';
        i += 2;
      } else field += lineBreak() || text[i++];
    }
    i++;
    return text[i] === ',' || atLineEnd() ? field : { reason: 'text follows the closing quote of a field' };
  }

  function plainField(): string | { reason: string } {
    const start = i;
    while (!atLineEnd() && text[i] !== ',') i++;
    const field = text.slice(start, i);
    return field.includes('"') ? { reason: 'a quote inside a field that does not start with one' } : field;
  }

  while (i < text.length) {
    const start = line;
    const from = i;
    const fields: string[] = [];
    for (;;) {
      const field = text[i] === '"' ? quotedField() : plainField();
      if (typeof field !== 'string') {
        problems.push({ line: start, reason: field.reason });
        // An unclosed quote would swallow the rest of the file: only its own line is lost.
        if (i >= text.length) [i, line] = [from, start];
        while (!atLineEnd()) i++;
        fields.length = 0;
        break;
      }
      fields.push(field);
      if (text[i] !== ',') break;
      i++;
    }
    if (fields.length) records.push({ line: start, fields });
    lineBreak();
  }
  return { records, problems };
}
