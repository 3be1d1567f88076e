// Routes of the rubrics feature.
import type { FastifyInstance } from 'fastify';
import type { AppCtx } from '../app-context.js';

/** Registers every URL of the rubrics feature. */
export function registerRubricRoutes(app: FastifyInstance, ctx: AppCtx): void {
  void app; void ctx;
}
