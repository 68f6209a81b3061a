import type { Db } from '../../db/database.js';

export interface AuditEntry {
  at: string;
  actor: { id: number | null; name: string };
  action: string;
  articleId?: number | null;
  subject?: string;
  details?: Record<string, unknown>;
}

/** Appends to the audit log; call it inside the transaction of the change it records. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      user_id: entry.actor.id,
      user_name: entry.actor.name,
      action: entry.action,
      article_id: entry.articleId ?? null,
      subject: entry.subject ?? '',
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export interface AuditRow {
  id: number;
  at: string;
  userName: string;
  action: string;
  articleId: number | null;
  subject: string;
}

/** Newest first; for one article when `articleId` is given. */
export async function listAudit(
  db: Db,
  options: { articleId?: number; limit: number; offset: number },
): Promise<AuditRow[]> {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .offset(options.offset);
  if (options.articleId !== undefined) query = query.where('article_id', '=', options.articleId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userName: r.user_name,
    action: r.action,
    articleId: r.article_id,
    subject: r.subject,
  }));
}
