// The workspace the screen walk (walk.ts) visits: what a French team has after a few weeks, so every
// screen shows real content rather than its empty state. Most of it goes through the API as people
// would make it (owner, manager, editor, viewer; channels, a campaign with pillars, charter rules, posts
// taken through review, media, a token, a feed, a webhook, a pending invitation, notifications that
// follow from the reviews). What only the publisher or a network's sync would make (posts publishing,
// failed, partly published; inbox messages; a channel to reconnect) is written into the embedded
// database afterwards, while the server is stopped (seedOutcomes).
import { randomUUID } from 'node:crypto';
import { channels, type Db, inboxItems, posts, postTargets } from '@cadence/db';
import { eq, inArray } from 'drizzle-orm';
import { DateTime } from 'luxon';
import sharp from 'sharp';
import { api, expect, type Session } from './page-helpers';

export const PASSWORD = 'mot de passe très long 42';
export const people = {
  owner: { name: 'Odile Roux', email: 'odile@example.com' },
  manager: { name: 'Marc Lefèvre', email: 'marc@example.com' },
  editor: { name: 'Élise Martin', email: 'elise@example.com' },
  viewer: { name: 'Bruno Petit', email: 'bruno@example.com' },
  invited: 'victor@example.com',
};
const ZONE = 'Europe/Paris';

export interface Seeded {
  ws: string;
  owner: Session;
  /** The walk also goes through the app as an editor and as a viewer: what each role sees is checked. */
  editor: Session;
  viewer: Session;
  invitationToken: string;
  channelIds: string[];
  campaignId: string;
  /** A post id per post status (publishing, failed and partially_published once seedOutcomes ran). */
  posts: Record<string, string>;
  /** The newest inbox message (seedOutcomes): its conversation is walked too. */
  inboxItemId?: string;
}

const local = (days: number, hour: number) =>
  DateTime.now().setZone(ZONE).plus({ days }).set({ hour, minute: 30 }).toFormat("yyyy-MM-dd'T'HH:mm");

async function join(url: string, owner: Session, ws: string, email: string, name: string, role: string) {
  const invited = await api(url, owner, 'POST', `/workspaces/${ws}/invitations`, { email, role });
  const joined = await api(url, null, 'POST', '/invitations/register', {
    token: invited.json.token,
    name,
    password: PASSWORD,
    locale: 'fr',
  });
  return joined.session as Session;
}

async function upload(url: string, s: Session, ws: string, name: string, colour: string) {
  const png = await sharp({ create: { width: 1200, height: 900, channels: 3, background: colour } })
    .png()
    .toBuffer();
  const form = new FormData();
  form.append('file', new Blob([png], { type: 'image/png' }), name);
  const res = await fetch(`${url}/api/v1/workspaces/${ws}/media`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: form,
  });
  const json = (await res.json()) as { id: string };
  expect(res.status === 201, `upload ${name}: ${res.status} ${JSON.stringify(json)}`);
  return json.id;
}

