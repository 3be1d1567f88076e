// Routes of the events feature.
import type { FastifyInstance } from 'fastify';
import type { AppCtx } from '../app-context.js';

/** Registers every URL of the events feature. */
export function registerEventRoutes(app: FastifyInstance, ctx: AppCtx): void {
  void app; void ctx;
}
