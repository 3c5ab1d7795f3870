import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import { streamOutsideVillage } from '../sync/node-streams';
import type { RegencySync } from '../sync/regency-sync';
import { syncStatusView, type VillageNode } from '../sync/sync-record';
import {
  answerToWire,
  batchFromWire,
  batchToWire,
  headsAnswerSchema,
  headsRequestSchema,
  pullAnswerSchema,
  pullRequestSchema,
  pushAnswerSchema,
  pushRequestSchema,
} from '../sync/sync-wire';
import { SYNC_BODY_MAX_BYTES } from '../limits';
import { regionCodeSchema } from '../domain/shared/region-codes';
import { tokenOf } from './auth-middleware';
import { parseBody, type Endpoint } from './endpoint';
import { HttpProblem } from './problem';
import { actorOf, currentUser } from './request-context';

/** Who manages node credentials and reads the sync status: the regency's administrators. */
const SYNC_ADMINISTRATORS = ['administrator'] as const;
/** Who sees the sync status in monitoring. */
const SYNC_READERS = ['administrator', 'regencyFinance'] as const;

/** The village node a request presents (its bearer secret), never a user session. */
function nodeGuard(regency: RegencySync): RequestHandler {
  return async (req, res, next) => {
    const presented = tokenOf(req);
    const node =
      presented?.via === 'bearer' ? await regency.nodeBySecret(presented.token) : undefined;
    if (!node)
      throw new HttpProblem(
        'NODE_CREDENTIAL',
        'Authorization',
        presented?.via === 'bearer' ? '(unknown or revoked)' : '',
        { headers: { 'WWW-Authenticate': 'Bearer realm="kasdesa-sync"' } },
      );
    res.locals.villageNode = node;
    next();
  };
}

const nodeOf = (res: Response) => res.locals.villageNode as VillageNode;

function roleGuard(roles: readonly string[], what: string): RequestHandler {
  return (_req, res, next) => {
    const { role } = currentUser(res);
    if (!roles.includes(role))
      throw new HttpProblem('ROLE_NOT_PERMITTED', 'role', role, { detail: { id: what, en: what } });
    next();
  };
}

/** Refuses the whole request, before anything is read or written, if it names another village's stream. */
function withinVillage(node: VillageNode, streams: Iterable<string>): void {
  const outside = streamOutsideVillage(node.villageCode, streams);
  if (outside !== undefined)
    throw new HttpProblem('SYNC_STREAM_OUTSIDE_VILLAGE', 'stream', outside, {
      detail: {
        id: `desa simpul ${node.villageCode}`,
        en: `the node's village ${node.villageCode}`,
      },
    });
}

const registerSchema = z.strictObject({ villageCode: regionCodeSchema('village') });
const registeredSchema = z.object({
  nodeId: z.string(),
  villageCode: z.string(),
  secret: z.string(),
});
const statusSchema = z.object({
  nodes: z.array(
    z.object({
      nodeId: z.string(),
      villageCode: z.string(),
      registeredAt: z.string(),
      revoked: z.boolean(),
      lastSync: z.string().nullable(),
    }),
  ),
  quarantined: z.array(z.record(z.string(), z.string())),
});

/**
 * The regency's sync endpoints: a village node pushes its batches, asks what
 * the regency holds and pulls what it needs, with its own credential;
 * administrators register and revoke nodes and read the status.
 */
