// Routes of the search feature.
import type { FastifyInstance } from 'fastify';
import type { AppCtx } from '../app-context.js';

/** Registers every URL of the search feature. */
export function registerSearchRoutes(app: FastifyInstance, ctx: AppCtx): void {
  void app; void ctx;
}
