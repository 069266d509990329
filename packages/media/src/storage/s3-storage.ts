// Media in any S3-compatible store (AWS S3, MinIO, Scaleway, OVH, R2), streamed in parts by
// @aws-sdk/lib-storage so no upload is ever held whole in memory (decision 0120).
import { Readable, pipeline } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { S3StorageConfig } from '@cadence/config';
import { ByteCounter } from './byte-limit';
import { assertStorageKey, type MediaStorage, MediaObjectMissingError } from './storage';

// lib-storage holds up to queueSize parts of partSize bytes per upload: 2 x 5 MiB (the S3 minimum)
// keeps twenty concurrent uploads around 200 MiB at worst, and usually far less.
const PART_BYTES = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

export function s3MediaStorage(config: S3StorageConfig): MediaStorage {
  const client = new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    forcePathStyle: config.forcePathStyle,
  });
  const Bucket = config.bucket;

  return {
    async put(key, body, { contentType, maxBytes }) {
      assertStorageKey(key);
      const counter = new ByteCounter(maxBytes);
      // pipeline() destroys both sides when either fails, so the upload sees the error and aborts
      // its multipart upload (lib-storage's default leavePartsOnError: false).
      let streamError: unknown;
      pipeline(body, counter, (error) => {
        streamError ??= error;
      });
      const upload = new Upload({
        client,
        params: { Bucket, Key: key, Body: counter, ContentType: contentType },
        partSize: PART_BYTES,
        queueSize: PARTS_IN_FLIGHT,
      });
      try {
        await upload.done();
      } catch (error) {
        // The reason the stream stopped (too large, client gone) matters more than a failure to
        // abort afterwards; parts left by a failed abort are for the bucket's lifecycle rule
        // (AbortIncompleteMultipartUpload, docs/operations.md).
        throw streamError ?? error;
      }
      return { bytes: counter.bytes };
    },

    async get(key) {
      assertStorageKey(key);
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!(answer.Body instanceof Readable)) throw new Error('S3 answered without a body stream');
        return answer.Body;
      } catch (error) {
        throw isMissing(error) ? new MediaObjectMissingError(key) : error;
      }
    },

    async stat(key) {
      assertStorageKey(key);
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return { bytes: head.ContentLength ?? 0 };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },

    async delete(key) {
      assertStorageKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
  };
}

function isMissing(error: unknown): boolean {
  return (
    error instanceof NoSuchKey ||
    error instanceof NotFound ||
    (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)
  );
}
