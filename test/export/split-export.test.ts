import { partLabel, splitExport } from '../../src';

describe('Splitting an export for a surface with a size limit', () => {
  it('keeps it whole when it fits', () => {
    expect(splitExport('a,b\nc,d\n', 100)).toEqual(['a,b\nc,d\n']);
  });

  it('cuts at line ends, every part within the limit, nothing lost', () => {
    const content = Array.from({ length: 50 }, (_, i) => `line ${i},443,TCP\n`).join('');
    const parts = splitExport(content, 100);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 100 && p.endsWith('\n'))).toBe(true);
    expect(parts.join('')).toBe(content);
  });

  it('splits a line longer than a part rather than dropping it', () => {
    expect(splitExport('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('labels parts only when there are several', () => {
    expect(partLabel(0, 1)).toBe('');
    expect(partLabel(1, 3)).toBe(' (part 2 of 3)');
  });
});
