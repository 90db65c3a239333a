import { exportAnswer, type Answer } from '../../src';
import { psString } from '../../src/export/powershell-text';
import { engine } from '../helpers/engine';

const SINGLE_QUOTES = "'\u2018\u2019\u201A\u201B";

/** The script with every single-quoted literal and comment blanked out: what PowerShell would run as code. */
function codeOf(script: string): string {
  let code = '';
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (SINGLE_QUOTES.includes(c)) {
      // A literal ends at a lone quote; a doubled one stands for itself.
      for (i++; i < script.length; i++) {
        if (SINGLE_QUOTES.includes(script[i])) {
          if (SINGLE_QUOTES.includes(script[i + 1] ?? '')) i++;
          else break;
        }
      }
      code += "''";
    } else if (c === '#') {
      while (i < script.length && script[i] !== '\n' && script[i] !== '\r') i++;
      code += '\n';
    } else code += c;
  }
  return code;
}

describe('The PowerShell export', () => {
  it('keeps every value a literal, whatever the names hold', () => {
    const hostile = [
      "x'; Remove-Item C:\\ -Recurse; '",
      'x\u2019; Stop-Computer; \u2018',
      'x\n#>\nStop-Computer',
      'x\r\nStop-Computer #',
      'x$(Stop-Computer)`',
      'x\u2028Stop-Computer',
    ];
    const rules = hostile.map((text, i) => ({
      mode: 'exclusive-boi',
      service: text,
      ports: '443',
      protocol: 'HTTPS',
      source: `source-${i}`,
      destination: 'edge-server',
      note: text,
    }));
    const answer: Pick<Answer, 'rules' | 'modes' | 'labels'> = {
      rules,
      modes: ['exclusive-boi'],
      labels: { 'exclusive-boi': hostile[2], 'edge-server': hostile[3], ...Object.fromEntries(hostile.map((text, i) => [`source-${i}`, text])) },
    };
    const catalog = { ...engine.catalog, product: hostile[0] };
    const script = exportAnswer(answer, catalog, { format: 'powershell' }).content;
    const code = codeOf(script);
    expect(code).not.toMatch(/Stop-Computer|Remove-Item/);
    expect(code).toMatch(/New-NetFirewallRule -Name \$rule\.Name -DisplayName \$rule\.DisplayName -Group \$Group @settings/);
    // Every hostile text is still there, intact, as data.
    expect(script).toContain(psString(`${hostile[0]}`));
  });

  it.each([
    ["it's", "'it''s'"],
    ['a\u2019b', "'a\u2019\u2019b'"],
    ['$(x) `n', "'$(x) `n'"],
    ['one\ntwo', "'one two'"],
  ])('quotes %j as %s', (text, quoted) => {
    expect(psString(text)).toBe(quoted);
  });

  it('splits TCP/UDP into two rules and runs HTTP, HTTPS and AJP over TCP', () => {
    const script = exportAnswer(engine.browse({ modes: ['occasional-boi'], component: 'dedupe-server' }), engine.catalog, { format: 'powershell' }).content;
    const entries = [...script.matchAll(/DisplayName += '([^']*)'[\s\S]*?Protocol += '(\w+)'\s+LocalPort += @\(([^)]*)\)/g)].map((m) => `${m[2]} ${m[3]}: ${m[1].split(' from ')[0]}`);
    expect(entries).toEqual(expect.arrayContaining([
      "TCP '135-139', '445': File Sharing/Browsing: TCP 135-139,445 (TCP/UDP)",
      "UDP '135-139', '445': File Sharing/Browsing: UDP 135-139,445 (TCP/UDP)",
      "TCP '8443': Dedupe Port: TCP 8443 (HTTPS)",
      "TCP '8080': Dedupe Port: TCP 8080 (HTTP)",
      "TCP '8009': Dedupe Port: TCP 8009 (AJP)",
      "UDP '1434': SQL Server Browser: UDP 1434",
      "TCP '1433': SQL Server: TCP 1433",
    ]));
  });

  it('is idempotent by a stable, unique -Name, and sets or creates: no window where a rule is missing', () => {
    const script = exportAnswer(engine.browse({ modes: ['occasional-boi'] }), engine.catalog, { format: 'powershell' }).content;
    const names = [...script.matchAll(/^ {4}Name += '([^']+)'$/gm)].map((m) => m[1]);
    // Admin Server 4 (3999 and file sharing, TCP and UDP each), SQL Server 4, the two storage locations 2 each,
    // Dedupe Server 3, Edge Server 2, IO Server 2, and push installation on the clients 1.
    expect(names).toHaveLength(20);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9.\-_]+$/); // never a wildcard for -Name
    expect(codeOf(script)).not.toContain('Remove-NetFirewallRule');
    expect(script).toMatch(/if \(Get-NetFirewallRule -Name \$rule\.Name -ErrorAction SilentlyContinue\) \{\n\s+Set-NetFirewallRule -Name \$rule\.Name -NewDisplayName \$rule\.DisplayName @settings\n[\s\S]*\} else \{\n\s+New-NetFirewallRule /);
    expect(script).toMatch(/-Group \$Group @settings/);
    expect(script).toMatch(/Direction += 'Inbound'/);
  });

  it('leaves a diff\'s removed rules out', () => {
    const diff = engine.ask('what changes going from non-BOI to exclusive BOI? as powershell');
    expect(diff.rules.some((r) => r.change === 'removed')).toBe(true);
    const script = exportAnswer(diff, engine.catalog).content;
    expect(script).not.toMatch(/Additional Ports for Push Installation/); // only in non-BOI: removed
    expect(script).toMatch(/Edge Server Port: TCP 443 \(HTTPS\)/); // added
  });
});