export async function seedThroughApi(url: string): Promise<Seeded> {
  const setup = await api(url, null, 'POST', '/setup', {
    ...people.owner,
    password: PASSWORD,
    workspace: { name: 'Boulangerie Soleil', timezone: ZONE, locale: 'fr' },
  });
  const owner = setup.session as Session;
  const ws =
    ((await api(url, owner, 'GET', '/auth/session')).json.workspaces as { id: string }[])[0]?.id ?? '';
  const p = `/workspaces/${ws}`;
  const manager = await join(url, owner, ws, people.manager.email, people.manager.name, 'manager');
  const editor = await join(url, owner, ws, people.editor.email, people.editor.name, 'editor');
  const viewer = await join(url, owner, ws, people.viewer.email, people.viewer.name, 'viewer');
  const pending = await api(url, owner, 'POST', `${p}/invitations`, {
    email: people.invited,
    role: 'viewer',
  });

  const channelIds: string[] = [];
  for (const [displayName, handle] of [
    ['Boulangerie Soleil', '@soleil'],
    ['Soleil Pro', '@soleil-pro'],
  ]) {
    const made = await api(url, owner, 'POST', `${p}/channels`, { network: 'sandbox', displayName, handle });
    channelIds.push(String(made.json.id));
  }
  const targets = channelIds.map((channelId) => ({ channelId }));

  const charter = await api(url, owner, 'GET', `${p}/charter`);
  const current = charter.json.rules as Record<string, unknown>;
  await api(url, owner, 'PUT', `${p}/charter`, {
    rules: {
      ...current,
      rules: {
        pillars: [
          { id: 'coulisses', name: 'Coulisses du fournil', colour: '#8a4b08', targetShare: 0.4 },
          { id: 'produits', name: 'Nos produits', colour: '#1d5f8a', targetShare: 0.6 },
        ],
        tone: 'Chaleureux, tutoiement interdit.',
        bannedPhrases: { phrases: ['gratuit', 'pas cher'], severity: 'block' },
        maxPostsPerDay: { max: 3, severity: 'warn' },
        altText: { severity: 'warn' },
      },
    },
    baseVersion: charter.json.version ?? 0,
  });
  const campaign = await api(url, owner, 'POST', `${p}/campaigns`, {
    name: 'Galette des rois',
    objective: 'Faire connaître la galette maison',
    description: 'Trois semaines autour de l’Épiphanie.',
    startsOn: DateTime.now().toISODate(),
    endsOn: DateTime.now().plus({ days: 21 }).toISODate(),
    colour: '#b5651d',
  });
  const campaignId = String(campaign.json.id);
  const mediaId = await upload(url, owner, ws, 'galette.png', '#d9a441');
  await upload(url, owner, ws, 'fournil.png', '#6b4226');

  const posts: Record<string, string> = {};
  const write = async (who: Session, status: string, text: string, extra: Record<string, unknown> = {}) => {
    const made = await api(url, who, 'POST', `${p}/posts`, {
      text,
      targets,
      campaignId,
      pillarId: 'produits',
      ...extra,
    });
    posts[status] = String(made.json.id);
    return posts[status] as string;
  };
  const act = (who: Session, id: string, verb: string, body: unknown = {}) =>
    api(url, who, 'POST', `${p}/posts/${id}/${verb}`, body);

  await write(editor, 'draft', 'Brouillon : la recette de la pâte feuilletée, étape par étape.');
  await act(editor, await write(editor, 'in_review', 'La galette frangipane revient dès lundi !'), 'submit');
  const sentBack = await write(editor, 'changes_requested', 'Nouvelle fournée de pains au levain ce matin.');
  await act(editor, sentBack, 'submit');
  await act(manager, sentBack, 'request-changes', { comment: 'Ajoute l’horaire d’ouverture, merci.' });
  const approved = await write(editor, 'approved', 'Les croissants du dimanche sont prêts à 7 h.');
  await act(editor, approved, 'submit');
  await act(manager, approved, 'approve', { contentRevision: 1, comment: 'Parfait.' });
  const withPicture = {
    media: [{ url: `/api/v1/workspaces/${ws}/media/${mediaId}/content`, mediaId, kind: 'image', alt: '' }],
  };
  await act(owner, await write(owner, 'scheduled', 'Notre galette en photo.', withPicture), 'schedule', {
    local: local(2, 10),
  });
  await act(owner, await write(owner, 'cancelled', 'Fermeture exceptionnelle annulée.'), 'schedule', {
    local: local(3, 9),
  });
  await act(owner, posts.cancelled ?? '', 'cancel', { comment: 'Finalement ouvert.' });
  await act(owner, await write(owner, 'published', 'Merci pour vos 1 000 abonnés !'), 'schedule', {
    publishNow: true,
  });
  for (const status of ['publishing', 'failed', 'partially_published']) {
    await act(
      owner,
      await write(owner, status, `Annonce du marché de Noël (${status.length}).`),
      'schedule',
      {
        local: local(4, 11),
      },
    );
  }
  await api(url, editor, 'POST', `${p}/posts/${posts.in_review}/comments`, {
    body: '@Marc tu peux relire avant midi ?',
  });

  await api(url, owner, 'POST', `${p}/api-tokens`, { name: 'Intégration boutique', role: 'editor' });
  await api(url, owner, 'POST', `${p}/ics-feeds`, { name: 'Agenda de l’équipe', campaignId });
  await api(url, owner, 'POST', `${p}/webhooks`, {
    url: 'https://hooks.example.com/cadence',
    kinds: ['post_published', 'post_failed'],
  });
  await api(url, owner, 'POST', `${p}/inbox/saved-replies`, {
    title: 'Horaires',
    body: 'Bonjour {author}, nous sommes ouverts de 7 h à 19 h.',
  });
  return {
    ws,
    owner,
    editor,
    viewer,
    invitationToken: String(pending.json.token),
    channelIds,
    campaignId,
    posts,
  };
}

/** What the publisher and the networks would have made, written while the server is stopped. */
export async function seedOutcomes(db: Db, seeded: Seeded) {
  const [first, second] = seeded.channelIds;
  const hourAgo = new Date(Date.now() - 3_600_000);
  const outcome = async (status: 'publishing' | 'failed' | 'partially_published', targets: string[]) => {
    const id = seeded.posts[status] ?? '';
    await db.update(posts).set({ status, scheduledAt: hourAgo }).where(eq(posts.id, id));
    const rows = await db.select().from(postTargets).where(eq(postTargets.postId, id));
    for (const [i, row] of rows.entries()) {
      const to = targets[i] as 'sending' | 'failed' | 'published';
      await db
        .update(postTargets)
        .set({
          status: to,
          scheduledAt: hourAgo,
          publishedAt: to === 'published' ? hourAgo : null,
          lastError: to === 'failed' ? 'HTTP 503: Service Unavailable' : null,
        })
        .where(eq(postTargets.id, row.id));
    }
  };
  await outcome('publishing', ['sending', 'sending']);
  await outcome('failed', ['failed', 'failed']);
  await outcome('partially_published', ['published', 'failed']);
  await db
    .update(channels)
    .set({ status: 'needs_reconnect', statusReason: 'Renewing access failed: invalid_grant' })
    .where(inArray(channels.id, second ? [second] : []));
  const messages = [
    ['mention', '@claire', 'Claire Dubois', 'Vous faites des galettes sans amandes ?', 40],
    ['reply', '@paul', 'Paul Girard', 'Super, je passe demain matin !', 180],
    ['comment', '@nadia', 'Nadia Benali', 'Quels sont vos horaires le dimanche ?', 1500],
  ] as const;
  for (const [kind, handle, name, text, minutesAgo] of messages) {
    const externalId = randomUUID();
    const id = randomUUID();
    seeded.inboxItemId ??= id;
    await db.insert(inboxItems).values({
      id,
      workspaceId: seeded.ws,
      channelId: first ?? '',
      network: 'sandbox',
      externalId,
      kind,
      authorHandle: handle,
      authorName: name,
      text,
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
      threadRootExternalId: externalId,
      postId: seeded.posts.published ?? null,
    });
  }
}
