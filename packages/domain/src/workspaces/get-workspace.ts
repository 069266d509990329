import { type Db, workspaces } from '@cadence/db';
import { eq } from 'drizzle-orm';
import { notFound } from '../errors';

export async function getWorkspace(db: Db, workspaceId: string) {
  const [ws] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!ws) throw notFound('workspace');
  return ws;
}
