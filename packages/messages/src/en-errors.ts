// English sentences of the domain's refusals, by feature (merged into `errors` in en.ts). Each
// is said by code with parameters; the English text is also the error's log message.
export const enErrors = {
  posts: {
    /** "A post that is <status>": each post status as the rest of that sentence. */
    statuses: {
      draft: 'a draft',
      in_review: 'in review',
      changes_requested: 'sent back for changes',
      approved: 'approved',
      scheduled: 'scheduled',
      publishing: 'being published',
      published: 'published',
      partially_published: 'partly published',
      failed: 'failed',
      cancelled: 'cancelled',
    },
    /** "cannot be <action>": each workflow action as a past participle. */
    actions: {
      edit: 'edited',
      submit: 'submitted for review',
      approve: 'approved',
      request_changes: 'sent back for changes',
      schedule: 'scheduled',
      reschedule: 'rescheduled',
      unschedule: 'unscheduled',
      cancel: 'cancelled',
    },
    wrongStatus:
      'A post that is $t(errors.posts.statuses.{{status}}) cannot be $t(errors.posts.actions.{{action}})',
    needsApproval_one: 'This post needs {{count, number}} approval before it can be scheduled',
    needsApproval_other: 'This post needs {{count, number}} approvals before it can be scheduled',
    deleteNeedsRole: 'Deleting this post needs the manager role, or an editor deleting their own draft',
    deleteSent: 'This post was sent (or is being sent) to a network: cancel it instead of deleting it',
    editorCannotDelete: 'A post that is $t(errors.posts.statuses.{{status}}) cannot be deleted by an editor',
    scheduledMoves: 'A scheduled post moves with reschedule, or comes off the calendar with unschedule',
    otherRevision:
      'You approved revision {{approved}} but the post is at revision {{current}}: read it again',
    approvedTwice: 'You already approved this revision; another manager must approve it',
    mediaNotInLibrary: 'This media item is not in the library of this workspace',
    changedSinceRead:
      'This post changed since you read it (version {{expected}}; it is now {{current}}): reload it',
    nonexistentLocalTime:
      '{{local}} does not exist in {{timezone}}: clocks jump from {{from}} to {{to}} that day',
    unknownPillar: 'The charter has no pillar “{{pillar}}”',
  },
  charterVersions: {
    moved: 'The charter is at version {{current}}, not {{base}}: reload it and apply your changes again',
  },
  workspaces: {
    ownerOnlyPolicy: 'Only an owner can change the approval policy',
    alreadySetUp: 'Cadence is already set up; sign in instead',
  },
  limits: {
    ownedWorkspaces: 'One person can own at most {{max, number}} workspaces',
    openInvitations: 'A workspace can have at most {{max, number}} open invitations',
    webhooks: 'A workspace can have at most {{max, number}} webhooks',
    savedReplies: 'A workspace can have at most {{max, number}} saved replies',
    liveItems:
      'You can have at most {{max, number}} live $t(errors.limits.things.{{cap}}) in a workspace; revoke one first',
    things: { api_tokens: 'API tokens', ics_feeds: 'calendar feeds' },
    attempts: 'Too many attempts from this address; wait a minute',
    fromAddress: 'Too many requests from this address, slow down',
    exportsRunning: 'Exports of this workspace are already running: wait for them to finish',
  },
  tokens: { higherRole: 'A token cannot have a higher role than yours' },
  notifications: { personOnly: 'Notifications belong to a person' },
  publishing: {
    /** "this one is <status>": each target status. */
    targetStatuses: {
      pending: 'waiting for its post to be scheduled',
      scheduled: 'scheduled',
      claimed: 'about to be sent',
      sending: 'being sent',
      published: 'published',
      failed: 'failed',
      unknown: 'of unknown outcome',
      held: 'held',
      missed: 'missed',
      cancelled: 'cancelled',
    },
    nothingToRetry: 'Nothing to retry: no target of this post failed, was missed or was held',
    confirmOnlyUnknown:
      'Only a target whose outcome is unknown can be confirmed; this one is $t(errors.publishing.targetStatuses.{{status}})',
    targetChanged: 'This target changed while you were confirming it: reload it',
  },
  queue: {
    searchExhausted: 'Finding a free queue slot takes too long here: pick a time or simplify the slots',
    noSlots: 'Some channels of this post have no queue slots: set them up or pick a time',
    noCommonSlot: 'No queue slot is free on all of this post’s channels within {{days, number}} days',
  },
  importExport: {
    csvUnreadable: 'The CSV cannot be read: line {{line, number}} is not valid CSV',
    csvEmpty: 'The file is empty: a header row is required',
    rowProblems_one: '{{count, number}} row has problems; nothing was imported',
    rowProblems_other: '{{count, number}} rows have problems; nothing was imported',
    exportGrew: 'The export grew past its cap: narrow the dates',
  },
  invitations: {
    invalid: 'This invitation link is not valid any more',
    otherAddress: 'This invitation was sent to another address; sign in with that one',
    accountExists: 'An account already uses this address: sign in to accept',
  },
  owners: {
    makeOwner: 'Only an owner can make someone an owner',
    changeOwner: 'Only an owner can change an owner',
    removeOwner: 'Only an owner can remove an owner',
  },
  inbox: {
    alreadyReviewed: 'This reply was already reviewed',
    ownReply: 'You cannot review your own reply',
    replyBreaksCharter: 'The reply breaks the charter; nothing was sent',
    savedReplyBreaksCharter: 'The saved reply breaks the charter; it was not saved',
    savedReplyChanged:
      'Someone changed this saved reply since you opened it: reload it and apply your changes again',
    cannotReplyHere: 'Cadence cannot reply on this network yet',
    channelNotConnected: 'The channel needs reconnecting before replying',
    channelNotConnectedToLike: 'The channel needs reconnecting before liking',
    likeNotInApi: '{{network, network}} does not let apps like a message: its API has no way to',
    likeNotRead: 'Cadence cannot like messages on {{network, network}} yet',
    channelNotConnectedToHide: 'The channel needs reconnecting before hiding or showing a message',
    hideNotInApi: '{{network, network}} does not let an account hide what others write under its posts',
    hideNotRead: 'Cadence cannot hide messages on {{network, network}} yet',
    hideNotOurPost: 'Only a reply under one of our posts can be hidden',
    hideNestedReply:
      'On this network only replies made directly under our post can be hidden: hide the reply this one answers, which hides it too',
  },
  resetLink: { invalid: 'This password reset link is not valid any more' },
  campaigns: {
    hasPosts_one: 'This campaign has {{count, number}} post: archive it instead',
    hasPosts_other: 'This campaign has {{count, number}} posts: archive it instead',
  },
  connect: {
    startedBySomeoneElse: 'This connection was started by someone else',
    requestExpired: 'This connection request is unknown, already used or expired: start again',
    /** {{words}} are the network's own, in its language: shown as a quotation. */
    networkDenied: 'The network did not authorise Cadence. The network’s words: “{{words}}”',
    noCode: 'The network sent no authorisation code',
    managerRole: 'Connecting channels needs the manager role',
    notOAuth: '{{network, network}} is not connected through a sign-in page',
    mastodonForgotUs: 'Cadence is no longer registered on that Mastodon instance: start again',
    notSetUp: '{{network, network}} is not set up on this Cadence server',
    notSetUpKeys:
      '{{network, network}} is not set up on this Cadence server: its OAuth app id and secret are missing',
    personOnly: 'Connecting an account needs a signed-in person',
    instanceMissing: 'Give the Mastodon instance address, e.g. mastodon.social',
    wrongNetwork: 'That channel is a {{channelNetwork, network}} channel, not {{network, network}}',
    networkSaid: 'The network refused. The network’s words: “{{words}}”',
    networkSaidRetry: 'The network could not answer; try again in a moment. The network’s words: “{{words}}”',
    oauthRequired: 'A {{network, network}} account is connected through its sign-in page',
    webhookUrlRequired: 'A webhook channel needs the URL to deliver to',
    weakSecret: 'A webhook secret needs at least {{min, number}} characters',
    blueskyCredentials: 'A Bluesky channel needs a handle (identifier) and an app password',
  },
  media: {
    bad_file_name: 'The file name is empty, too long, or contains a path or control characters',
    upload_interrupted: 'The upload stopped before the whole file arrived',
    empty_file: 'The file is empty (0 bytes)',
    file_too_large: 'The file is larger than this server accepts',
    quota_exceeded: 'The workspace’s media quota would be exceeded',
    type_not_supported: 'This type of file is not accepted: JPEG, PNG, WebP, GIF, MP4 or MOV only',
    svg_not_accepted: 'SVG files are not accepted (they can carry scripts): export a PNG instead',
    polyglot_file: 'The file is an image with another file (an archive) hidden inside it',
    too_many_pixels: 'The image has too many pixels to process safely',
    unreadable_file: 'The file is damaged or truncated and cannot be read',
    not_multipart: 'Send the file as multipart/form-data in a field named “file”',
    no_file: 'No file in the upload: send one part named “file” with a file name',
    inUse_one: 'This media is used by {{count, number}} post not yet published',
    inUse_other: 'This media is used by {{count, number}} posts not yet published',
    fixTooLarge: 'The original is too large to fix here',
    fixCannotShrink: 'This image cannot be made small enough',
    fixStillOnly: 'Only still images can be fixed automatically',
    linkExpired: 'This media link has expired',
    linkInvalid: 'This media link is not valid',
  },
};

