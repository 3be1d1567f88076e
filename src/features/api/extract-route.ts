// Extraction as a service: the knowledge engine run on a partner's text, answering the contract's JSON
// (docs/knowledge-contract.md). Costly, so behind the facts:read scope, the key's rate limit and a size cap.
import { AppError } from '../../platform/errors.js';
import type { ApiRoute } from './api-route.js';

/** The longest text taken, in characters (a long feature article is about 40,000). */
export const EXTRACT_MAX_CHARS = 50_000;

const loose = (required: string[]) => ({ type: 'object', required, additionalProperties: true });

/** POST /extract. */
export function extractRoute(): ApiRoute {
  return {
    method: 'POST',
    url: '/extract',
    operationId: 'extract',
    tag: 'Knowledge',
    scope: 'facts:read',
    summary: "Run the knowledge engine on a text: its entities and facts, in the engine's contract",
    description:
      `The text is read as an article (first line the title). At most ${EXTRACT_MAX_CHARS.toLocaleString('en')} characters. ` +
      '`published` (YYYY-MM-DD) anchors relative dates; `lang` forces English, Russian or Chinese. A text in another language is a 422.',
    bodyLimit: 256 * 1024,
    body: {
      type: 'object',
      properties: {
        text: { type: 'string', minLength: 1, maxLength: EXTRACT_MAX_CHARS },
        lang: { enum: ['auto', 'en', 'ru', 'zh'], default: 'auto' },
        published: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      },
      required: ['text'],
      additionalProperties: false,
    },
    response: {
      type: 'object',
      properties: {
        lang: { enum: ['en', 'ru', 'zh'] },
        extractor_version: { type: 'string' },
        entities: { type: 'array', items: loose(['id', 'type', 'name', 'mentions']) },
        facts: { type: 'array', items: loose(['type', 'args', 'confidence', 'evidence']) },
      },
      required: ['lang', 'extractor_version', 'entities', 'facts'],
      additionalProperties: false,
    },
    async handler(request) {
      const b = request.body as { text: string; lang: string; published?: string };
      // Loaded on first use, as publishing does: the engine builds its gazetteer when imported.
      const engine = await import('../../nlp/index.js');
      try {
        const r = engine.extract(b.text, { lang: b.lang, published: b.published });
        return { lang: r.lang ?? 'en', extractor_version: engine.EXTRACTOR_VERSION, entities: r.entities, facts: r.facts };
      } catch (err) {
        if (err instanceof engine.UnreadableLanguageError)
          throw new AppError('validation', 'The engine reads English, Russian and Chinese only.', {
            [b.lang === 'auto' ? 'text' : 'lang']: err.message,
          });
        throw err;
      }
    },
  };
}
