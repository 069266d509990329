import { z } from 'zod';

import { MEDIA_KINDS, NETWORKS } from '@cadence/names';

export { MEDIA_KINDS, NETWORKS };

export const networkSchema = z.enum(NETWORKS);
export type Network = z.infer<typeof networkSchema>;

export const mediaKindSchema = z.enum(MEDIA_KINDS);
export type MediaKind = z.infer<typeof mediaKindSchema>;
