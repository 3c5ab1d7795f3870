import type { Request, RequestHandler } from 'express';
import exifr from 'exifr';
import { filetypemime } from 'magic-bytes.js';
import multer from 'multer';
import type { IncomingPhoto } from '../app/project-service';
import {
  PHOTO_MAX_BYTES,
  PHOTO_SNIFF_BYTES,
  PHOTO_UPLOADS_IN_FLIGHT_MAX,
  PROJECT_PHOTOS_PER_REPORT_MAX,
  UPLOAD_FIELDS_MAX,
  UPLOAD_FIELD_MAX_BYTES,
} from '../limits';
import { HttpProblem } from './problem';

/** The image types a phone takes; a zip, PDF or executable named .jpg is refused by its first bytes. */
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

const EXIF_TIME = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * Multipart with the photos in memory, every limit named: a photo bigger than
 * PHOTO_MAX_BYTES stops the upload at that many bytes, never after reading
 * the rest; nothing touches the disk before every photo has passed.
 */
const multipart = multer({
  storage: multer.memoryStorage(),
  limits: {
    fileSize: PHOTO_MAX_BYTES,
    files: PROJECT_PHOTOS_PER_REPORT_MAX,
    fields: UPLOAD_FIELDS_MAX,
    fieldSize: UPLOAD_FIELD_MAX_BYTES,
    parts: PROJECT_PHOTOS_PER_REPORT_MAX + UPLOAD_FIELDS_MAX,
  },
}).array('photos', PROJECT_PHOTOS_PER_REPORT_MAX);

/** Multer's and busboy's refusals as the API's problems. */
function uploadProblem(error: unknown): unknown {
  if (error instanceof multer.MulterError) {
    const field = error.field ?? 'photos';
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return new HttpProblem('PHOTO_TOO_LARGE', field, error.message, {
          detail: {
            id: `paling besar ${PHOTO_MAX_BYTES} bita`,
            en: `at most ${PHOTO_MAX_BYTES} bytes`,
          },
        });
      case 'LIMIT_FILE_COUNT':
      case 'LIMIT_UNEXPECTED_FILE':
        return new HttpProblem('PHOTO_TOO_LARGE', field, error.message, {
          detail: {
            id: `paling banyak ${PROJECT_PHOTOS_PER_REPORT_MAX} foto di isian "photos"`,
            en: `at most ${PROJECT_PHOTOS_PER_REPORT_MAX} photos in the "photos" field`,
          },
        });
      default:
        return new HttpProblem('BODY_TOO_LARGE', field, error.message);
    }
  }
  if (error instanceof Error && !(error instanceof HttpProblem))
    return new HttpProblem('MULTIPART_MALFORMED', 'body', error.message);
  return error;
}

/** Per process, not per app: the bound is on the memory of the process. */
let uploadsInFlight = 0;

/**
 * Reads a multipart report: refuses anything else before reading a byte of
 * it, and more than PHOTO_UPLOADS_IN_FLIGHT_MAX at once, which bounds the
 * memory photos can hold. The slot is freed when the response ends, once the
 * photos are stored or refused.
 */
export const photoUpload: RequestHandler = (req, res, next) => {
  if (!req.is('multipart/form-data'))
    throw new HttpProblem('PHOTO_MULTIPART', 'content-type', req.headers['content-type'] ?? '');
  if (uploadsInFlight >= PHOTO_UPLOADS_IN_FLIGHT_MAX)
    throw new HttpProblem('PHOTO_UPLOADS_BUSY', 'photos', String(uploadsInFlight), {
      headers: { 'Retry-After': '5' },
    });
  uploadsInFlight += 1;
  res.once('close', () => {
    uploadsInFlight -= 1;
  });
  multipart(req, res, (error?: unknown) => {
    next(error === undefined ? undefined : uploadProblem(error));
  });
};

/** The camera's local time as `YYYY-MM-DDTHH:mm:ss`, or undefined for a blank or impossible one. */
function localTime(value: unknown): string | undefined {
  const parts = typeof value === 'string' ? EXIF_TIME.exec(value.trim()) : null;
  if (!parts) return undefined;
  const [, year, month, day, hour, minute, second] = parts;
  const text = `${year}-${month}-${day}T${hour}:${minute}:${second}`;
  const parsed = new Date(`${text}Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 19) !== text
    ? undefined
    : text;
}

function position(latitude: unknown, longitude: unknown): [number, number] | undefined {
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return undefined;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return undefined;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  // Many phones write 0,0 when they had no fix: that is no position, not the Gulf of Guinea.
  if (latitude === 0 && longitude === 0) return undefined;
  return [longitude, latitude];
}

/**
 * One uploaded file checked by its content and its EXIF read: the type from
 * its first bytes, the camera time and GPS position when present. EXIF that
 * is there but cannot be read is refused; no EXIF at all is flagged later.
 */
export async function inspectPhoto(
  file: Express.Multer.File,
  index: number,
): Promise<IncomingPhoto> {
  const field = `photos[${index}]`;
  const detected = filetypemime(file.buffer.subarray(0, PHOTO_SNIFF_BYTES));
  if (!detected.some((type) => (PHOTO_TYPES as readonly string[]).includes(type)))
    throw new HttpProblem('PHOTO_TYPE', field, file.originalname, {
      detail: {
        id: `isi berkas: ${detected[0] ?? 'tidak dikenal'}`,
        en: `content: ${detected[0] ?? 'unknown'}`,
      },
    });
  let exif: Record<string, unknown> | undefined;
  try {
    exif = (await exifr.parse(file.buffer, {
      pick: [
        'DateTimeOriginal',
        'GPSLatitude',
        'GPSLatitudeRef',
        'GPSLongitude',
        'GPSLongitudeRef',
      ],
      reviveValues: false,
    })) as Record<string, unknown> | undefined;
  } catch (error) {
    throw new HttpProblem('PHOTO_EXIF', field, file.originalname, {
      detail: { id: String(error), en: String(error) },
    });
  }
  // exifr reports a broken segment beside whatever it could read, rather than throwing.
  const errors = exif?.errors;
  if (Array.isArray(errors) && errors.length > 0)
    throw new HttpProblem('PHOTO_EXIF', field, file.originalname, {
      detail: { id: String(errors[0]), en: String(errors[0]) },
    });
  const takenAt = localTime(exif?.DateTimeOriginal);
  const where = position(exif?.latitude, exif?.longitude);
  return {
    bytes: file.buffer,
    ...(takenAt ? { takenAt } : {}),
    ...(where ? { position: where } : {}),
  };
}

/** Every photo of a request, checked in order: the first bad one refuses the report. */
export async function uploadedPhotos(req: Request): Promise<IncomingPhoto[]> {
  const files = Array.isArray(req.files) ? req.files : [];
  const photos: IncomingPhoto[] = [];
  for (const [index, file] of files.entries()) photos.push(await inspectPhoto(file, index));
  return photos;
}
