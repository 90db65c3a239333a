// Plain constants, no zod: the engine and a knowledge snapshot use them at start-up, the schemas check against them.

/**
 * The word classes of the English locale (knowledge/language.json `words`): each names what a
 * refiner of src/reading looks for. A phrase may belong to several classes.
 */
export const WORD_CLASSES = [
  // Structure: what a word is in a sentence, for the refiners that follow the grammar.
  'determiner', 'pronoun', 'reference', 'auxiliary', 'copula', 'preposition', 'conjunction', 'alternative', 'neutral', 'adverb',
  // Where one clause ends and another begins ("when", "if", "given"), and relative pronouns after a noun.
  'clauseOpener', 'relative',
  // The ends of a flow and its direction.
  'from', 'to', 'on', 'between', 'join', 'topic', 'sourceVerb', 'destinationVerb', 'inbound', 'outbound',
  // Negation and exclusion, and the words they may skip to reach what they negate.
  'negator', 'exclude', 'excludeAfter', 'negationSkip', 'contrast',
  // The deployment grammar: where the endpoints are, how often, who they are, and when.
  'inside', 'outside', 'mixed', 'zone', 'weakPlace', 'ambiguousPlace', 'locative', 'placeQualifier', 'leave', 'arrive',
  'always', 'only', 'never', 'sometimes', 'mostly', 'otherwise', 'some', 'everyone', 'endpoint', 'verb', 'dayNoun',
  'past', 'present', 'future', 'inchoative',
  // What the question asks for.
  'wh', 'checkStart', 'requestAfterCheck', 'checkWord', 'closeWord', 'yesNo', 'tagQuestion', 'anyOpener',
  'listStart', 'howTo', 'howVerb', 'configTool', 'measure', 'rulesHead', 'matrixVerb', 'offMatrix', 'narrowing',
  'diff', 'diffBase', 'added', 'removed', 'explain', 'modesTopic', 'allModes', 'help', 'reset', 'everything', 'followUp', 'opener',
  // Words that may be dropped because they cannot change which rules answer.
  'greeting', 'chatter', 'month', 'ambiguousMonth', 'weekday', 'siteNoun', 'countNoun', 'versioned', 'anaphor', 'plainModifier',
  // Numbers: words that join two numbers into a range; words after which a number is a port; "443 of our staff".
  'rangeJoin', 'rangeBetween', 'portWord', 'versionWord', 'yearBefore', 'idWord', 'partOf',
  // Generic nouns that name no component in particular ("the server"): the question needs one.
  'headNoun', 'placeNoun',
  // "both storage locations": every component whose name ends in the words that follow; "not only A but also B".
  'allOf', 'union',
  // Statements beside the question: a fault ("backups keep failing"), a change named as a thing ("the
  // migration"), who speaks ("I'm Marco", "Priya asked").
  'fault', 'diffEvent', 'introduction', 'reportVerb',
] as const;
export type WordClass = (typeof WORD_CLASSES)[number];

/** The output formats a question may ask for ("as CSV"); each has a renderer. */
export const OUTPUT_FORMATS = ['csv', 'markdown', 'json', 'powershell'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