export function syncEndpoints(regency: RegencySync): Endpoint[] {
  const guard = nodeGuard(regency);
  return [
    {
      method: 'post',
      path: '/sync/heads',
      tag: 'sync',
      summary:
        'Revisi terakhir yang dipegang kabupaten dari aliran simpul / the regency’s last revision of the node’s streams',
      access: 'villageNode',
      body: headsRequestSchema,
      bodyLimit: SYNC_BODY_MAX_BYTES,
      response: headsAnswerSchema,
      status: 200,
      guard,
      async handler(req, res) {
        const { streams } = parseBody('SyncHeads', headsRequestSchema, req.body);
        withinVillage(nodeOf(res), streams);
        // Every run starts here: the monitoring's "last sync".
        await regency.noteContact(nodeOf(res));
        const heads = await regency.heads(streams);
        res.json({
          heads: Object.fromEntries(streams.map((s) => [s, heads.get(s)?.toString() ?? null])),
        });
      },
    },
    {
      method: 'post',
      path: '/sync/batches',
      tag: 'sync',
      summary:
        'Kirim batch peristiwa simpul desa (JSON, boleh gzip) / push a village node’s event batches (JSON, gzip accepted)',
      access: 'villageNode',
      body: pushRequestSchema,
      bodyLimit: SYNC_BODY_MAX_BYTES,
      response: pushAnswerSchema,
      status: 200,
      guard,
      async handler(req, res) {
        const { batches } = parseBody('SyncPush', pushRequestSchema, req.body);
        const node = nodeOf(res);
        withinVillage(
          node,
          batches.map((batch) => batch.stream),
        );
        const answers = await regency.receive(node, batches.map(batchFromWire));
        res.json({ answers: answers.map(answerToWire) });
      },
    },
    {
      method: 'post',
      path: '/sync/pull',
      tag: 'sync',
      summary:
        'Ambil aliran kabupaten yang diperlukan desa / pull the regency streams the village needs',
      access: 'villageNode',
      body: pullRequestSchema,
      bodyLimit: SYNC_BODY_MAX_BYTES,
      response: pullAnswerSchema,
      status: 200,
      guard,
      async handler(req, res) {
        const { after } = parseBody('SyncPull', pullRequestSchema, req.body);
        const held = new Map(Object.entries(after).map(([s, r]) => [s, BigInt(r)]));
        const batches = await regency.pull(nodeOf(res), held);
        res.json({ batches: batches.map(batchToWire) });
      },
    },
    {
      method: 'post',
      path: '/sync/nodes',
      tag: 'sync',
      summary:
        'Daftarkan simpul desa; rahasianya diberikan sekali ini saja / register a village node; its secret is given this once',
      access: SYNC_ADMINISTRATORS,
      body: registerSchema,
      response: registeredSchema,
      status: 201,
      guard: roleGuard(SYNC_ADMINISTRATORS, 'simpul desa / village nodes'),
      async handler(req, res) {
        const { villageCode } = parseBody('RegisterVillageNode', registerSchema, req.body);
        const credential = await regency.registerNode(villageCode, actorOf(currentUser(res)));
        res.status(201).json(credential);
      },
    },
    {
      method: 'post',
      path: '/sync/nodes/:nodeId/revocation',
      tag: 'sync',
      summary: 'Cabut kredensial simpul desa / revoke a village node’s credential',
      access: SYNC_ADMINISTRATORS,
      status: 204,
      guard: roleGuard(SYNC_ADMINISTRATORS, 'simpul desa / village nodes'),
      async handler(req, res) {
        await regency.revokeNode(String(req.params.nodeId), actorOf(currentUser(res)));
        res.status(204).end();
      },
    },
    {
      method: 'post',
      path: '/sync/quarantines/:stream/lift',
      tag: 'sync',
      summary:
        'Akhiri karantina aliran setelah kedua sisi disamakan / end a stream’s quarantine once both sides agree again',
      access: SYNC_ADMINISTRATORS,
      status: 204,
      guard: roleGuard(SYNC_ADMINISTRATORS, 'karantina / quarantine'),
      async handler(req, res) {
        await regency.record.liftQuarantine(String(req.params.stream), actorOf(currentUser(res)));
        res.status(204).end();
      },
    },
    {
      method: 'get',
      path: '/sync/status',
      tag: 'sync',
      summary: 'Simpul desa dan aliran yang dikarantina / village nodes and quarantined streams',
      access: SYNC_READERS,
      response: statusSchema,
      status: 200,
      guard: roleGuard(SYNC_READERS, 'status sinkronisasi / sync status'),
      async handler(_req, res) {
        res.json(syncStatusView(await regency.status()));
      },
    },
  ];
}
