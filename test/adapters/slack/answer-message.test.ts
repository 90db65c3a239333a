import { isHelpRequest, questionFrom } from '../../../adapters/slack/answer-message';

describe('Reading a Slack message as a question', () => {
  it.each([
    ['ports &lt; 1024 &amp; &gt; 80', 'ports < 1024 & > 80'],
    ['what uses 443 on <http://edge.example.com|edge.example.com>?', 'what uses 443 on edge.example.com?'],
    ['see <https://example.com/matrix>', 'see https://example.com/matrix'],
    ['<@UBOT> what uses 8009?', '<@UBOT> what uses 8009?'],
    ['&amp;lt;b&amp;gt;', '&lt;b&gt;'],
  ])('%j reads as %j', (slackText, question) => {
    expect(questionFrom(slackText)).toBe(question);
  });

  it.each(['', '  ', 'help', 'HELP', '<@UBOT>', '<@UBOT> help ', '?'])('%j asks for the usage', (text) => {
    expect(isHelpRequest(text)).toBe(true);
  });

  it.each(['help me open port 443', 'what uses 8009?'])('%j is a question', (text) => {
    expect(isHelpRequest(text)).toBe(false);
  });
});
