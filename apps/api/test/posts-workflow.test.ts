// The editorial workflow end to end through the HTTP API: roles, states, approval policies,
// concurrency and history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, createTestApp, type TestApp } from './helpers';
import {
  act,
  approveWith,
  buildWorld,
  createPost,
  daysAhead,
  getPost,
  type PostsWorld,
  postsUrl,
  saveCharter,
  setPolicy,
} from './posts-fixtures';

let t: TestApp;
let w: PostsWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(async () => t.close());

describe('an editor’s post from draft to scheduled', () => {
  it('walks draft → in_review → approved → scheduled, and the history tells every step', async () => {
    const draft = await createPost(w, w.editor);
    expect(draft).toMatchObject({
      status: 'draft',
      version: 1,
      contentRevision: 1,
      approvals: [],
      approvalsRequired: 1,
    });
    expect(draft.author).toEqual({ userId: w.editor.userId, tokenId: null });
    expect(draft.targets).toHaveLength(1);
    expect(draft.targets[0]).toMatchObject({ channelId: w.channels[0], status: 'pending', externalId: null });

    const submitted = await act(w, w.editor, draft.id, 'submit', { version: 1 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('in_review');
    expect(submitted.headers.etag).toBe('"2"');

    const approved = await act(w, w.manager, draft.id, 'approve', { contentRevision: 1, comment: 'Nice' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvals: [{ userId: w.manager.userId }] });

    const local = daysAhead(10);
    const scheduled = await act(w, w.manager, draft.id, 'schedule', { local });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    const post = scheduled.json();
    expect(post.status).toBe('scheduled');
    expect(post.schedule).toMatchObject({ timezone: 'Europe/Paris', local });
    expect(post.targets[0].status).toBe('scheduled');
    expect(post.targets[0].scheduledAt).toBe(post.schedule.at);

    const history = await call(t, w.viewer, { method: 'GET', url: postsUrl(w.ws, `/${draft.id}/history`) });
    expect(history.statusCode).toBe(200);
    const steps = history
      .json()
      .items.map((e: { action: string; fromStatus: string; toStatus: string }) => [
        e.action,
        e.fromStatus,
        e.toStatus,
      ]);
    expect(steps).toEqual([
      ['created', null, 'draft'],
      ['submitted', 'draft', 'in_review'],
      ['approved', 'in_review', 'approved'],
      ['scheduled', 'approved', 'scheduled'],
    ]);
    const approval = history.json().items[2];
    expect(approval.actor).toEqual({
      kind: 'person',
      userId: w.manager.userId,
      tokenId: null,
      name: 'manager person',
    });
    expect(approval.comment).toBe('Nice');
    expect(new Date(approval.createdAt).getTime()).toBeGreaterThan(0);
  });
});

describe('every role on every step', () => {
  type Prepared = { id: string; version: number; contentRevision: number };
  const inReview = async (): Promise<Prepared> => {
    const p = await createPost(w, w.editor);
    return (await act(w, w.editor, p.id, 'submit')).json();
  };
  const approved = async (): Promise<Prepared> =>
    approveWith(w, (await createPost(w, w.editor)).id, [w.manager]);
  const scheduled = async (): Promise<Prepared> => {
    const p = await approved();
    return (await act(w, w.manager, p.id, 'schedule', { local: daysAhead(20) })).json();
  };
  const steps: [
    string,
    'editor' | 'manager' | 'viewer',
    () => Promise<Prepared>,
    (p: Prepared) => Record<string, unknown>,
  ][] = [
    ['submit', 'editor', async () => createPost(w, w.editor), () => ({})],
    ['approve', 'manager', inReview, (p) => ({ contentRevision: p.contentRevision })],
    ['request-changes', 'manager', inReview, () => ({ comment: 'Shorter, please' })],
    ['schedule', 'manager', approved, () => ({ local: daysAhead(30) })],
    ['reschedule', 'manager', scheduled, () => ({ local: daysAhead(31) })],
    ['unschedule', 'manager', scheduled, () => ({})],
    ['cancel', 'manager', approved, () => ({})],
    ['PATCH', 'editor', async () => createPost(w, w.editor), (p) => ({ version: p.version, text: 'Edited' })],
    ['comments', 'viewer', async () => createPost(w, w.editor), () => ({ body: 'Looks good' })],
  ];
  const rank = { viewer: 0, editor: 1, manager: 2, owner: 3 } as const;

  it.each(steps)('%s needs %s: lower roles get 403, others succeed', async (step, minRole, prepare, body) => {
    const callers: [keyof typeof rank, Caller][] = [
      ['viewer', w.viewer],
      ['editor', w.editor],
      ['manager', w.manager],
      ['owner', w.owner],
    ];
    for (const [role, caller] of callers) {
      const post = await prepare();
      const res =
        step === 'PATCH'
          ? await call(t, caller, {
              method: 'PATCH',
              url: postsUrl(w.ws, `/${post.id}`),
              payload: body(post),
            })
          : await act(w, caller, post.id, step, body(post));
      const allowed = rank[role] >= rank[minRole];
      expect([role, res.statusCode], res.body).toEqual([
        role,
        allowed ? (step === 'comments' ? 201 : 200) : 403,
      ]);
    }
  });

  it('lets viewers read but not write, and API tokens write but never approve', async () => {
    const created = await call(t, w.viewer, {
      method: 'POST',
      url: postsUrl(w.ws),
      payload: { text: 'x', targets: [{ channelId: w.channels[0] }] },
    });
    expect(created.statusCode).toBe(403);
    const post = await createPost(w, w.editor);
    expect((await call(t, w.viewer, { method: 'GET', url: postsUrl(w.ws, `/${post.id}`) })).statusCode).toBe(
      200,
    );
    const managerToken = await import('./helpers').then((h) => h.createToken(t, w.owner, w.ws, 'manager'));
    await act(w, w.editor, post.id, 'submit');
    const res = await act(w, managerToken, post.id, 'approve', { contentRevision: 1 });
    expect(res.statusCode).toBe(403);
  });
});

describe('forbidden transitions by state', () => {
  it('answers 409 for steps the current status does not allow', async () => {
    const draft = await createPost(w, w.editor);
    for (const [action, body] of [
      ['approve', { contentRevision: 1 }],
      ['request-changes', { comment: 'no' }],
      ['reschedule', { local: daysAhead(5) }],
      ['unschedule', {}],
      ['schedule', { local: daysAhead(5) }],
    ] as const) {
      const res = await act(w, w.manager, draft.id, action, body);
      expect([action, res.statusCode], res.body).toEqual([action, 409]);
    }
    await act(w, w.editor, draft.id, 'submit');
    expect((await act(w, w.editor, draft.id, 'submit')).statusCode).toBe(409);
    expect((await act(w, w.manager, draft.id, 'cancel')).statusCode).toBe(200);
    for (const action of ['submit', 'cancel', 'unschedule']) {
      expect((await act(w, w.manager, draft.id, action)).statusCode).toBe(409);
    }
    const current = await getPost(w, draft.id);
    const edit = await call(t, w.editor, {
      method: 'PATCH',
      url: postsUrl(w.ws, `/${draft.id}`),
      payload: { version: current.version, text: 'too late' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.details.status).toBe('cancelled');
  });

  it('cannot approve twice once approved, nor submit an approved post', async () => {
    const post = await approveWith(w, (await createPost(w, w.editor)).id, [w.manager]);
    expect((await act(w, w.manager2, post.id, 'approve', { contentRevision: 1 })).statusCode).toBe(409);
    expect((await act(w, w.editor, post.id, 'submit')).statusCode).toBe(409);
  });

  it('requires a comment to request changes, and shows it in the conversation', async () => {
    const post = await createPost(w, w.editor);
    await act(w, w.editor, post.id, 'submit');
    expect((await act(w, w.manager, post.id, 'request-changes', {})).statusCode).toBe(400);
    expect((await act(w, w.manager, post.id, 'request-changes', { comment: '   ' })).statusCode).toBe(400);
    const res = await act(w, w.manager, post.id, 'request-changes', { comment: 'Add the hashtag' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'changes_requested', commentsCount: 1 });
    const comments = await call(t, w.editor, { method: 'GET', url: postsUrl(w.ws, `/${post.id}/comments`) });
    expect(comments.json().items[0]).toMatchObject({
      body: 'Add the hashtag',
      author: { userId: w.manager.userId },
    });
    expect((await act(w, w.editor, post.id, 'submit')).json().status).toBe('in_review');
  });
});

describe('approval policies', () => {
  it('by default lets managers and owners schedule their own posts, while editors’ and tokens’ wait', async () => {
    const own = await createPost(w, w.manager);
    expect(own.approvalsRequired).toBe(0);
    const direct = await act(w, w.manager, own.id, 'schedule', { local: daysAhead(12) });
    expect(direct.statusCode, direct.body).toBe(200);
    expect(direct.json().status).toBe('scheduled');
    const ownersNow = await act(w, w.owner, (await createPost(w, w.owner)).id, 'schedule', {
      publishNow: true,
    });
    expect(ownersNow.statusCode, ownersNow.body).toBe(200);

    const editors = await createPost(w, w.editor);
    expect(editors.approvalsRequired).toBe(1);
    const refused = await act(w, w.manager, editors.id, 'schedule', { local: daysAhead(12) });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toMatchObject({ approvalsRequired: 1, reason: 'needs_approval' });
    // Editors still cannot schedule, whatever the policy.
    expect((await act(w, w.editor, editors.id, 'schedule', { local: daysAhead(12) })).statusCode).toBe(403);

    const viaApi = await createPost(w, w.token);
    expect(viaApi.author).toEqual({ userId: w.owner.userId, tokenId: w.token.tokenId });
    expect(viaApi.approvalsRequired).toBe(1);
    expect((await act(w, w.manager, viaApi.id, 'schedule', { local: daysAhead(12) })).statusCode).toBe(409);
    expect((await act(w, w.token, viaApi.id, 'submit')).json().status).toBe('in_review');
    expect((await act(w, w.manager, viaApi.id, 'approve', { contentRevision: 1 })).json().status).toBe(
      'approved',
    );
    expect((await act(w, w.manager, viaApi.id, 'schedule', { local: daysAhead(13) })).statusCode).toBe(200);
  });

  it('follows the scope the owner picks, and only an owner may change it', async () => {
    const byManager = await call(t, w.manager, {
      method: 'PATCH',
      url: `/api/v1/workspaces/${w.ws}`,
      payload: { approvalScope: 'nobody' },
    });
    expect(byManager.statusCode).toBe(403);
    expect(byManager.json().error.details.reason).toBe('owner_only');
    const rename = await call(t, w.manager, {
      method: 'PATCH',
      url: `/api/v1/workspaces/${w.ws}`,
      payload: { name: 'Acme team' },
    });
    expect(rename.statusCode, rename.body).toBe(200);
    expect(rename.json()).toMatchObject({ name: 'Acme team', approvalScope: 'editors_and_tokens' });
    const bad = await call(t, w.owner, {
      method: 'PATCH',
      url: `/api/v1/workspaces/${w.ws}`,
      payload: { approvalScope: 'some', requiredApprovals: 0 },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['body.approvalScope', 'body.requiredApprovals']);

    try {
      await setPolicy(w, { approvalScope: 'nobody' });
      expect((await createPost(w, w.editor)).approvalsRequired).toBe(0);
      expect((await createPost(w, w.token)).approvalsRequired).toBe(0);
      await setPolicy(w, { approvalScope: 'all_but_owners' });
      expect((await createPost(w, w.owner)).approvalsRequired).toBe(0);
      expect((await createPost(w, w.manager)).approvalsRequired).toBe(1);
      await setPolicy(w, { approvalScope: 'everyone', requiredApprovals: 2 });
      expect((await createPost(w, w.owner)).approvalsRequired).toBe(2);
    } finally {
      await setPolicy(w, { approvalScope: 'editors_and_tokens', requiredApprovals: 1 });
    }
  });

  it('needs two distinct managers under a 2-approval policy, never the same twice nor the author', async () => {
    await setPolicy(w, { approvalScope: 'everyone', requiredApprovals: 2 });
    try {
      const post = await createPost(w, w.manager);
      expect(post.approvalsRequired).toBe(2);
      expect(post.writerUserIds).toEqual([w.manager.userId]);
      await act(w, w.manager, post.id, 'submit');
      const byAuthor = await act(w, w.manager, post.id, 'approve', { contentRevision: 1 });
      expect(byAuthor.statusCode).toBe(403);
      expect(byAuthor.json().error.details.reason).toBe('own_content');

      const first = await act(w, w.manager2, post.id, 'approve', { contentRevision: 1 });
      expect(first.json()).toMatchObject({ status: 'in_review', approvals: [{ userId: w.manager2.userId }] });
      const again = await act(w, w.manager2, post.id, 'approve', { contentRevision: 1 });
      expect(again.statusCode).toBe(409);
      expect((await getPost(w, post.id)).status).toBe('in_review');

      const second = await act(w, w.owner, post.id, 'approve', { contentRevision: 1 });
      expect(second.json().status).toBe('approved');
      expect(second.json().approvals).toHaveLength(2);
    } finally {
      await setPolicy(w, { approvalScope: 'editors_and_tokens', requiredApprovals: 1 });
    }
  });

  it('counts approvals again when the policy was tightened after a post became approved', async () => {
    await setPolicy(w, { approvalScope: 'nobody' });
    try {
      const post = await createPost(w, w.editor);
      const scheduled = await act(w, w.manager, post.id, 'schedule', { local: daysAhead(15) });
      expect(scheduled.json().status).toBe('scheduled');
      const back = await act(w, w.manager, post.id, 'unschedule', { version: scheduled.json().version });
      expect(back.json()).toMatchObject({ status: 'approved', approvals: [] });
      await setPolicy(w, { approvalScope: 'editors_and_tokens' });
      const refused = await act(w, w.manager, post.id, 'schedule', { local: daysAhead(16) });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.details).toMatchObject({ reason: 'needs_approval', approvalsRequired: 1 });
      // It is not stuck: a manager approves it as it stands, then it can be scheduled.
      const current = await getPost(w, post.id);
      const approved = await act(w, w.manager, post.id, 'approve', {
        contentRevision: current.contentRevision,
      });
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json()).toMatchObject({
        status: 'approved',
        approvals: [{ userId: w.manager.userId }],
      });
      expect((await act(w, w.manager2, post.id, 'approve', { contentRevision: 1 })).statusCode).toBe(409);
      expect((await act(w, w.manager, post.id, 'schedule', { local: daysAhead(16) })).statusCode).toBe(200);
    } finally {
      await setPolicy(w, { approvalScope: 'editors_and_tokens' });
    }
  });

  it('lets the author approve when the policy needs no approval', async () => {
    await setPolicy(w, { approvalScope: 'nobody' });
    try {
      const post = await createPost(w, w.manager);
      await act(w, w.manager, post.id, 'submit');
      expect((await act(w, w.manager, post.id, 'approve', { contentRevision: 1 })).json().status).toBe(
        'approved',
      );
    } finally {
      await setPolicy(w, { approvalScope: 'editors_and_tokens' });
    }
  });
});

describe('editing and concurrency', () => {
  it('sends an edited approved post back to review and drops its approvals', async () => {
    const post = await approveWith(w, (await createPost(w, w.editor)).id, [w.manager]);
    // Labels are not content: the approval stands.
    const relabelled = await call(t, w.editor, {
      method: 'PATCH',
      url: postsUrl(w.ws, `/${post.id}`),
      payload: { version: post.version, labels: ['launch'] },
    });
    expect(relabelled.json()).toMatchObject({ status: 'approved', contentRevision: 1, labels: ['launch'] });

    const edited = await call(t, w.editor, {
      method: 'PATCH',
      url: postsUrl(w.ws, `/${post.id}`),
      headers: { 'if-match': relabelled.headers.etag as string },
      payload: { text: 'New words' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      status: 'in_review',
      contentRevision: 2,
      approvals: [],
      approvedAt: null,
    });
    // The old approval was for revision 1: approving it now is refused.
    expect((await act(w, w.manager, post.id, 'approve', { contentRevision: 1 })).statusCode).toBe(409);
    expect((await act(w, w.manager, post.id, 'approve', { contentRevision: 2 })).json().status).toBe(
      'approved',
    );
  });

  it('unschedules an edited scheduled post and schedules it again at the same time once re-approved', async () => {
    const approved = await approveWith(w, (await createPost(w, w.editor)).id, [w.manager]);
    const local = daysAhead(40, '08:15');
    const scheduled = (await act(w, w.manager, approved.id, 'schedule', { local })).json();
    const edited = await call(t, w.editor, {
      method: 'PATCH',
      url: postsUrl(w.ws, `/${approved.id}`),
      payload: {
        version: scheduled.version,
        targets: [{ channelId: w.channels[0] }, { channelId: w.channels[1], text: 'Two' }],
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const back = edited.json();
    expect(back.status).toBe('in_review');
    expect(
      back.targets.map((x: { status: string; scheduledAt: string | null }) => [x.status, x.scheduledAt]),
    ).toEqual([
      ['pending', null],
      ['pending', null],
    ]);
    expect(back.schedule.local).toBe(local);

    const reapproved = (
      await act(w, w.manager2, approved.id, 'approve', { contentRevision: back.contentRevision })
    ).json();
    expect(reapproved.status).toBe('scheduled');
    expect(reapproved.targets.every((x: { status: string }) => x.status === 'scheduled')).toBe(true);
    const history = (
      await call(t, w.viewer, { method: 'GET', url: postsUrl(w.ws, `/${approved.id}/history`) })
    ).json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual([
      'created',
      'submitted',
      'approved',
      'scheduled',
      'edited',
      'approved',
      'scheduled',
    ]);
    expect(history.items[4]).toMatchObject({ fromStatus: 'scheduled', toStatus: 'in_review' });
  });

  it('refuses a stale version with 409 and the current version, and a missing one with 428', async () => {
    const post = await createPost(w, w.editor);
    const first = await call(t, w.editor, {
      method: 'PATCH',
      url: postsUrl(w.ws, `/${post.id}`),
      payload: { version: 1, text: 'First writer' },
    });
    expect(first.statusCode).toBe(200);
    const second = await call(t, w.manager, {
      method: 'PATCH',
      url: postsUrl(w.ws, `/${post.id}`),
      headers: { 'if-match': '"1"' },
      payload: { text: 'Second writer' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details.currentVersion).toBe(2);
    expect((await getPost(w, post.id)).text).toBe('First writer');

    const missing = await call(t, w.editor, {
      method: 'PATCH',
      url: postsUrl(w.ws, `/${post.id}`),
      payload: { text: 'x' },
    });
    expect(missing.statusCode).toBe(428);
    const disagree = await call(t, w.editor, {
      method: 'PATCH',
      url: postsUrl(w.ws, `/${post.id}`),
      headers: { 'if-match': '"2"' },
      payload: { version: 1, text: 'x' },
    });
    expect(disagree.statusCode).toBe(400);
    expect((await act(w, w.editor, post.id, 'submit', { version: 1 })).statusCode).toBe(409);
  });

  it('lets exactly one of two concurrent edits of the same version win', async () => {
    const post = await createPost(w, w.editor);
    const results = await Promise.all(
      ['A', 'B'].map((text) =>
        call(t, w.editor, {
          method: 'PATCH',
          url: postsUrl(w.ws, `/${post.id}`),
          payload: { version: 1, text },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await getPost(w, post.id)).version).toBe(2);
  });
});

describe('the charter in the workflow', () => {
  it('stores warnings on save, and a blocking violation prevents approval until fixed', async () => {
    const charter = await saveCharter(w, {
      bannedPhrases: { phrases: ['free money'], severity: 'block' },
      maxHashtags: { max: 1, severity: 'warn' },
    });
    try {
      const post = await createPost(w, w.editor, { text: 'Get free money #a #b' });
      const rules = post.violations.map((v: { rule: string; severity: string }) => [v.rule, v.severity]);
      expect(rules).toEqual([
        ['bannedPhrases', 'block'],
        ['maxHashtags', 'warn'],
      ]);

      // Submitting what the charter blocks is refused with the violations; the draft stays saved.
      const refusedSubmit = await act(w, w.editor, post.id, 'submit');
      expect(refusedSubmit.statusCode).toBe(422);
      expect(refusedSubmit.json().error.details.violations).toEqual([
        expect.objectContaining({ rule: 'bannedPhrases', severity: 'block' }),
      ]);
      expect(await getPost(w, post.id)).toMatchObject({ status: 'draft', version: post.version });

      const current = await getPost(w, post.id);
      const fixed = await call(t, w.editor, {
        method: 'PATCH',
        url: postsUrl(w.ws, `/${post.id}`),
        payload: { version: current.version, text: 'Get a discount #a' },
      });
      expect(fixed.json().violations).toEqual([]);
      expect((await act(w, w.editor, post.id, 'submit')).statusCode).toBe(200);
      // The charter changes while the post waits: approval checks again and refuses.
      await saveCharter(w, { bannedPhrases: { phrases: ['discount'], severity: 'block' } });
      const refused = await act(w, w.manager, post.id, 'approve', { contentRevision: 2 });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.details.violations[0].message).toContain('discount');
      expect((await getPost(w, post.id)).approvals).toEqual([]);
      const relaxed = await saveCharter(w, { maxHashtags: { max: 1, severity: 'warn' } });

      const ok = await act(w, w.manager, post.id, 'approve', { contentRevision: 2 });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({
        status: 'approved',
        charterVersionId: relaxed.id,
        approvals: [{ charterVersionId: relaxed.id, contentRevision: 2 }],
      });
      expect(charter.id).not.toBe(relaxed.id);
    } finally {
      await saveCharter(w, {});
    }
  });
});

describe('createPost called by other features (bulk, CSV)', () => {
  it('runs in a savepoint of the caller’s transaction: a failing item rolls back alone', async () => {
    const { createPost: create } = await import('@cadence/domain/posts/create-post');
    const { AppError } = await import('@cadence/domain/errors');
    const actor = {
      workspaceId: w.ws,
      workspaceTimezone: 'Europe/Paris',
      role: 'editor' as const,
      userId: w.editor.userId ?? null,
      tokenId: null,
    };
    const items = [
      { text: 'bulk one', targets: [{ channelId: w.channels[0] }] },
      { text: 'bulk two', targets: [{ channelId: '00000000-0000-4000-8000-000000000000' }] },
      { text: 'bulk three', targets: [{ channelId: w.channels[1] }], status: 'approved' },
      { text: 'bulk four', targets: [{ channelId: w.channels[1] }] },
    ];
    const results = await t.ctx.database.db.transaction(async (tx) => {
      const out: (string | { code: string; field?: string })[] = [];
      for (const item of items) {
        try {
          out.push((await create({ db: tx, clock: () => new Date() }, actor, item as never)).status);
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          const details = e.details as { field: string }[] | undefined;
          out.push({ code: e.code, ...(details?.[0]?.field ? { field: details[0].field } : {}) });
        }
      }
      return out;
    });
    expect(results).toEqual([
      'draft',
      { code: 'not_found' },
      { code: 'validation_failed', field: 'body.status' },
      'draft',
    ]);
    const list = (await call(t, w.viewer, { method: 'GET', url: postsUrl(w.ws, '?limit=10') })).json();
    const texts = list.items.map((p: { text: string }) => p.text);
    expect(texts).toContain('bulk one');
    expect(texts).toContain('bulk four');
    expect(texts).not.toContain('bulk two');
  });
});
