// Routes of the feeds feature.
import type { FastifyInstance } from 'fastify';
import type { AppCtx } from '../app-context.js';

/** Registers every URL of the feeds feature. */
export function registerFeedRoutes(app: FastifyInstance, ctx: AppCtx): void {
  void app; void ctx;
}
