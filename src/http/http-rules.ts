import type { BilingualText } from '../domain/shared/domain-error';

/** A refusal of the HTTP layer: its text and the one status it is answered with. */
export interface HttpRuleText extends BilingualText {
  status: number;
}

/** Refusals of the HTTP layer itself, in Indonesian and English; the ledger's are in rules.ts. */
export const HTTP_RULES = {
  ROUTE_UNKNOWN: {
    id: 'Alamat atau metode tidak dikenal',
    en: 'Unknown path or method',
    status: 404,
  },
  PATH_PARAMETER: {
    id: 'Bagian alamat tidak sah atau tidak dikenal',
    en: 'A part of the path is invalid or unknown',
    status: 404,
  },
  QUERY_PARAMETER: {
    id: 'Parameter kueri tidak sah',
    en: 'A query parameter is invalid',
    status: 400,
  },
  BODY_MALFORMED: {
    id: 'Isi permintaan bukan JSON yang sah',
    en: 'The request body is not valid JSON',
    status: 400,
  },
  BODY_TOO_LARGE: {
    id: 'Isi permintaan terlalu besar',
    en: 'The request body is too large',
    status: 413,
  },
  MEDIA_TYPE: {
    id: 'Isi permintaan harus application/json (UTF-8)',
    en: 'The request body must be application/json (UTF-8)',
    status: 415,
  },
  AUTHENTICATION_REQUIRED: {
    id: 'Perlu masuk (token sesi tidak ada, tidak sah atau kedaluwarsa)',
    en: 'Login required (session token missing, invalid or expired)',
    status: 401,
  },
  LOGIN_FAILED: {
    id: 'Nama pengguna atau kata sandi salah',
    en: 'Wrong username or password',
    status: 401,
  },
  TWO_FACTOR_LOGIN_CODE: {
    id: 'Kode verifikasi dua langkah salah, kedaluwarsa atau sudah dipakai',
    en: 'The two-factor code is wrong, expired or already used',
    status: 401,
  },
  TWO_FACTOR_ENROLLMENT_REQUIRED: {
    id: 'Aktifkan verifikasi dua langkah dulu (/akun/dua-langkah); peran Anda mewajibkannya',
    en: 'Enroll in two-factor sign-in first (/akun/dua-langkah); your role requires it',
    status: 403,
  },
  LOGIN_RATE_LIMITED: {
    id: 'Terlalu banyak percobaan masuk yang gagal; coba lagi nanti',
    en: 'Too many failed logins; try again later',
    status: 429,
  },
  CSRF_TOKEN: {
    id: 'Permintaan dengan cookie sesi memerlukan header X-CSRF-Token yang cocok',
    en: 'A request with the session cookie needs a matching X-CSRF-Token header',
    status: 403,
  },
  CSRF_FORM_FIELD: {
    id: 'Formulir memerlukan kolom _csrf yang cocok dengan sesi; muat ulang halaman dan coba lagi',
    en: 'A form needs a _csrf field matching the session; reload the page and try again',
    status: 403,
  },
  ROLE_NOT_PERMITTED: {
    id: 'Peran Anda tidak berwenang untuk tindakan ini',
    en: 'Your role may not do this',
    status: 403,
  },
  OUT_OF_SCOPE: {
    id: 'Wilayah ini di luar cakupan Anda',
    en: 'This region is outside your scope',
    status: 403,
  },
  IF_MATCH_MALFORMED: {
    id: 'Header If-Match harus berisi satu ETag revisi, mis. "12", atau *',
    en: 'The If-Match header must hold one revision ETag, e.g. "12", or *',
    status: 400,
  },
  PRECONDITION_FAILED: {
    id: 'Aliran sudah berubah sejak revisi yang Anda baca',
    en: 'The stream has changed since the revision you read',
    status: 412,
  },
  CONCURRENT_WRITES: {
    id: 'Aliran terus diubah oleh penulis lain; ulangi perintah',
    en: 'Other writers kept changing the stream; repeat the command',
    status: 409,
  },
  STALE_FORM: {
    id: 'Data tahun anggaran ini diubah orang lain sejak halaman dibuka; periksa isian lalu kirim lagi',
    en: 'Someone else changed this fiscal year since the page was opened; check the form and send it again',
    status: 409,
  },
  IDEMPOTENCY_KEY_MALFORMED: {
    id: 'Idempotency-Key harus 1–60 karakter ASCII tampak',
    en: 'Idempotency-Key must be 1–60 visible ASCII characters',
    status: 400,
  },
  AFTER_POSITION_MALFORMED: {
    id: 'Parameter after harus posisi global dari jawaban perintah (angka bulat)',
    en: "The after parameter must be a command response's global position (a whole number)",
    status: 400,
  },
  PROJECTIONS_BEHIND: {
    id: 'Laporan belum memuat posisi yang diminta; coba lagi sebentar lagi',
    en: 'The reports have not reached the requested position yet; try again shortly',
    status: 503,
  },
  EVIDENCE_LIMIT: {
    id: 'Paket bukti tidak dapat dibuat lewat web sekarang (batas ukuran, waktu atau unduhan bersamaan); coba lagi nanti atau buat dengan kasdesa export-evidence',
    en: 'The evidence bundle cannot be built over the web now (size, time or concurrent-download limit); try again later or write it with kasdesa export-evidence',
    status: 503,
  },
  STORE_UNAVAILABLE: {
    id: 'Penyimpanan peristiwa tidak tersedia; coba lagi nanti',
    en: 'The event store is unavailable; try again later',
    status: 503,
  },
  INTERNAL: {
    id: 'Kesalahan internal server; sudah dicatat',
    en: 'Internal server error; it has been logged',
    status: 500,
  },
  PHOTO_MULTIPART: {
    id: 'Laporan kemajuan dikirim sebagai multipart/form-data (isian dan berkas foto "photos")',
    en: 'A progress report is sent as multipart/form-data (fields and "photos" files)',
    status: 415,
  },
  PHOTO_TYPE: {
    id: 'Berkas foto harus JPEG, PNG atau WebP menurut isinya, bukan menurut nama atau jenis yang dikirim',
    en: 'A photo must be JPEG, PNG or WebP by its content, whatever its name or declared type',
    status: 415,
  },
  PHOTO_TOO_LARGE: {
    id: 'Foto terlalu besar atau terlalu banyak dalam satu laporan',
    en: 'A photo is too large, or a report has too many',
    status: 413,
  },
  PHOTO_EXIF: {
    id: 'Data EXIF foto rusak dan tidak dapat dibaca; kirim foto asli dari kamera',
    en: "The photo's EXIF data is corrupt and cannot be read; send the camera's original photo",
    status: 422,
  },
  PHOTO_UPLOADS_BUSY: {
    id: 'Terlalu banyak unggahan foto sekaligus; coba lagi sebentar lagi',
    en: 'Too many photo uploads at once; try again shortly',
    status: 503,
  },
  MULTIPART_MALFORMED: {
    id: 'Isi multipart/form-data rusak atau terpotong',
    en: 'The multipart/form-data body is malformed or truncated',
    status: 400,
  },
  UPLOAD_FILE: {
    id: 'Unggahan multipart harus berisi tepat satu berkas pada bidang "file"',
    en: 'The multipart upload must carry exactly one file in the field "file"',
    status: 422,
  },
  SISKEUDES_FILE_REFUSED: {
    id: 'Berkas Siskeudes ditolak; tidak ada yang ditulis (lihat daftar masalah)',
    en: 'The Siskeudes file was refused; nothing was written (see the list of problems)',
    status: 422,
  },
  NODE_CREDENTIAL: {
    id: 'Kredensial simpul desa tidak ada, tidak dikenal atau sudah dicabut',
    en: 'Village node credential missing, unknown or revoked',
    status: 401,
  },
  SYNC_STREAM_OUTSIDE_VILLAGE: {
    id: 'Aliran ini tidak ditulis oleh desa simpul ini; tidak ada yang ditulis',
    en: "This stream is not written by the node's village; nothing was written",
    status: 403,
  },
} as const satisfies Record<string, HttpRuleText>;

export type HttpRuleId = keyof typeof HTTP_RULES;
