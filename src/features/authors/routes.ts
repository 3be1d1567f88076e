// Routes of the authors feature.
import type { FastifyInstance } from 'fastify';
import type { AppCtx } from '../app-context.js';

/** Registers every URL of the authors feature. */
export function registerAuthorRoutes(app: FastifyInstance, ctx: AppCtx): void {
  void app; void ctx;
}
