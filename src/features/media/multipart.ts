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
      return done(new AppError('bad_request', 'The upload form was not sent as multipart/form-data with a boundary.'), undefined);
    }
    bb.on('field', (name: string, value: string) => {
      fields[name] = value;
    });
    bb.on('file', (field: string, stream: NodeJS.ReadableStream, fileName: string) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () =>
        fail(new AppError('too_large', `"${fileName}" is larger than ${UPLOAD_LIMITS.fileBytes / 1024 / 1024} MB; export it smaller.`)),
      );
      stream.on('end', () => {
        // A file input left empty still sends a part without a name; it is no upload.
        if (fileName || chunks.length) files.push({ field, name: fileName.split(/[\\/]/).pop() ?? '', data: Buffer.concat(chunks) });
      });
    });
    bb.on('filesLimit', () => fail(new AppError('too_large', `At most ${UPLOAD_LIMITS.files} files at once.`)));
    bb.on('partsLimit', () => fail(new AppError('too_large', 'The form has too many parts.')));
    bb.on('error', () => fail(new AppError('bad_request', 'The upload was cut short or malformed; try again.')));
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
