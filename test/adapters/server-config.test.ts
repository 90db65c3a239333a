import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../adapters/config-error';
import { apiQuestionsPerMinute, loadDotEnv, logConfig, serverConfig } from '../../adapters/server-config';

describe('When nothing is configured', () => {
  it('listens on 127.0.0.1:3978', () => {
    expect(serverConfig({})).toEqual({ host: '127.0.0.1', port: 3978 });
  });

  it('treats empty variables as unset', () => {
    expect(serverConfig({ PORT: '', HOST: '' })).toEqual({ host: '127.0.0.1', port: 3978 });
  });
});

describe('When PORT and HOST are set', () => {
  it.each([
    [{ PORT: '8080', HOST: '0.0.0.0' }, { host: '0.0.0.0', port: 8080 }],
    [{ PORT: '0' }, { host: '127.0.0.1', port: 0 }],
    [{ HOST: '::1' }, { host: '::1', port: 3978 }],
  ])('%j gives %j', (env, expected) => {
    expect(serverConfig(env)).toEqual(expected);
  });

  it.each(['abc', '-1', '65536', '80.5', '1e3'])('refuses PORT=%s, naming the variable', (PORT) => {
    expect(() => serverConfig({ PORT })).toThrow(ConfigError);
    expect(() => serverConfig({ PORT })).toThrow(/PORT/);
  });
});

describe('API_QUESTIONS_PER_MINUTE', () => {
  it('is 60 unless set, and the number given when set', () => {
    expect(apiQuestionsPerMinute({})).toBe(60);
    expect(apiQuestionsPerMinute({ API_QUESTIONS_PER_MINUTE: '' })).toBe(60);
    expect(apiQuestionsPerMinute({ API_QUESTIONS_PER_MINUTE: '600' })).toBe(600);
  });

  it.each(['0', 'abc', '-5', '1.5'])('refuses %s, naming the variable', (value) => {
    expect(() => apiQuestionsPerMinute({ API_QUESTIONS_PER_MINUTE: value })).toThrow(/API_QUESTIONS_PER_MINUTE/);
  });
});

describe('When a .env file exists', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dlo-env-'));
  const file = join(dir, '.env');
  writeFileSync(file, 'DLO_TEST_FROM_FILE=file\nDLO_TEST_BOTH=file\n');

  it('loads it, and the environment wins over the file', () => {
    const env: NodeJS.ProcessEnv = { DLO_TEST_BOTH: 'environment' };
    expect(loadDotEnv(env, file)).toBe(true);
    expect(env).toEqual({ DLO_TEST_FROM_FILE: 'file', DLO_TEST_BOTH: 'environment' });
  });

  it('does nothing when the file is missing', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(loadDotEnv(env, join(dir, 'missing.env'))).toBe(false);
    expect(env).toEqual({});
  });
});

describe('LOG_QUESTIONS', () => {
  it('is off unless set to true, and anything else stops start-up with its name', () => {
    expect(logConfig({})).toEqual({ questions: false, level: 'info' });
    expect(logConfig({ LOG_QUESTIONS: 'true' })).toEqual({ questions: true, level: 'info' });
    expect(() => logConfig({ LOG_QUESTIONS: 'yes please' })).toThrow(/LOG_QUESTIONS must be true or false/);
  });
});
