/** The number an IPv4 address stands for; the text must already be a valid dotted quad. */
export function ipv4Value(text: string): bigint {
  return text.split('.').reduce((value, octet) => (value << 8n) | BigInt(Number(octet)), 0n);
}

/** The 16 hex groups' worth of an IPv6 address; the text must already be valid IPv6 (no zone). */
export function ipv6Value(text: string): bigint {
  const groups = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [parseInt(group, 16)];
          // An embedded IPv4 address ("::ffff:192.0.2.1") fills the last two groups.
          const v4 = Number(ipv4Value(group));
          return [Math.floor(v4 / 0x10000), v4 % 0x10000];
        });
  const [head, tail] = text.split('::');
  const before = groups(head);
  const after = tail === undefined ? [] : groups(tail);
  const all = [...before, ...new Array<number>(8 - before.length - after.length).fill(0), ...after];
  return all.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}
