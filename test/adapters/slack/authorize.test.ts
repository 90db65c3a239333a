import { singleWorkspaceAuthorize } from '../../../adapters/slack/authorize';

const source = { teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false };

describe('Authorizing with one bot token', () => {
  it('asks auth.test once and gives each request its own copy of the bot identity', async () => {
    const authTest = jest.fn().mockResolvedValue({ user_id: 'UBOT', bot_id: 'BBOT' });
    const authorize = singleWorkspaceAuthorize('xoxb-1', authTest);
    const first = await authorize(source);
    first.userId = 'U-someone';
    const second = await authorize(source);
    expect(second).toEqual({ botToken: 'xoxb-1', botUserId: 'UBOT', botId: 'BBOT' });
    expect(authTest).toHaveBeenCalledTimes(1);
  });

  it('asks again after a failure instead of remembering it', async () => {
    const authTest = jest.fn().mockRejectedValueOnce(new Error('network down')).mockResolvedValue({ user_id: 'UBOT', bot_id: 'BBOT' });
    const authorize = singleWorkspaceAuthorize('xoxb-1', authTest);
    await expect(authorize(source)).rejects.toThrow('network down');
    await expect(authorize(source)).resolves.toMatchObject({ botUserId: 'UBOT' });
    expect(authTest).toHaveBeenCalledTimes(2);
  });
});
