import path from 'node:path';
import { Readable } from 'node:stream';
import type * as Sdk from '@aws-sdk/client-s3';
import {
  isStoredName,
  STORED_CACHE_CONTROL,
  STORED_TYPES,
  StoreOfFiles,
  type StoredFile,
} from './media.storage.js';

/** MEDIA_STORE=s3://bucket/prefix and the S3_* variables beside it (config.ts). */
export interface S3Settings {
  bucket: string;
  /** Empty, or ending in `/`: `newsroom/` stores `2026/11/x.jpg` at `newsroom/2026/11/x.jpg`. */
  prefix: string;
  /** S3_ENDPOINT: any S3-compatible service (MinIO, R2, Spaces…); unset for AWS. */
  endpoint: string | undefined;
  region: string;
  /** S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY; unset: the SDK's own chain (AWS_ACCESS_KEY_ID, an instance role…). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** `bucket` in the path rather than the host name (S3_FORCE_PATH_STYLE; on by default with an endpoint). */
  forcePathStyle: boolean;
}

/** `s3://bucket/prefix/`, for people. */
export function s3Location(settings: Pick<S3Settings, 'bucket' | 'prefix'>): string {
  return `s3://${settings.bucket}/${settings.prefix}`;
}

/**
 * The media library in an S3-compatible bucket, shared by every instance.
 * Files are written with their type and a year's `Cache-Control`, so that a
 * CDN serving the bucket itself (MEDIA_BASE_URL) passes them on as Newsdesk's
 * /media route does.
 */
export class S3MediaStore extends StoreOfFiles {
  readonly location: string;

  private constructor(
    private readonly client: Sdk.S3Client,
    private readonly sdk: typeof Sdk,
    private readonly settings: S3Settings,
  ) {
    super();
    this.location = s3Location(settings);
  }

  /** The SDK is loaded only when a site stores its media in S3. */
  static async open(settings: S3Settings): Promise<S3MediaStore> {
    const sdk = await import('@aws-sdk/client-s3');
    const client = new sdk.S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      credentials: settings.credentials,
    });
    return new S3MediaStore(client, sdk, settings);
  }

  /** An object is never seen half written: S3 writes whole objects. */
  protected async writeOne(name: string, data: Buffer): Promise<void> {
    try {
      await this.client.send(
        new this.sdk.PutObjectCommand({
          ...this.at(name),
          Body: data,
          ContentLength: data.length,
          ContentType: STORED_TYPES[path.extname(name)],
          CacheControl: STORED_CACHE_CONTROL,
        }),
      );
    } catch (error) {
      throw new Error(`storing ${name} in ${this.location} failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  /** Deleting an object that is not there is no error in S3. */
  async remove(names: string[]): Promise<void> {
    await Promise.all(
      names
        .filter(isStoredName)
        .map((name) => this.client.send(new this.sdk.DeleteObjectCommand(this.at(name)))),
    );
  }

  async open(name: string): Promise<StoredFile | undefined> {
    if (!isStoredName(name)) return undefined;
    try {
      const object = await this.client.send(new this.sdk.GetObjectCommand(this.at(name)));
      if (!(object.Body instanceof Readable)) throw new Error(`reading ${name}: the SDK gave no stream`);
      return {
        body: object.Body,
        bytes: object.ContentLength ?? 0,
        modified: object.LastModified ?? new Date(0),
        type: STORED_TYPES[path.extname(name)],
      };
    } catch (error) {
      if (notFound(error)) return undefined;
      throw error;
    }
  }

  async has(name: string): Promise<boolean> {
    if (!isStoredName(name)) return false;
    try {
      await this.client.send(new this.sdk.HeadObjectCommand(this.at(name)));
      return true;
    } catch (error) {
      if (notFound(error)) return false;
      throw error;
    }
  }

  close(): void {
    this.client.destroy();
  }

  /** Where a stored name lives: the bucket, and the key under the prefix. */
  private at(name: string): { Bucket: string; Key: string } {
    return { Bucket: this.settings.bucket, Key: this.settings.prefix + name };
  }
}

/** The service's answer to a missing object (GetObject's NoSuchKey, HeadObject's bare 404). */
function notFound(error: unknown): boolean {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;
}
