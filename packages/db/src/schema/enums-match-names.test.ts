// The database's enums are built from @cadence/names; this pins that they stay so (a pgEnum
// written out by hand again would pass typecheck and drift at the next added name).
import * as names from '@cadence/names';
import { describe, expect, it } from 'vitest';
import { approvalScopeEnum, localeEnum, roleEnum } from './accounts';
import { campaignStatusEnum } from './campaigns';
import { channelStatusEnum, networkEnum } from './channels';
import { jobStatusEnum } from './jobs';
import { emailStatusEnum, notificationDeliveryEnum, notificationKindEnum } from './notifications';
import { mediaKindEnum } from './media';
import { metricNameEnum } from './metrics';
import { postStatusEnum, targetStatusEnum } from './posts';
import { inboxItemKindEnum, inboxReplyStatusEnum, inboxStatusEnum } from './inbox';

describe('database enums', () => {
  it.each([
    ['network', networkEnum.enumValues, names.NETWORKS],
    ['channel_status', channelStatusEnum.enumValues, names.CHANNEL_STATUSES],
    ['role', roleEnum.enumValues, names.ROLES],
    ['locale', localeEnum.enumValues, names.LOCALES],
    ['approval_scope', approvalScopeEnum.enumValues, names.APPROVAL_SCOPES],
    ['post_status', postStatusEnum.enumValues, names.POST_STATUSES],
    ['target_status', targetStatusEnum.enumValues, names.TARGET_STATUSES],
    ['campaign_status', campaignStatusEnum.enumValues, names.CAMPAIGN_STATUSES],
    ['job_status', jobStatusEnum.enumValues, names.JOB_STATUSES],
    ['notification_kind', notificationKindEnum.enumValues, names.NOTIFICATION_KINDS],
    ['notification_delivery', notificationDeliveryEnum.enumValues, names.NOTIFICATION_DELIVERIES],
    ['email_status', emailStatusEnum.enumValues, names.EMAIL_STATUSES],
    ['media_kind', mediaKindEnum.enumValues, names.MEDIA_KINDS],
    ['inbox_item_kind', inboxItemKindEnum.enumValues, names.INBOX_ITEM_KINDS],
    ['inbox_status', inboxStatusEnum.enumValues, names.INBOX_STATUSES],
    ['inbox_reply_status', inboxReplyStatusEnum.enumValues, names.INBOX_REPLY_STATUSES],
    ['metric_name', metricNameEnum.enumValues, names.METRIC_NAMES],
  ])('%s lists exactly the shared names', (_, enumValues, shared) => {
    expect([...enumValues]).toEqual([...shared]);
  });
});
