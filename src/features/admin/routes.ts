// Routes of the admin feature.
import type { FastifyInstance } from 'fastify';
import type { AppCtx } from '../app-context.js';

/** Registers every URL of the admin feature. */
export function registerAdminRoutes(app: FastifyInstance, ctx: AppCtx): void {
  void app; void ctx;
}
