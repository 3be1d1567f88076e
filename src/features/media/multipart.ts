// Reads an upload form (multipart/form-data) into a plain body before the admin scope checks its CSRF token:
// fields as strings, files as buffers, within limits that end the request with a 413 as soon as one is passed.
import { Busboy, type BusboyInstance } from '@fastify/busboy';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.js';

export interface UploadedFile {
  field: string;
  name: string;
  data: Buffer;
}

export const UPLOAD_LIMITS = { fileBytes: 15 * 1024 * 1024, files: 10 } as const;

/** Adds the parser to this (encapsulated) scope only: other routes keep refusing multipart with a 415. */
export function acceptUploads(scope: FastifyInstance): void {
  scope.addContentTypeParser('multipart/form-data', (request, payload, done) => {
    const fields: Record<string, string> = {};
    const files: UploadedFile[] = [];
    let failed = false;
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      payload.unpipe();
      payload.resume();
      done(err, undefined);
    };
    let bb: BusboyInstance;
    try {
      bb = new Busboy({
        headers: request.headers as { 'content-type': string },
        limits: { fileSize: UPLOAD_LIMITS.fileBytes, files: UPLOAD_LIMITS.files, fields: 20, fieldSize: 4096, parts: 40 },
      });
    } catch {
      return done(new AppError('bad_request', 'media.error.not_multipart'), undefined);
    }
    bb.on('field', (name: string, value: string) => {
      fields[name] = value;
    });
    bb.on('file', (field: string, stream: NodeJS.ReadableStream, fileName: string) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () =>
        fail(
          new AppError(
            'too_large',
            'media.error.file_too_large',
            {},
            { file: fileName, mb: String(UPLOAD_LIMITS.fileBytes / 1024 / 1024) },
          ),
        ),
      );
      stream.on('end', () => {
        // A file input left empty still sends a part without a name; it is no upload.
        if (fileName || chunks.length) files.push({ field, name: fileName.split(/[\\/]/).pop() ?? '', data: Buffer.concat(chunks) });
      });
    });
    bb.on('filesLimit', () => fail(new AppError('too_large', 'media.error.too_many_files', {}, { count: String(UPLOAD_LIMITS.files) })));
    bb.on('partsLimit', () => fail(new AppError('too_large', 'media.error.too_many_parts')));
    bb.on('error', () => fail(new AppError('bad_request', 'media.error.cut_short')));
    bb.on('finish', () => {
      if (!failed) done(null, { ...fields, files });
    });
    payload.pipe(bb);
  });
}

/** The files of a parsed upload body. */
export function filesOf(body: unknown): UploadedFile[] {
  const files = (body as { files?: unknown } | undefined)?.files;
  return Array.isArray(files) ? (files as UploadedFile[]) : [];
}
