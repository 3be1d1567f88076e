// The steps of a review: submit, assign, note, send back, approve. Each writes its audit entry and its mail
// (through the outbox) in the step's own transaction.
import { inTransaction, type Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { T } from '../../platform/i18n/index.js';
import { queueMail } from '../../platform/mail-queue.js';
import type { Article } from '../articles/article.js';
import { canPublish, type Actor, type PublishingService } from '../articles/publishing-service.js';
import { insertAudit } from '../audit/audit-store.js';
import type { ReviewState } from './review.js';
import {
  findRecipient,
  findReview,
  insertNote,
  listReviewers,
  noteExists,
  setReviewAssignee,
  closeSubmittedReview,
  setReviewState,
  submitReview,
} from './review-store.js';

export interface ReviewDeps {
  db: Db;
  clock: () => Date;
  t: T;
  baseUrl: () => string;
  publishing: PublishingService;
}

/** Builds the review steps from their dependencies. */
export function createReviewService(deps: ReviewDeps) {
  const { db, clock, t } = deps;
  const editorLink = (id: number) => `${deps.baseUrl()}/admin/articles/${id}/edit#review`;

  /** Queues a mail to one staff member about this article (nobody when they are the one acting, or gone). */
  async function tell(tx: Db, userId: number | null, actor: Actor, subject: string, text: string, now: Date) {
    if (userId === null || userId === actor.id) return;
    const to = await findRecipient(tx, userId);
    if (to) await queueMail(tx, { to: to.email, subject, text }, now);
  }

  async function audit(tx: Db, actor: Actor, action: string, a: Article, detail: string, now: Date) {
    await insertAudit(tx, {
      at: now,
      userId: actor.id,
      action,
      subjectType: 'article',
      subjectId: a.id,
      detail: detail ? `${a.title}: ${detail}` : a.title,
    });
  }

  function mustEdit(actor: Actor) {
    if (!canPublish(actor)) throw new AppError('forbidden', 'review.error.editors_only');
  }

  async function stateOf(a: Article): Promise<ReviewState | undefined> {
    return (await findReview(db, a.id))?.state;
  }

  return {
    /** The author (or an editor) asks for review of a draft; the assignee, if any, is told. */
    async submit(actor: Actor, a: Article): Promise<void> {
      if (a.status !== 'draft') throw new AppError('conflict', 'review.error.not_draft');
      if ((await stateOf(a)) === 'submitted') throw new AppError('conflict', 'review.error.already_submitted');
      const now = clock();
      await inTransaction(db, async (tx) => {
        const before = await findReview(tx, a.id);
        await submitReview(tx, a.id, actor.id, now);
        await audit(tx, actor, before ? 'review.resubmit' : 'review.submit', a, '', now);
        if (before?.assigneeId)
          await tell(
            tx,
            before.assigneeId,
            actor,
            t('review.mail.resubmitted.subject', { title: a.title }),
            t('review.mail.resubmitted.text', { title: a.title, link: editorLink(a.id) }),
            now,
          );
      });
    },

    /** An editor gives the review to a reviewer (an editor or admin), who is told by mail. */
    async assign(actor: Actor, a: Article, assigneeId: number): Promise<void> {
      mustEdit(actor);
      if ((await stateOf(a)) !== 'submitted') throw new AppError('conflict', 'review.error.not_waiting');
      const reviewer = (await listReviewers(db)).find((r) => r.id === assigneeId);
      if (!reviewer) throw new AppError('validation', 'review.error.reviewer');
      const now = clock();
      await inTransaction(db, async (tx) => {
        await setReviewAssignee(tx, a.id, assigneeId, now);
        await audit(tx, actor, 'review.assign', a, reviewer.name, now);
        await tell(
          tx,
          assigneeId,
          actor,
          t('review.mail.assigned.subject', { title: a.title }),
          t('review.mail.assigned.text', { title: a.title, link: editorLink(a.id) }),
          now,
        );
      });
    },

    /** A note on the draft (or a reply to one); the assignee or the author, whoever did not write it, is told. */
    async note(actor: Actor, a: Article, body: string, parentId: number | null): Promise<number> {
      if (parentId !== null && !(await noteExists(db, a.id, parentId))) throw new AppError('validation', 'review.error.parent');
      const now = clock();
      return inTransaction(db, async (tx) => {
        const review = await findReview(tx, a.id);
        const id = await insertNote(tx, { articleId: a.id, parentId, userId: actor.id, body, at: now });
        await audit(tx, actor, 'review.note', a, body.slice(0, 200), now);
        const other = review && (actor.id === review.submittedBy ? review.assigneeId : review.submittedBy);
        if (other)
          await tell(
            tx,
            other,
            actor,
            t('review.mail.note.subject', { title: a.title }),
            t('review.mail.note.text', { title: a.title, note: body, link: editorLink(a.id) }),
            now,
          );
        return id;
      });
    },

    /** An editor returns the draft to its author with a note saying why. */
    async sendBack(actor: Actor, a: Article, body: string): Promise<void> {
      mustEdit(actor);
      const review = await findReview(db, a.id);
      if (review?.state !== 'submitted' || a.status !== 'draft') throw new AppError('conflict', 'review.error.not_waiting');
      const now = clock();
      await inTransaction(db, async (tx) => {
        await insertNote(tx, { articleId: a.id, parentId: null, userId: actor.id, body, at: now });
        await setReviewState(tx, a.id, 'sent_back', now);
        await audit(tx, actor, 'review.send_back', a, body.slice(0, 200), now);
        await tell(
          tx,
          review.submittedBy,
          actor,
          t('review.mail.sent_back.subject', { title: a.title }),
          t('review.mail.sent_back.text', { title: a.title, note: body, link: editorLink(a.id) }),
          now,
        );
      });
    },

    /**
     * An editor approves the draft: it is published now, or scheduled when a time is given (the publishing
     * service checks the time and logs the approval), the review is closed and the author told, all in the
     * save's one transaction: an approval never publishes without closing its review, nor the reverse.
     */
    async approve(actor: Actor, a: Article, input: Parameters<PublishingService['save']>[1], scheduleAt?: Date): Promise<void> {
      mustEdit(actor);
      const review = await findReview(db, a.id);
      if (review?.state !== 'submitted' || a.status !== 'draft') throw new AppError('conflict', 'review.error.not_waiting');
      await deps.publishing.save(actor, input, {
        id: a.id,
        action: scheduleAt ? 'schedule' : 'publish',
        scheduleAt,
        audit: { action: 'review.approve', detail: scheduleAt ? `${a.title} for ${scheduleAt.toISOString()}` : a.title },
        within: async (tx) => {
          // Another editor may have sent it back or approved it since the check above: only a waiting review closes.
          if (!(await closeSubmittedReview(tx, a.id, clock()))) throw new AppError('conflict', 'review.error.not_waiting');
          await tell(
            tx,
            review.submittedBy,
            actor,
            t('review.mail.approved.subject', { title: a.title }),
            t('review.mail.approved.text', { title: a.title, link: editorLink(a.id) }),
            clock(),
          );
        },
      });
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
