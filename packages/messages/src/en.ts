// The English catalogue of every sentence the API and the domain can say: error answers, field
// problems and charter verdicts, by code with parameters (i18next syntax: {{param}}, {{n, number}},
// _one/_other plurals). The web app loads it as its `messages` namespace, so a screen and an API
// client read the same words. Custom formatters (network, hashtags, day, weekday...) are in
// formatters.ts. The domain's refusals are in en-errors.ts.
import { enErrors, enFieldReasons } from './en-errors';

export const en = {
  errors: {
    ...enErrors,
    /** The sentence for an error code when nothing more precise is known. */
    code: {
      bad_request: 'The request is not valid.',
      validation_failed: 'Some fields of the request are not valid.',
      unauthenticated: 'Sign in or send an API token.',
      forbidden: 'Your role does not allow this.',
      not_found: 'Not found.',
      conflict: 'This conflicts with the current state: reload and try again.',
      precondition_required: 'Name the version you read (If-Match or body.version).',
      unprocessable: 'The request cannot be carried out as it is.',
      limit_reached: 'A limit is reached.',
      rate_limited: 'Too many requests, slow down.',
      payload_too_large: 'The request is too large.',
      shutting_down: 'The server is restarting: try again in a moment.',
      internal: 'Internal error',
      unsupported_media_type: 'This content type is not accepted.',
      uri_too_long: 'The address is too long.',
      method_not_allowed: 'This method is not allowed here.',
      not_acceptable: 'No answer in an acceptable format.',
      request_timeout: 'The request took too long to arrive.',
      headers_too_large: 'The request headers are too large.',
    },
    notFound: {
      account: 'Account not found',
      api_token: 'API token not found',
      campaign: 'Campaign not found',
      channel: 'Channel not found',
      charter_version: 'Charter version not found',
      delivery: 'Delivery not found',
      feed: 'Feed not found',
      ics_feed: 'ICS feed not found',
      inbox_item: 'Inbox item not found',
      invitation: 'Invitation not found',
      media_item: 'Media item not found',
      media_thumbnail: 'Media thumbnail not found',
      member: 'Member not found',
      post: 'Post not found',
      reply: 'Reply not found',
      revision: 'Revision not found',
      route: 'No route {{method}} {{path}}',
      saved_reply: 'Saved reply not found',
      target: 'Target not found',
      webhook: 'Webhook not found',
      workspace: 'Workspace not found',
    },
    auth: {
      signInFirst: 'Sign in first',
      signInOrToken: 'Sign in or send an API token',
      bearerFormat: 'Authorization header must be "Bearer <token>"',
      tokenInvalid: 'The API token is invalid or revoked',
      csrf: 'Missing or wrong X-CSRF-Token header',
      peopleOnly: 'This route is for people, not API tokens',
      noTokens: 'API tokens cannot do this; sign in as a person',
      roleTooLow: 'This needs the $t(roles.{{requiredRole}}) role or higher; you are $t(roles.{{role}})',
      wrongPassword: 'Email or password is wrong',
      currentPasswordWrong: 'body.currentPassword: is wrong',
    },
    workflow: {
      ownContent: 'You wrote part of this content, so someone else must approve it',
      tokensCannotApprove: 'Approvals come from people, not API tokens',
      charterBlocks: 'The charter blocks {{what}}: fix the violations first',
      inThePast: '{{local}} in {{timezone}} is in the past: pick a later time or publish now',
      changedWhileSaving: 'This post changed while you were saving it: reload it',
      publishingStarted: 'Publishing of this post has started: it can no longer be changed',
    },
    members: {
      lastOwner: 'A workspace needs at least one owner',
      alreadyMember: 'This person is already a member',
    },
    rateLimited: 'Too many requests, slow down',
    alreadyExists: 'This already exists',
    valueMalformed: 'A value in the request is out of range or malformed',
  },
  roles: { owner: 'owner', manager: 'manager', editor: 'editor', viewer: 'viewer' },
  /** A field problem: {{field}} is the field's path from the request root (body.requestedSchedule.timezone). */
  validation: {
    required: 'The field “{{field}}” is required.',
    invalid_type: 'The field “{{field}}” has the wrong type (expected: {{expected}}).',
    invalid_uuid: 'The field “{{field}}” is not a valid identifier (UUID).',
    invalid_email: 'The field “{{field}}” is not a valid email address.',
    invalid_url: 'The field “{{field}}” is not a valid URL.',
    invalid_datetime: 'The field “{{field}}” is not a date and time in ISO 8601 (2026-05-01T09:30:00Z).',
    invalid_date: 'The field “{{field}}” is not a date in ISO 8601 (2026-05-01).',
    invalid_format: 'The field “{{field}}” is not in the expected format.',
    too_short_one: 'The field “{{field}}” needs at least {{count, number}} character.',
    too_short_other: 'The field “{{field}}” needs at least {{count, number}} characters.',
    too_long_one: 'The field “{{field}}” has at most {{count, number}} character.',
    too_long_other: 'The field “{{field}}” has at most {{count, number}} characters.',
    too_few_one: 'The field “{{field}}” needs at least {{count, number}} item.',
    too_few_other: 'The field “{{field}}” needs at least {{count, number}} items.',
    too_many_one: 'The field “{{field}}” takes at most {{count, number}} item.',
    too_many_other: 'The field “{{field}}” takes at most {{count, number}} items.',
    too_small: 'The field “{{field}}” must be at least {{limit, number}}.',
    too_big: 'The field “{{field}}” must be at most {{limit, number}}.',
    not_one_of: 'The field “{{field}}” must be one of: {{values, list(type: disjunction)}}.',
    unknown_field: 'The field “{{field}}” is not a known field.',
    invalid: 'The field “{{field}}” is not valid.',
    /** A rule of this API's own (a refine) explained in English only: {{detail}}. */
    invalid_because: 'The field “{{field}}” is not valid: {{detail}}.',
    body_too_large: 'The request body is too large for this server.',
    body_not_json: 'The request body must be sent as application/json.',
    body_empty: 'The request body is empty; a JSON body is required.',
    body_invalid_json: 'The request body is not valid JSON.',
    content_length: 'The Content-Length header does not match the body.',
    param_too_long: 'A path segment is longer than 100 characters.',
    bad_url: 'The address is not a valid URL (bad percent-encoding).',
    ...enFieldReasons,
  },
  charter: {
    /** The name of each rule a check can report, for history lines and reports. */
    rules: {
      bannedPhrases: 'Banned phrases',
      requiredHashtags: 'Required hashtags',
      forbiddenHashtags: 'Forbidden hashtags',
      maxHashtags: 'Maximum hashtags',
      maxMentions: 'Maximum mentions',
      maxEmoji: 'Maximum emoji',
      maxLength: 'Maximum length',
      link: 'Links',
      postingWindows: 'Posting windows',
      blackoutDates: 'Blackout dates',
      maxPostsPerDay: 'Posts per day',
      maxPostsPerWeek: 'Posts per week',
      minSpacingMinutes: 'Spacing between posts',
      altText: 'Media descriptions',
      campaign: {
        bannedPhrases: 'Campaign banned phrases',
        requiredHashtags: 'Campaign hashtags',
        link: 'Campaign links',
      },
      network: {
        maxLength: 'Network length limit',
        maxBytes: 'Network size limit',
        maxHashtags: 'Network hashtag limit',
        maxMentions: 'Network mention limit',
        maxLinks: 'Network link limit',
        mediaRequired: 'Media required by the network',
        maxMedia: 'Network attachment limit',
        mediaKind: 'Media types the network accepts',
        videoAlone: 'Video alone',
        mediaBytes: 'Network file size limit',
        mediaAspect: 'Network image proportions',
        videoLength: 'Network video length',
      },
      schedule: { timezone: 'Workspace time zone', invalidDate: 'Scheduled time' },
      checker: { tooCostly: 'Check too costly', failed: 'Check failed' },
    },
    sources: { charter: 'the charter', campaign: 'the campaign' },
    kinds: { image: 'images', video: 'videos', gif: 'GIFs' },
    things: { hashtags: 'hashtags', mentions: 'mentions', links: 'links', emoji: 'emoji' },
    checkTooCostly:
      'These texts are too long to check together; shorten them or use fewer different versions.',
    checkFailed: 'This post could not be checked; please try again or contact support.',
    networkLength_one:
      'This post is {{count, number}} character long on {{network, network}}, over its limit of {{max, number}}.',
    networkLength_other:
      'This post is {{count, number}} characters long on {{network, network}}, over its limit of {{max, number}}.',
    networkBytes_one:
      'This post takes {{count, number}} byte on {{network, network}}, over its limit of {{max, number}}; use fewer emoji.',
    networkBytes_other:
      'This post takes {{count, number}} bytes on {{network, network}}, over its limit of {{max, number}}; use fewer emoji.',
    mediaRequired: '{{network, network}} needs at least one image or video.',
    mediaCount_one:
      '{{network, network}} accepts at most {{max, number}} attachments; this post has {{count, number}}.',
    mediaCount_other:
      '{{network, network}} accepts at most {{max, number}} attachments; this post has {{count, number}}.',
    mediaKind: '{{network, network}} does not accept $t(charter.kinds.{{kind}}).',
    mediaBytes: 'Too large for {{network, network}} ({{bytes, megabytes}} MB > {{max, megabytes}} MB).',
    mediaAspect:
      '{{network, network}} needs images between {{min, ratio}} and {{max, ratio}} (width:height).',
    videoLength_one:
      '{{network, network}} takes videos up to {{max, number}} s; this one lasts {{count, number}} s.',
    videoLength_other:
      '{{network, network}} takes videos up to {{max, number}} s; this one lasts {{count, number}} s.',
    altTextMissing: 'This attachment has no description (alt text).',
    videoAlone: 'On {{network, network}} a video or GIF must be the only attachment.',
    networkCount_one:
      '{{network, network}} accepts at most {{max, number}} $t(charter.things.{{what}}) in a post; this one has {{count, number}}.',
    networkCount_other:
      '{{network, network}} accepts at most {{max, number}} $t(charter.things.{{what}}) in a post; this one has {{count, number}}.',
    bannedPhrase: '“{{phrase}}” is a phrase $t(charter.sources.{{source}}) bans.',
    missingHashtags: 'Add the hashtags $t(charter.sources.{{source}}) requires: {{tags, hashtags}}.',
    missingOneOfHashtags:
      'Add one of the hashtags $t(charter.sources.{{source}}) asks for: {{tags, hashtags(type: disjunction)}}.',
    forbiddenHashtag: 'The charter forbids the hashtag #{{tag}}.',
    tooMany_one:
      'This post has {{count, number}} $t(charter.things.{{what}}); the charter allows {{max, number}}.',
    tooMany_other:
      'This post has {{count, number}} $t(charter.things.{{what}}); the charter allows {{max, number}}.',
    charterLength_one:
      'This post is {{count, number}} character long; the charter allows {{max, number}} on {{network, network}}.',
    charterLength_other:
      'This post is {{count, number}} characters long; the charter allows {{max, number}} on {{network, network}}.',
    linkRequired: 'Add a link: $t(charter.sources.{{source}}) requires one.',
    linkForbidden: 'Remove this link: $t(charter.sources.{{source}}) forbids links.',
    linkDomain:
      'This link goes to {{host}}; $t(charter.sources.{{source}}) allows only {{domains, list(type: disjunction)}}.',
    linkUtm:
      'This link lacks the tracking parameters $t(charter.sources.{{source}}) requires: {{missing, list}}.',
    noPostingOnDay: 'The charter allows no posting on {{weekday, weekday}}s.',
    outsideWindows:
      'Scheduled for {{weekday, weekday}} at {{time}}, outside the posting windows ({{windows, list}}).',
    blackout: '{{day, day}} falls in a blackout period.',
    blackoutWithReason: '{{day, day}} falls in a blackout period ({{reason}}).',
    perDay_one:
      'This channel would have {{count, number}} post on {{day, day}}; the charter allows {{max, number}} a day.',
    perDay_other:
      'This channel would have {{count, number}} posts on {{day, day}}; the charter allows {{max, number}} a day.',
    perWeek_one:
      'This channel would have {{count, number}} post in week {{week}} of {{weekYear}}; the charter allows {{max, number}} a week.',
    perWeek_other:
      'This channel would have {{count, number}} posts in week {{week}} of {{weekYear}}; the charter allows {{max, number}} a week.',
    spacing_one:
      'Another post on this channel is {{count, number}} minute away; the charter asks for at least {{min, number}}.',
    spacing_other:
      'Another post on this channel is {{count, number}} minutes away; the charter asks for at least {{min, number}}.',
    invalidDate: 'The scheduled time is not a valid date and time.',
    invalidTimezone: 'The workspace time zone “{{zone}}” is unknown.',
  },
};
