import type { RequestHandler } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { scopeCovers } from '../access/roles';
import type { Ledger } from '../app/ledger';
import type { ReferenceCatalog } from '../app/load-reference-data';
import { FISCAL_YEAR_PATTERN } from '../domain/shared/fiscal-year';
import { isRegionCode, regencyOf } from '../domain/shared/region-codes';
import type { EventStore } from '../eventstore/port';
import { importSiskeudes } from '../import/siskeudes/import-siskeudes';
import { villageYearExceptions } from '../import/siskeudes/imported-exceptions';
import { FINANCE_READERS } from '../reports/report-definition';
import { SISKEUDES_FILE_MAX_BYTES } from '../limits';
import type { Endpoint } from './endpoint';
import { HttpProblem, PROBLEM_MEDIA_TYPE } from './problem';
import { actorOf, currentUser } from './request-context';

/** Who may bring a village's Siskeudes history in: the regency's finance office and administrators. */
const IMPORTERS = ['regencyFinance', 'administrator'] as const;

const summarySchema = z.object({
  status: z.enum(['imported', 'alreadyImported']),
  streamId: z.string(),
  fileSha256: z.string(),
  siskeudesVersion: z.string(),
  eventCount: z.number(),
  totals: z.record(z.string(), z.unknown()),
  reconciliation: z.object({
    reconciled: z.boolean(),
    summary: z.object({ id: z.string(), en: z.string() }),
    differences: z.array(z.record(z.string(), z.unknown())),
    uncounted: z.array(z.object({ table: z.string(), rows: z.number() })),
  }),
  exceptions: z.array(z.record(z.string(), z.unknown())),
});

/** One file in memory: an import is decided whole before anything is written, so it is read whole. */
const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: SISKEUDES_FILE_MAX_BYTES, files: 1, fields: 0 },
}).single('file');

/** multer's refusals (too large, wrong field, not multipart) as the API's problems. */
const receiveFile: RequestHandler = (req, res, next) => {
  upload(req, res, (error: unknown) => {
    if (!error) return next();
    const code = (error as { code?: string }).code;
    if (code === 'LIMIT_FILE_SIZE')
      return next(new HttpProblem('BODY_TOO_LARGE', 'file', req.headers['content-length'] ?? ''));
    next(new HttpProblem('UPLOAD_FILE', 'file', code ?? 'multipart'));
  });
};

/** Path shape (404) and the caller's role and scope (403), before anything is read. */
const guardFor =
  (roles: readonly string[], then: RequestHandler = (_req, _res, next) => next()): RequestHandler =>
  (req, res, next) => {
    const { villageCode, fiscalYear } = req.params as Record<string, string>;
    if (!isRegionCode(villageCode!, 'village'))
      throw new HttpProblem('PATH_PARAMETER', 'villageCode', villageCode!);
    if (!FISCAL_YEAR_PATTERN.test(fiscalYear!))
      throw new HttpProblem('PATH_PARAMETER', 'fiscalYear', fiscalYear!);
    const user = currentUser(res);
    if (!roles.includes(user.role))
      throw new HttpProblem('ROLE_NOT_PERMITTED', 'role', user.role, {
        detail: { id: 'impor Siskeudes', en: 'Siskeudes import' },
      });
    if (!scopeCovers(user.scope, villageCode!))
      throw new HttpProblem('OUT_OF_SCOPE', 'villageCode', villageCode!);
    then(req, res, next);
  };

/** POST …/imports: a Siskeudes file for one village-year, answered by a summary or every problem. */
export function siskeudesImportEndpoints(dependencies: {
  store: EventStore;
  ledger: Ledger;
  reference: ReferenceCatalog;
  clock: () => Date;
}): Endpoint[] {
  return [
    {
      method: 'post',
      path: '/villages/:villageCode/years/:fiscalYear/imports',
      tag: 'imports',
      summary:
        'Impor satu desa-tahun dari Siskeudes (multipart, bidang "file": .zip CSV atau .mdb) / import one village-year from Siskeudes',
      access: IMPORTERS,
      uploadField: 'file',
      response: summarySchema,
      status: 201,
      guard: guardFor(IMPORTERS, receiveFile),
      async handler(req, res) {
        const { villageCode, fiscalYear } = req.params as Record<string, string>;
        const year = Number.parseInt(fiscalYear!, 10);
        dependencies.reference.requireYear(year, regencyOf(villageCode!));
        const file = req.file;
        if (!file) throw new HttpProblem('UPLOAD_FILE', 'file', '');
        const outcome = await importSiskeudes(dependencies, {
          bytes: file.buffer,
          fileName: file.originalname,
          villageCode: villageCode!,
          fiscalYear: year,
          actor: actorOf(currentUser(res)),
          now: dependencies.clock(),
        });
        if (outcome.status !== 'refused') {
          res.status(outcome.status === 'imported' ? 201 : 200).json(outcome);
          return;
        }
        const refusal = new HttpProblem('SISKEUDES_FILE_REFUSED', 'file', file.originalname, {
          detail: {
            id: `${outcome.problemCount} masalah`,
            en: `${outcome.problemCount} problems`,
          },
        }).problem;
        res
          .status(refusal.status)
          .type(PROBLEM_MEDIA_TYPE)
          .send(
            JSON.stringify({
              type: `urn:kasdesa:problem:${refusal.rule}`,
              title: `${refusal.title.id} / ${refusal.title.en}`,
              status: refusal.status,
              detail: `${refusal.messages.id} / ${refusal.messages.en}`,
              instance: req.originalUrl,
              rule: refusal.rule,
              field: refusal.field,
              value: refusal.value,
              messages: refusal.messages,
              problemCount: outcome.problemCount,
              problems: outcome.problems,
            }),
          );
      },
    },
    {
      method: 'get',
      path: '/villages/:villageCode/years/:fiscalYear/imports/exceptions',
      tag: 'imports',
      summary:
        'Pengecualian riwayat impor Siskeudes desa-tahun / the flagged exceptions of an imported village-year',
      access: FINANCE_READERS,
      response: z.object({ exceptions: z.array(z.record(z.string(), z.unknown())) }),
      status: 200,
      guard: guardFor(FINANCE_READERS),
      async handler(req, res) {
        const { villageCode, fiscalYear } = req.params as Record<string, string>;
        const exceptions = await villageYearExceptions(
          dependencies.store,
          villageCode!,
          Number.parseInt(fiscalYear!, 10),
        );
        res.json({ exceptions });
      },
    },
  ];
}
