import { UpcasterRegistry } from './registry';

/**
 * The upcasters the application reads events through. When an event type's
 * schema changes, bump its `version` in the domain's event table and register
 * here, with `register(type, oldVersion, step)`, the step from the old version
 * to the new one. tests/fixtures/events-v1 must still load and give the same
 * state and reports (tests/audit/events-v1-fixture.test.ts).
 */
export const eventUpcasters = new UpcasterRegistry();

export { MissingUpcasterError, UpcasterRegistry, type Upcaster } from './registry';
