import { command } from '../support/decider-specification';
import { activity, openYear, regencySpec, villageSpec } from '../support/village-fixtures';

describe('command idempotency', () => {
  it('answers a repeated command (same id, same content) with no new events', () => {
    const plan = activity('road', '02.03.10', 'DDS');
    villageSpec()
      .givenCommands([openYear(), plan])
      .when({ ...plan })
      .thenNothing();
  });

  it('treats the same content sent by another user as the same command', () => {
    const plan = activity('road', '02.03.10', 'DDS');
    villageSpec()
      .givenCommands([openYear(), plan])
      .when({ ...plan, actor: { id: 'u-kades', role: 'kepala-desa', displayName: 'H. Slamet' } })
      .thenNothing();
  });

  it('refuses the same id with different content', () => {
    const plan = activity('road', '02.03.10', 'DDS');
    villageSpec()
      .givenCommands([openYear(), plan])
      .when({ ...activity('road-2', '02.03.10', 'DDS'), commandId: plan.commandId })
      .thenRejects('COMMAND_ID_CONFLICT', 'commandId', plan.commandId);
  });

  it('remembers which revisions a command produced', () => {
    const plan = activity('road', '02.03.10', 'DDS');
    const state = villageSpec().replay([openYear(), plan]);
    expect(state.commands.get(plan.commandId)).toMatchObject({ firstRevision: 1, lastRevision: 1 });
    expect(state.eventCount).toBe(2);
  });

  it('stamps command id, fingerprint, actor and schema version on every event', () => {
    const [event] = villageSpec().given().when(openYear()).events();
    expect(event?.metadata).toEqual({
      schemaVersion: 1,
      commandId: expect.any(String),
      commandFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      actor: { id: 'u-sekdes', role: 'sekretaris-desa', displayName: 'Siti Aminah' },
    });
  });

  it('applies to the regency stream too', () => {
    const open = command('OpenRegencyFiscalYear', {});
    regencySpec()
      .givenCommands([open])
      .when({ ...open })
      .thenNothing();
  });

  it('refuses an unknown command type or a missing actor as malformed', () => {
    villageSpec()
      .given()
      .when(command('BurnTheBooks', {}))
      .thenRejects('COMMAND_SCHEMA', 'type', 'BurnTheBooks');
    villageSpec()
      .given()
      .when({ ...openYear(), actor: undefined } as never)
      .thenRejects('COMMAND_SCHEMA', 'actor');
  });
});