/** Field problems of the domain's own rules ({{field}} is the path from the request root). */
export const enFieldReasons = {
  unknown_timezone: 'The field “{{field}}” is not an IANA time zone (like Europe/Paris).',
  local_time_needed: 'The field “{{field}}” is required, unless publishNow is true.',
  invalid_local_time:
    'The field “{{field}}” is not a local date and time between the years 1900 and 9999 (like 2026-03-29T09:30).',
  invalid_date_or_datetime:
    'The field “{{field}}” is not a date or date and time between the years 1900 and 9999.',
  must_be_after: 'The field “{{field}}” must be after “{{other}}”.',
  range_too_long: 'The field “{{field}}” makes the range longer than {{max, number}} days.',
  version_required: 'The field “{{field}}” is required (or the If-Match header).',
  version_unknown: 'The field “{{field}}” is not a version this API issued (like "3").',
  version_disagrees: 'The field “{{field}}” differs from the If-Match header.',
  cursor_unknown: 'The field “{{field}}” is not a cursor this API issued.',
  must_be_future: 'The field “{{field}}” must be in the future.',
  within_a_year: 'The field “{{field}}” must be within a year.',
  not_an_answerer:
    'The field “{{field}}” is not a member of this workspace who can answer (editor or above).',
  not_a_member: 'The field “{{field}}” is not a member of this workspace.',
  ends_before_start: 'The field “{{field}}” must be on or after the start date.',
  starts_after_end: 'The field “{{field}}” must be on or before the end date.',
  working_day_order: 'The field “{{field}}” must end after the working day starts.',
  current_password_wrong: 'The field “{{field}}” is not your current password.',
  too_many_rows:
    'The field “{{field}}” holds more than {{max, number}} rows: import at most {{max, number}} at once.',
  export_over_rows: 'The field “{{field}}” makes a range of more than {{max, number}} targets: narrow it.',
  export_over_size:
    'The field “{{field}}” makes a range of more than {{max, number}} MiB of posts: narrow it.',
  not_csv: 'The field “{{field}}” must be text/csv: send the file as CSV.',
  not_a_url: 'The field “{{field}}” is not a URL.',
  not_http: 'The field “{{field}}” must start with https://.',
  needs_https:
    'The field “{{field}}” must start with https:// (over http the token or password would travel in clear).',
  private_address:
    'The field “{{field}}” points to a private or reserved network address, which Cadence does not call.',
};
