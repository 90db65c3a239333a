import { ConfigError } from '../../../adapters/config-error';
import { createMemoryLogger } from '../../../adapters/logger';
import { slackSurface } from '../../../adapters/slack';
import { slackConfig } from '../../../adapters/slack/config';
import { engine } from '../../helpers/engine';
import { APP_TOKEN, BOT_TOKEN, SIGNING_SECRET } from './support';

const deps = { engine, log: createMemoryLogger(), listen: { host: '127.0.0.1', port: 0 } };

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    slackConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('no ConfigError');
}

describe('Slack configuration, from the Slack variables alone', () => {
  it('is off without any Slack variable (empty ones count as unset), and says what switches it on', () => {
    expect(slackConfig({})).toEqual({ mode: 'off' });
    expect(slackConfig({ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: ' ', PORT: '80' })).toEqual({ mode: 'off' });
    expect(slackSurface({}, deps)).toEqual({
      name: 'Slack',
      enableWith: expect.stringMatching(/SLACK_BOT_TOKEN.*SLACK_APP_TOKEN.*SLACK_SIGNING_SECRET/),
    });
  });

  it('is HTTP mode with a bot token and a signing secret', () => {
    expect(slackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET })).toEqual({
      mode: 'http',
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      apiUrl: undefined,
      proxyUrl: undefined,
    });
  });

  it('is Socket Mode with a bot token and an app token, also when a signing secret is set too', () => {
    expect(slackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN })).toMatchObject({ mode: 'socket', appToken: APP_TOKEN });
    expect(slackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET })).toMatchObject({
      mode: 'socket',
    });
  });

  it('takes SLACK_API_URL and HTTPS_PROXY (or https_proxy)', () => {
    const base = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN };
    expect(slackConfig({ ...base, SLACK_API_URL: 'http://127.0.0.1:9/api/', HTTPS_PROXY: 'http://proxy.corp:3128' })).toMatchObject({
      apiUrl: 'http://127.0.0.1:9/api/',
      proxyUrl: 'http://proxy.corp:3128',
    });
    expect(slackConfig({ ...base, https_proxy: 'http://proxy.corp:8080' })).toMatchObject({ proxyUrl: 'http://proxy.corp:8080' });
  });

  it('takes SLACK_ALLOWED_TEAM_IDS as a set of workspace ids; unset or blank, everyone may ask', () => {
    const base = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET };
    expect(slackConfig({ ...base, SLACK_ALLOWED_TEAM_IDS: ' T0AAA, T0BBB ,' })).toMatchObject({ allowedTeams: new Set(['T0AAA', 'T0BBB']) });
    expect(slackConfig(base)).toMatchObject({ allowedTeams: undefined });
    expect(slackConfig({ ...base, SLACK_ALLOWED_TEAM_IDS: ' ' })).toMatchObject({ allowedTeams: undefined });
    // On its own it switches nothing on, and is no half configuration.
    expect(slackConfig({ SLACK_ALLOWED_TEAM_IDS: 'T0AAA' })).toEqual({ mode: 'off' });
  });

  it.each([
    [{ SLACK_BOT_TOKEN: BOT_TOKEN }, /SLACK_APP_TOKEN.*SLACK_SIGNING_SECRET.*missing/],
    [{ SLACK_SIGNING_SECRET: SIGNING_SECRET }, /SLACK_SIGNING_SECRET set but SLACK_BOT_TOKEN is missing/],
    [{ SLACK_APP_TOKEN: APP_TOKEN }, /SLACK_APP_TOKEN set but SLACK_BOT_TOKEN is missing/],
    [{ SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET }, /SLACK_SIGNING_SECRET and SLACK_APP_TOKEN set but SLACK_BOT_TOKEN/],
  ])('half a configuration %j is a ConfigError naming what is missing', (env, message) => {
    expect(configError(env).message).toMatch(message);
    expect(() => slackSurface(env, deps)).toThrow(ConfigError);
  });

  it.each([
    ['SLACK_BOT_TOKEN', { SLACK_BOT_TOKEN: 'xapp-secret-value', SLACK_APP_TOKEN: APP_TOKEN }, /xoxb-/],
    ['SLACK_APP_TOKEN', { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: 'xoxb-secret-value' }, /xapp-/],
    ['SLACK_API_URL', { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: 'slack.com/api' }, /http/],
    ['HTTPS_PROXY', { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, HTTPS_PROXY: 'proxy:3128' }, /http/],
    ['SLACK_ALLOWED_TEAM_IDS', { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_ALLOWED_TEAM_IDS: 'T0AAA,acme-secret-value' }, /workspace ids \(T…\)/],
    ['SLACK_ALLOWED_TEAM_IDS', { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_ALLOWED_TEAM_IDS: ',,' }, /at least one workspace id/],
  ])('a malformed %s is named, without echoing its value', (name, env, expected) => {
    const { message } = configError(env);
    expect(message).toContain(name);
    expect(message).toMatch(expected);
    expect(message).not.toContain('secret-value');
  });
});
