import { SLOW_DOWN } from '../../../adapters/rate-limit';
import { messageActivity, postActivity, startConnector, startTeams } from './support';

describe('Teams: who may ask, how often, and what is logged', () => {
  let connector: Awaited<ReturnType<typeof startConnector>>;
  beforeAll(async () => {
    connector = await startConnector();
  });
  afterAll(() => connector.close());
  beforeEach(() => {
    connector.calls.length = 0;
  });

  it('answers only the tenants in TEAMS_ALLOWED_TENANT_IDS; another tenant gets no answer and one log line', async () => {
    const teams = await startTeams({ TEAMS_ALLOWED_TENANT_IDS: 'tenant-a, tenant-b' });
    try {
      expect(teams.surface.describe('http://x')).toMatch(/tenants tenant-a, tenant-b only/);
      const allowed = messageActivity(connector.url, { text: 'port 8009', conversation: { id: 'a:1', conversationType: 'personal', tenantId: 'tenant-b' } });
      const other = messageActivity(connector.url, { text: 'port 8009', conversation: { id: 'a:2', conversationType: 'personal', tenantId: 'tenant-z' } });
      expect((await postActivity(teams.server.url, allowed)).status).toBe(200);
      expect((await postActivity(teams.server.url, other)).status).toBe(200);
      expect(connector.calls.map((c) => c.path)).toEqual([`/v3/conversations/a:1/activities/${String(allowed.id)}`]);
      expect(teams.log.lines.filter((l) => l.includes('teams_tenant_refused'))).toHaveLength(1);
    } finally {
      await teams.server.close();
    }
  });

  it('says "slow down" to a conversation over its per-minute limit, and answers others as usual', async () => {
    const teams = await startTeams({});
    try {
      const flood = { id: 'a:flood', conversationType: 'personal', tenantId: 't' };
      for (let i = 0; i < 31; i++) await postActivity(teams.server.url, messageActivity(connector.url, { text: 'port 443', conversation: flood }));
      const texts = connector.calls.map((c) => (c.body as { text?: string }).text);
      expect(texts.filter((t) => t === SLOW_DOWN)).toHaveLength(1);
      connector.calls.length = 0;
      const calm = messageActivity(connector.url, { text: 'port 443', conversation: { id: 'a:calm', conversationType: 'personal', tenantId: 't' } });
      await postActivity(teams.server.url, calm);
      expect((connector.calls[0].body as { attachments?: unknown[] }).attachments).toHaveLength(1);
    } finally {
      await teams.server.close();
    }
  });

  it('logs one structured line per answer, without the question unless LOG_QUESTIONS=true', async () => {
    const teams = await startTeams({});
    try {
      await postActivity(teams.server.url, messageActivity(connector.url, { text: 'what uses port 8009?' }));
      const line = JSON.parse(teams.log.lines.find((l) => l.includes('"answered"'))!);
      expect(line).toMatchObject({ event: 'answered', surface: 'teams', intent: 'port', status: 'answered', rules: 2 });
      expect(line.conversation).toMatch(/^a:personal-chat-/);
      expect(typeof line.durationMs).toBe('number');
      expect(line.question).toBeUndefined();
    } finally {
      await teams.server.close();
    }
  });
});
