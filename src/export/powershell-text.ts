/** Every character PowerShell reads as a single quote; doubling each keeps it literal inside '…'. */
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;
/** Line breaks, control and format characters: none may end a comment or a line of the script early. */
const BREAKS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** A verbatim PowerShell string: in single quotes nothing is expanded ($, backtick, subexpressions). */
export function psString(text: string): string {
  return `'${text.replace(BREAKS, ' ').replace(SINGLE_QUOTES, (quote) => quote + quote)}'`;
}

export function psArray(items: readonly string[]): string {
  return `@(${items.map(psString).join(', ')})`;
}

/** A one-line comment that no text can break out of. */
export function psComment(text = ''): string {
  return text ? `# ${text.replace(BREAKS, ' ')}` : '#';
}
