import { z } from 'zod';
import { MissingUpcasterError, UpcasterRegistry } from '../../src/eventstore/codec/upcasters';
import { fromRecorded, UnreadableEventError } from '../../src/eventstore/codec/event-codec';
import { villageEventSchemas } from '../../src/domain/village/events';
import type { RecordedEvent } from '../../src/eventstore/port';
import { fixtureEvents } from '../fixtures/events-v1/fixture';

/**
 * A hypothetical schema change, in isolation (the real schemas stay as they
 * are): ApbdesEvaluationApproved v2 renames `reference` to
 * `evaluationReference`; v3 adds the evaluating office.
 */
const v2Data = z.strictObject({ date: z.iso.date(), evaluationReference: z.string().min(1) });
const v3Data = v2Data.extend({ office: z.string().min(1) });
const withVersion = (version: number, data: z.ZodType) => ({
  ...villageEventSchemas,
  ApbdesEvaluationApproved: { version, data },
});

const renameReference = (data: Record<string, unknown>) => {
  const { reference, ...rest } = data;
  return { ...rest, evaluationReference: reference };
};

describe('upcasters: old events read as the current version', () => {
  const v1Events = fixtureEvents().filter((e) => e.type === 'ApbdesEvaluationApproved');

  test('the fixture holds version-1 evaluations to upcast', () => {
    expect(v1Events.length).toBeGreaterThan(0);
    expect(v1Events.every((e) => e.metadata.schemaVersion === 1 && 'reference' in e.data)).toBe(
      true,
    );
  });

  test('with the step registered, every version-1 event loads as version 2', () => {
    const upcasters = new UpcasterRegistry().register(
      'ApbdesEvaluationApproved',
      1,
      renameReference,
    );
    const decoded = v1Events.map((e) => fromRecorded(withVersion(2, v2Data), e, upcasters));
    expect(decoded.map((e) => e.metadata.schemaVersion)).toEqual(v1Events.map(() => 2));
    expect(decoded.map((e) => e.data)).toEqual(
      v1Events.map((e) => ({ date: e.data.date, evaluationReference: e.data.reference })),
    );
  });

  test('steps chain: version 1 through 2 to 3', () => {
    const upcasters = new UpcasterRegistry()
      .register('ApbdesEvaluationApproved', 1, renameReference)
      .register('ApbdesEvaluationApproved', 2, (data) => ({ ...data, office: 'DPMD' }));
    const [first] = v1Events.map((e) => fromRecorded(withVersion(3, v3Data), e, upcasters));
    expect(first).toMatchObject({
      metadata: { schemaVersion: 3 },
      data: { evaluationReference: v1Events[0]!.data.reference, office: 'DPMD' },
    });
  });

  test('without the step, the event is refused as unreadable, naming the version', () => {
    const read = () => fromRecorded(withVersion(2, v2Data), v1Events[0]!, new UpcasterRegistry());
    expect(read).toThrow(UnreadableEventError);
    expect(read).toThrow(/no upcaster for ApbdesEvaluationApproved from schema version 1/);
  });

  test('an event newer than the code is refused, not guessed at', () => {
    const newer: RecordedEvent = {
      ...v1Events[0]!,
      metadata: { ...v1Events[0]!.metadata, schemaVersion: 2 },
    };
    expect(() => fromRecorded(villageEventSchemas, newer)).toThrow(/newer than this code's 1/);
  });

  test('a step is registered once per type and version', () => {
    const upcasters = new UpcasterRegistry().register('X', 1, (d) => d);
    expect(() => upcasters.register('X', 1, (d) => d)).toThrow(/already registered/);
    expect(() => upcasters.upcast('X', 1, 3, {})).toThrow(MissingUpcasterError);
  });
});
