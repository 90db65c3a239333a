import { ConfigError } from '../../../adapters/config-error';
import { teamsConfig } from '../../../adapters/teams/config';
import { isLoopbackHost, isLoopbackUrl } from '../../../adapters/teams/loopback';

const APP_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const SECRET = 'a-client-secret';

describe('Teams configuration', () => {
  it.each([
    ['nothing set, on loopback', {}, '127.0.0.1', { mode: 'local' }],
    ['nothing set, off loopback (no unauthenticated endpoint on a network)', {}, '0.0.0.0', { mode: 'off' }],
    ['empty variables, as a copied .env.example leaves them', { MicrosoftAppId: '', MicrosoftAppPassword: ' ' }, 'localhost', { mode: 'local' }],
    ['a multi-tenant bot', { MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET }, '0.0.0.0', { mode: 'authenticated', appId: APP_ID, appType: 'MultiTenant', password: SECRET }],
    [
      'a single-tenant bot, type in any case',
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET, MicrosoftAppType: 'singletenant', MicrosoftAppTenantId: TENANT },
      '0.0.0.0',
      { mode: 'authenticated', appId: APP_ID, appType: 'SingleTenant', password: SECRET, tenantId: TENANT },
    ],
    [
      'a managed identity',
      { MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMsi', MicrosoftAppTenantId: TENANT },
      '10.0.0.4',
      { mode: 'authenticated', appId: APP_ID, appType: 'UserAssignedMsi', tenantId: TENANT },
    ],
  ])('reads %s', (_name, env, host, expected) => {
    expect(teamsConfig(env, host)).toEqual(expected);
  });

  it.each([
    ['a password without an app id', { MicrosoftAppPassword: SECRET }, '127.0.0.1', /MicrosoftAppPassword set without MicrosoftAppId/],
    ['an app id without a password', { MicrosoftAppId: APP_ID }, '127.0.0.1', /MicrosoftAppPassword is not/],
    ['a single-tenant bot without a tenant', { MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET, MicrosoftAppType: 'SingleTenant' }, '127.0.0.1', /SingleTenant needs MicrosoftAppTenantId/],
    ['a tenant with the multi-tenant default', { MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET, MicrosoftAppTenantId: TENANT }, '127.0.0.1', /MicrosoftAppType=SingleTenant/],
    ['a managed identity with a password', { MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET, MicrosoftAppType: 'UserAssignedMsi', MicrosoftAppTenantId: TENANT }, '127.0.0.1', /takes no MicrosoftAppPassword/],
    ['an app id that is no GUID', { MicrosoftAppId: 'my-bot', MicrosoftAppPassword: SECRET }, '127.0.0.1', /MicrosoftAppId must be/],
    ['an unknown app type', { MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET, MicrosoftAppType: 'Public' }, '127.0.0.1', /MicrosoftAppType must be one of/],
  ])('refuses %s with a ConfigError that says what to change', (_name, env, host, message) => {
    expect(() => teamsConfig(env, host)).toThrow(ConfigError);
    expect(() => teamsConfig(env, host)).toThrow(message);
  });

  it('never repeats the password in an error', () => {
    expect(() => teamsConfig({ MicrosoftAppId: 'not-a-guid', MicrosoftAppPassword: SECRET }, '127.0.0.1')).toThrow(expect.objectContaining({ message: expect.not.stringContaining(SECRET) }));
  });
});

describe('Loopback', () => {
  it.each(['127.0.0.1', '127.8.9.10', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1'])('counts %s as loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['0.0.0.0', '::', '', '10.0.0.4', 'example.com', 'localhost.example.com', '128.0.0.1'])('does not count %s', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });

  it('reads the host of a serviceUrl', () => {
    expect(isLoopbackUrl('http://localhost:56150/_connector')).toBe(true);
    expect(isLoopbackUrl('http://127.0.0.1.attacker.example/')).toBe(false);
    expect(isLoopbackUrl('not a url')).toBe(false);
  });
});
