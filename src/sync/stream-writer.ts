import { villageOfProjectStream } from '../domain/projects/project-decider';
import { villageStreamId } from '../domain/village/decider';

/**
 * Who writes a stream: one writer per stream, so a copy is never merged. A
 * village node writes its own village's year streams and project streams
 * (`project-{village}-{project}`); the regency writes every other stream (its
 * years, access, regions, audit anchors, its projects, duplicate suspicions,
 * and the `project-{project}` streams stored before village projects had
 * their own names).
 */
export type Writer = { kind: 'village'; villageCode: string } | { kind: 'regency' };

const VILLAGE_YEAR_STREAM = /^village-(\d{2}\.\d{2}\.\d{2}\.\d{4})-(\d{4})$/;

export function writerOf(stream: string): Writer {
  const projectVillage = villageOfProjectStream(stream);
  if (projectVillage !== undefined) return { kind: 'village', villageCode: projectVillage };
  const match = VILLAGE_YEAR_STREAM.exec(stream);
  if (!match || villageStreamId(match[1]!, Number(match[2])) !== stream) return { kind: 'regency' };
  return { kind: 'village', villageCode: match[1]! };
}

export function writes(side: Writer, stream: string): boolean {
  const writer = writerOf(stream);
  return side.kind === 'village'
    ? writer.kind === 'village' && writer.villageCode === side.villageCode
    : writer.kind === 'regency';
}
