// Routes of the site feature.
import type { FastifyInstance } from 'fastify';
import type { AppCtx } from '../app-context.js';

/** Registers every URL of the site feature. */
export function registerSiteRoutes(app: FastifyInstance, ctx: AppCtx): void {
  void app; void ctx;
}
