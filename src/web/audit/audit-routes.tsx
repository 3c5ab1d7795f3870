import express, { type Request, type Response, type Router } from 'express';
import { villageStateAt } from '../../audit/time-travel';
import type { Clocks } from '../../../projections/engine/two-clocks';
import { regencyOf } from '../../domain/shared/region-codes';
import { HttpProblem } from '../../http/problem';
import {
  auditClocks,
  auditHistory,
  auditLineVersions,
  requireAuditReader,
  requireAuditVillage,
  sendEvidenceBundle,
  verifyInScope,
  type AuditTarget,
} from '../../http/audit-endpoints';
import { typedDate } from '../forms/typed-input';
import { defaultVillageYear } from '../default-years';
import { pageUser, requireSignedIn, send, sendRefusal, type PageServices } from '../page-kit';
import type { PageSession } from '../session/web-session';
import { AuditStartPage, type District } from './audit-start-page';
import { AUDIT_PATH, VERIFY_PATH } from './audit-paths';
import { ClocksPage, type ClockColumn, type TypedClocks } from './clocks-page';
import { HistoryPage } from './history-page';
import { LineVersionsPage } from './line-versions-page';
import { VerifyPage } from './verify-page';
import { defaultRegencyYear } from '../default-years';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A "known at" day means its end in Western Indonesia Time, where the regency's offices record. */
const END_OF_DAY_WIB = 'T23:59:59.999+07:00';

/** A text field of a GET query, empty when absent. */
const textOf = (req: Request, name: string) =>
  typeof req.query[name] === 'string' ? (req.query[name] as string).trim() : '';

/** The two clocks as typed (dd/mm/yyyy), as the API's query takes them, through the API's own check. */
function clocksOf(typed: TypedClocks): { asOf?: string; knownAt?: string } {
  const asOf = typed.tanggal && typedDate(typed.tanggal);
  const known = typed.diketahui && typedDate(typed.diketahui);
  const knownAt = ISO_DATE.test(known) ? `${known}${END_OF_DAY_WIB}` : known;
  return auditClocks({ ...(asOf && { asOf }), ...(knownAt && { knownAt }) });
}

/** The auditor's pages: read-only, over the same functions and access rules as the audit API. */
export function auditRoutes(services: PageServices): Router {
  const { reference, store, ledger } = services;
  const router = express.Router();
  const signedIn = requireSignedIn(services);

  /** A page of a village's year: the API's checks on the path, then the page; a refusal as a page. */
  function villagePage(
    show: (current: PageSession, target: AuditTarget, req: Request, res: Response) => Promise<void>,
  ) {
    return async (req: Request, res: Response) => {
      const current = pageUser(res);
      try {
        const target = requireAuditVillage(
          reference,
          current.user,
          String(req.params.villageCode),
          String(req.params.fiscalYear),
        );
        await show(current, target, req, res);
      } catch (error) {
        sendRefusal(req, res, error, AUDIT_PATH);
      }
    };
  }

  router.get(AUDIT_PATH, signedIn, async (req, res) => {
    const current = pageUser(res);
    try {
      requireAuditReader(current.user);
      const regency = regencyOf(current.user.scope);
      const years = [...reference.fiscalYears(regency)].sort((a, b) => a - b);
      const asked = { desa: textOf(req, 'desa'), tahun: textOf(req, 'tahun') };
      const listedYear =
        years.find((year) => String(year) === asked.tahun) ??
        (await defaultRegencyYear(services.ledger, reference, regency));
      if (listedYear === undefined)
        return send(
          res,
          200,
          'Audit',
          <AuditStartPage signedIn={current} districts={[]} years={years} chosen={undefined} />,
        );
      const { districts, villages } = reference.get(listedYear, regency);
      const byDistrict: District[] = [...districts.values()]
        .map((district) => ({
          ...district,
          villages: [...villages.values()].filter((v) => v.districtCode === district.code),
        }))
        .filter((district) => district.villages.length > 0);
      const village = villages.get(asked.desa) ?? byDistrict[0]?.villages[0];
      if (asked.desa !== '' && !villages.has(asked.desa))
        throw new HttpProblem('QUERY_PARAMETER', 'desa', asked.desa);
      // Unasked, the year the village has books in, as its own pages choose: a newer year
      // with reference data only would show empty books.
      const fiscalYear =
        asked.tahun === '' && village
          ? ((await defaultVillageYear(ledger, reference, village.code)) ?? listedYear)
          : listedYear;
      send(
        res,
        200,
        'Audit',
        <AuditStartPage
          signedIn={current}
          districts={byDistrict}
          years={years}
          chosen={village && { village, fiscalYear }}
        />,
      );
    } catch (error) {
      sendRefusal(req, res, error, AUDIT_PATH);
    }
  });

  router.get(VERIFY_PATH, signedIn, async (req, res) => {
    const current = pageUser(res);
    try {
      const stream = textOf(req, 'aliran') || undefined;
      const result = await verifyInScope(store, current.user, stream);
      send(
        res,
        200,
        'Periksa rantai hash',
        <VerifyPage signedIn={current} stream={stream} result={result} />,
      );
    } catch (error) {
      sendRefusal(req, res, error, AUDIT_PATH);
    }
  });

  router.get(
    `${AUDIT_PATH}/:villageCode/:fiscalYear/keadaan`,
    signedIn,
    villagePage(async (current, target, req, res) => {
      const typed = { tanggal: textOf(req, 'tanggal'), diketahui: textOf(req, 'diketahui') };
      const { asOf, knownAt } = clocksOf(typed);
      const replay = async (heading: string, clocks: Clocks): Promise<ClockColumn> => ({
        heading,
        replayed: await villageStateAt(store, target.villageCode, target.fiscalYear, clocks),
      });
      const columns = [
        await replay('Sekarang', {}),
        ...(asOf ? [await replay(`Per tanggal bisnis ${typed.tanggal}`, { asOf })] : []),
        ...(knownAt ? [await replay(`Diketahui pada ${typed.diketahui}`, { knownAt })] : []),
      ];
      send(
        res,
        200,
        'Buku pada dua jam',
        <ClocksPage signedIn={current} target={target} typed={typed} columns={columns} />,
      );
    }),
  );

  router.get(
    `${AUDIT_PATH}/:villageCode/:fiscalYear/bukti.zip`,
    signedIn,
    villagePage(async (_current, target, _req, res) => {
      await sendEvidenceBundle(store, reference, target, res);
    }),
  );

  router.get(
    `${AUDIT_PATH}/:villageCode/:fiscalYear/riwayat`,
    signedIn,
    villagePage(async (current, target, req, res) => {
      const asked = {
        jenis: textOf(req, 'jenis') || 'entry',
        id: textOf(req, 'id'),
        sumber: textOf(req, 'sumber'),
      };
      const history =
        asked.id === ''
          ? undefined
          : await auditHistory(
              store,
              target,
              asked.jenis,
              asked.id,
              asked.sumber ? { source: asked.sumber } : {},
            );
      send(
        res,
        200,
        'Riwayat angka',
        <HistoryPage signedIn={current} target={target} asked={asked} history={history} />,
      );
    }),
  );

  router.get(
    `${AUDIT_PATH}/:villageCode/:fiscalYear/baris/:lineId`,
    signedIn,
    villagePage(async (current, target, req, res) => {
      const versions = await auditLineVersions(store, target, String(req.params.lineId), {});
      send(
        res,
        200,
        `Baris ${versions.lineId}`,
        <LineVersionsPage signedIn={current} target={target} versions={versions} />,
      );
    }),
  );
  return router;
}
