import type { Answer } from './answer';
import type { DiagramSettings } from './render/diagram/diagram-graph';
import type { ConversationContext } from './reading/follow-up';

export type { ConversationContext };

/** Names for menus and examples: what a surface may list without asking a question. */
export interface Catalog {
  product: string;
  /** The knowledge's version, as its matrix file states it. */
  version: string;
  modes: { id: string; name: string; definition: string }[];
  components: { id: string; name: string }[];
  /** The document's port types and the transports each runs over (HTTPS: tcp), for firewall exports. */
  protocols: { id: string; transports: string[] }[];
  /** Example questions, for help texts, welcome messages and the web page. */
  examples: string[];
  /** What the flow diagram takes besides an answer: the groups of components, the legend's words. */
  diagram: DiagramSettings;
  /**
   * The endpoints' component and the modes where they connect from outside (the knowledge's
   * deployments), with the sentence the exports warn with when such a rule allows only private addresses.
   */
  endpoints?: { component: string; outsideModes: string[]; privateOnlyWarning: string };
  /** What to do about a rule's note, by the note's text, where the knowledge says: the firewall script's header. */
  noteAdvice: Record<string, string>;
}

/** The one query engine: pure and synchronous, shared by every surface. */
/** A question answered within a conversation. */
export interface Conversed {
  answer: Answer;
  context?: ConversationContext;
  /** The answer took some of its slots from the context: asked on its own, the question reads otherwise. */
  tookFromPrevious: boolean;
}

export interface Engine {
  /**
   * Answers one question in the contract's form, on its own; never throws, whatever the input.
   * With `explain`, the answer carries the reading's trace.
   */
  ask(question: string, options?: { explain?: boolean }): Answer;
  /**
   * Answers a question of a conversation: a follow-up ("and in occasional?") takes the slots it
   * does not name from the context; a question that stands alone replaces it. Returns the
   * context to keep for the next question (undefined: forget it), and whether the answer took
   * anything from the context.
   */
  converse(question: string, context?: ConversationContext, options?: { explain?: boolean }): Conversed;
  /**
   * Every rule of the given modes (all when none), optionally only those of one component, and of
   * those only one direction (in: the component is the destination; out: the source): the matrix browser and the export.
   */
  browse(filter: { modes?: string[]; component?: string; direction?: 'in' | 'out' }): Answer;
  readonly catalog: Catalog;
}
