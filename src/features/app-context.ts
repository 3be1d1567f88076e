// The context every feature's routes receive: platform dependencies plus the domain services.
import type { Ctx } from '../platform/context.js';
import type { JobRunner } from '../platform/jobs.js';
import type { PublishingService } from './articles/publishing-service.js';

export interface AppCtx extends Ctx {
  publishing: PublishingService;
  jobs: JobRunner;
}
