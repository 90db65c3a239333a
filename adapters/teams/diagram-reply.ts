import type { Activity } from 'botbuilder';
import { MAX_CARD_BYTES, type Answer, type Engine } from '../../src';
import { diagramsFor } from '../diagrams';

// Teams takes a bot message of about 100 KB: the picture's data URI keeps to the budget of a card.
const INLINE_IMAGE_CHARS = MAX_CARD_BYTES;
// 11 pt labels at 11 px: readable in the chat, and a component's diagram fits the budget.
const TEAMS_ZOOM = 0.75;
// Grey takes about half the bytes of colour: past twice the budget in colour it cannot fit either.
const GREY_SAVES = 2;

/**
 * "Show diagram" in Teams: the answer's PNG as an inline image attachment (contentType image/png,
 * contentUrl a base64 data URI), which Teams shows in the conversation in personal chats, group
 * chats and channels alike, with no file storage and no Graph permission. Colour when it fits a
 * message, grey when only that fits; an answer too large for either says so and what to ask instead.
 */
export async function diagramActivity(engine: Engine, answer: Answer): Promise<Partial<Activity>> {
  if (answer.rules.length === 0) return plain('That answer has no rules, so there is nothing to draw.');
  const diagrams = await diagramsFor(engine);
  let contentUrl = dataUri((await diagrams.png(answer, { zoom: TEAMS_ZOOM }))!);
  if (contentUrl.length > INLINE_IMAGE_CHARS && contentUrl.length <= GREY_SAVES * INLINE_IMAGE_CHARS) {
    contentUrl = dataUri((await diagrams.png(answer, { zoom: TEAMS_ZOOM, grayscale: true }))!);
  }
  if (contentUrl.length <= INLINE_IMAGE_CHARS) {
    return { ...plain(answer.summary), attachments: [{ contentType: 'image/png', contentUrl, name: 'flow-diagram.png' }] };
  }
  const kb = Math.ceil(contentUrl.length / 1024);
  return plain(
    `The diagram of this answer is too large for a Teams message (${kb} KB as a picture; a message holds about 100 KB). ` +
      'Ask about one component in one mode, or open the answer on the web page, which draws it at any size.',
  );
}

const dataUri = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

function plain(text: string): Partial<Activity> {
  return { type: 'message', textFormat: 'plain', text };
}
