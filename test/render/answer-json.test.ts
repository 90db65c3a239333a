import { answerJson, renderText, type Answer } from '../../src';
import { engine, knowledge } from '../helpers/engine';

// Every kind of answer: rules, a diff, yes and no, clarify, unknown, help, explain, a refusal, and
// questions whose own words look like the placeholders ("\u0000rules", quotes, "rules":).
const QUESTIONS = [
  'what ports does the Edge Server need in occasional BOI?',
  'all firewall rules for exclusive BOI',
  'what changes from non-BOI to occasional BOI?',
  'what changes from exclusive BOI to non-BOI for the SQL server',
  'is 8009 needed in non-BOI?',
  'is 22 needed on the edge server?',
  'which ports?',
  "what's the weather in Paris?",
  'help',
  'explain exclusive boi',
  '',
  '"rules":"\u0000rules" "text":"\u0000text" for the edge server',
  'the \u0000rules of the sql server',
  'the entire port list',
];

describe('answerJson', () => {
  it.each(QUESTIONS)('writes exactly what JSON.stringify writes, the first time and the next: %j', (question) => {
    const answer = engine.ask(question);
    expect(answerJson(answer)).toBe(JSON.stringify(answer));
    expect(answerJson(engine.ask(question))).toBe(JSON.stringify(answer));
  });

  it('writes an answer changed by hand (rules not the engine’s own) as it is now, not as it was', () => {
    const answer = engine.ask('all firewall rules for exclusive BOI');
    const edited: Answer = { ...answer, rules: answer.rules.slice(0, 5).map((r) => ({ ...r, ports: '1' })) };
    expect(answerJson(edited)).toBe(JSON.stringify(edited));
    edited.rules[0].ports = '2';
    expect(answerJson(edited)).toBe(JSON.stringify(edited));
  });
});

describe('renderText, once per rule set', () => {
  it('gives the same text to answers with the same sentences and rules, and its own to each other', () => {
    const a = engine.ask('what ports does the Edge Server need in occasional BOI?');
    const b = engine.ask('which ports does the edge server need in occasional boi');
    expect(b.text).toBe(a.text);
    const edited = { ...a, rules: a.rules.slice(1) };
    expect(renderText(edited, knowledge.language.messages.text)).not.toBe(a.text);
    expect(renderText(edited, knowledge.language.messages.text).split('\n')).toHaveLength(a.text.split('\n').length - 1);
  });
});
