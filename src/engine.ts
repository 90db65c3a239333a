import type { Answer } from './answer';

/** Names for menus and examples: what a surface may list without asking a question. */
export interface Catalog {
  product: string;
  modes: { id: string; name: string; definition: string }[];
  components: { id: string; name: string }[];
  /** Example questions, for help texts, welcome messages and the web page. */
  examples: string[];
}

/** The one query engine: pure and synchronous, shared by every surface. */
export interface Engine {
  /** Answers one question in the contract's form; never throws, whatever the input. */
  ask(question: string): Answer;
  /** Every rule of the given modes (all when none), optionally only those of one component: the matrix browser. */
  browse(filter: { modes?: string[]; component?: string }): Answer;
  readonly catalog: Catalog;
}
