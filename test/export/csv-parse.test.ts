import { parseCsv } from '../../src';

describe('Reading CSV (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and CRLF records', () => {
    const { records, problems } = parseCsv('\uFEFFa,b,c\r\n1,"x,y","say ""hi"""\r\n2,"two\r\nlines",3\r\n');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x,y', 'say "hi"'] },
      { line: 3, fields: ['2', 'two\r\nlines', '3'] },
    ]);
  });

  it('takes LF or CR alone as a line break, and keeps empty fields', () => {
    expect(parseCsv('a,b\n,\r"",x').records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['', ''] },
      { line: 3, fields: ['', 'x'] },
    ]);
  });

  it('reports a malformed record with the line it starts on, and reads on', () => {
    const { records, problems } = parseCsv('a,b\n1,x"y\n2,"ok"junk\n"multi\nline",3\n4,"open\n5,6\n');
    expect(problems).toEqual([
      { line: 2, reason: 'a quote inside a field that does not start with one' },
      { line: 3, reason: 'text follows the closing quote of a field' },
      { line: 6, reason: 'a quoted field is not closed' },
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 4, 7]);
    expect(records[1].fields).toEqual(['multi\nline', '3']);
  });
});
