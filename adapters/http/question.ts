import { MAX_QUESTION_LENGTH, type Answer, type Engine } from '../../src';
import { readerFor } from '../read-aside';
import { HttpError } from './http-error';

/** The `q` of a request as one string, or the 4xx that says what is wrong with it. */
export function questionFrom(q: unknown): string {
  if (q === undefined || q === null) {
    throw new HttpError(400, 'missing_question', 'Ask with q: GET /api/ask?q=QUESTION or POST {"q": "QUESTION"}.');
  }
  // `?q=a&q=b` arrives as an array, `{"q": 5}` as a number: neither is one question.
  if (typeof q !== 'string') throw new HttpError(400, 'bad_question', 'q must be a single string.');
  return q;
}

/**
 * The engine's answer to `q` (by default on its own; `ask` may answer it within a conversation);
 * input the engine refuses becomes a 4xx instead of an answer.
 */
export async function answerOf(engine: Engine, q: unknown, ask: (question: string) => Promise<Answer> = (question) => readerFor(engine).ask(question)): Promise<Answer> {
  const answer = await ask(questionFrom(q));
  if (answer.refused === 'too-long') {
    throw new HttpError(400, 'question_too_long', `The question is over ${MAX_QUESTION_LENGTH.toLocaleString('en')} characters.`);
  }
  if (answer.refused === 'empty') throw new HttpError(400, 'empty_question', 'The question is empty once chat mentions and punctuation are left out.');
  return answer;
}
