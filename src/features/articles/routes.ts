// Routes of the articles feature.
import type { FastifyInstance } from 'fastify';
import type { AppCtx } from '../app-context.js';

/** Registers every URL of the articles feature. */
export function registerArticleRoutes(app: FastifyInstance, ctx: AppCtx): void {
  void app; void ctx;
}
