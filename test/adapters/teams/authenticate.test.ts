import type { Activity } from 'botbuilder';
import { authenticate } from '../../../adapters/teams/authenticate';
import { createAuthentication } from '../../../adapters/teams/cloud-adapter';
import { messageActivity, rsaKeyPair, signToken, startBlackhole, startIdentityProvider } from './support';

const APP_ID = '00000000-0000-4000-8000-0000000a0711';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const config = { mode: 'authenticated', appId: APP_ID, appType: 'MultiTenant', password: 'not-a-real-secret' } as const;
const activity = messageActivity(SERVICE_URL, { text: 'what uses port 8009?' }) as unknown as Activity;

describe('Checking a Bot Framework token', () => {
  const { privateKey, publicKey } = rsaKeyPair();
  const stranger = rsaKeyPair().privateKey;
  let provider: Awaited<ReturnType<typeof startIdentityProvider>>;

  beforeAll(async () => {
    provider = await startIdentityProvider(publicKey, 'test-key');
  });
  afterAll(() => provider.close());
  // botframework-connector writes rejected tokens to console.error itself; the outcome says enough here.
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  const auth = () => createAuthentication(config, { openIdMetadataUrl: provider.url });
  const claims = { iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: SERVICE_URL };

  it('accepts a token Bot Framework signed for this bot and this serviceUrl', async () => {
    const outcome = await authenticate(auth(), activity, `Bearer ${signToken(privateKey, claims)}`);
    expect(outcome.ok).toBe(true);
  });

  it.each([
    ['signed with another key', () => signToken(stranger, claims)],
    ['for another bot', () => signToken(privateKey, { ...claims, aud: '00000000-0000-4000-8000-00000000dead' })],
    ['for another serviceUrl', () => signToken(privateKey, { ...claims, serviceurl: 'https://attacker.example/' })],
    ['that has expired', () => signToken(privateKey, { ...claims, exp: Math.floor(Date.now() / 1000) - 600 })],
    ['with a key id the provider does not have', () => signToken(privateKey, claims, 'unknown-key')],
  ])('rejects a token %s', async (_name, token) => {
    const outcome = await authenticate(auth(), activity, `Bearer ${token()}`);
    expect(outcome).toMatchObject({ ok: false, reason: 'rejected' });
  });

  it('calls it unavailable when the signing keys cannot be fetched', async () => {
    const unreachable = createAuthentication(config, { openIdMetadataUrl: 'http://127.0.0.1:9/openid' });
    const outcome = await authenticate(unreachable, activity, `Bearer ${signToken(privateKey, claims)}`);
    expect(outcome).toMatchObject({ ok: false, reason: 'unavailable', detail: expect.stringContaining('ECONNREFUSED') });
  });

  it('stops waiting for an identity provider that never answers', async () => {
    const blackhole = await startBlackhole();
    try {
      const silent = createAuthentication(config, { openIdMetadataUrl: `${blackhole.url}/openid` });
      const started = Date.now();
      const outcome = await authenticate(silent, activity, `Bearer ${signToken(privateKey, claims)}`, 200);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(outcome).toMatchObject({ ok: false, reason: 'unavailable', detail: expect.stringContaining('200 ms') });
    } finally {
      await blackhole.close();
    }
  });

  it('lets every request through in local mode', async () => {
    const outcome = await authenticate(createAuthentication({ mode: 'local' }), activity, '');
    expect(outcome.ok).toBe(true);
  });
});
