/** Lower-case letters, digits and single hyphens: safe in a file name and in a firewall rule's -Name (no wildcards). */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
