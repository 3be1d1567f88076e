// Routes of the tags feature.
import type { FastifyInstance } from 'fastify';
import type { AppCtx } from '../app-context.js';

/** Registers every URL of the tags feature. */
export function registerTagRoutes(app: FastifyInstance, ctx: AppCtx): void {
  void app; void ctx;
}
