/** The benchmark workloads shared by the suites: village streams, commands of 1–3 payment events. */

import { randomUUID } from 'node:crypto';
import type { EventData } from '../src/eventstore/port';

export const STREAMS = 200;
export const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 2000);
export const READ_EVENTS = Number(process.env.BENCH_READ_EVENTS ?? 200_000);
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/** The workload as the results files describe it. */
export const WORKLOAD = {
  streams: STREAMS,
  commandsPerRound: COMMANDS,
  eventsPerCommand: '1–3',
  readEvents: READ_EVENTS,
  rounds: ROUNDS,
};

export interface Command {
  stream: string;
  events: EventData[];
}

export function streamName(index: number): string {
  return `village-35.10.${String(index % STREAMS).padStart(3, '0')}-2025`;
}

/** `commands` commands; command i goes to stream i mod STREAMS, so any STREAMS consecutive ones touch distinct streams. */
export function workload(commands: number): Command[] {
  return Array.from({ length: commands }, (_, i) => ({
    stream: streamName(i),
    events: Array.from({ length: 1 + (i % 3) }, (_, j) => ({
      id: randomUUID(),
      type: 'PaymentRecorded',
      data: {
        spp: `SPP-${i}`,
        line: j,
        amount: `${(i * 7919) % 50_000_000}.00`,
        payee: 'CV Maju Jaya',
        note: 'Pembayaran material jalan desa',
      },
      metadata: {
        commandId: randomUUID(),
        actor: { userId: 'u-1', role: 'treasurer', name: 'Siti Aminah' },
      },
    })),
  }));
}

/** The workload cut to exactly `count` events (the last command may lose some). */
export function workloadOfEvents(count: number): Command[] {
  let left = count;
  const commands: Command[] = [];
  for (const { stream, events } of workload(count)) {
    if (left === 0) break;
    const batch = events.slice(0, left);
    commands.push({ stream, events: batch });
    left -= batch.length;
  }
  return commands;
}
