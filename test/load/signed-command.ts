import { commandRequest, signatureHeaders } from '../adapters/slack/support';

/**
 * `/dlo-ports QUESTION` from `user`, signed, as Slack posts it to /slack/events. Load runs give
 * each command a user of its own: they measure answering, not the per-user flood limit.
 */
export function signedCommand(question: string, user: string, responseUrl: string): { headers: Record<string, string>; body: string } {
  const form = new URLSearchParams(commandRequest(question, responseUrl).body);
  form.set('user_id', user);
  const body = form.toString();
  return { headers: { 'content-type': 'application/x-www-form-urlencoded', ...signatureHeaders(body) }, body };
}
