import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

type TestRegistration = (name: string, fn: jest.ProvidesCallback, timeout?: number) => void;

/**
 * How to register a test that needs an external program: jest's `test` when
 * `tool` is on PATH. Without it the test is skipped (counted as skipped) after
 * printing why, except in CI (CI=true), where it is registered as a failing
 * test: CI must check, never pass without checking.
 */
export function testNeedingTool(tool: string, purpose: string): TestRegistration {
  return registration(onPath(tool), `${tool} tidak ada di PATH / not on PATH: ${purpose}`);
}

/** Like testNeedingTool, for a package that must be installed in node_modules. */
export function testNeedingModule(name: string, purpose: string): TestRegistration {
  return registration(
    resolvable(name),
    `paket ${name} belum dipasang / package ${name} not installed: ${purpose}`,
  );
}

/** A test needing several tools or packages: registered as the first missing one says. */
export const testNeedingAll = (...needs: TestRegistration[]): TestRegistration =>
  needs.find((registered) => registered !== test) ?? test;

function registration(available: boolean, reason: string): TestRegistration {
  if (available) return test;
  if (process.env.CI === 'true')
    return (name, _fn, timeout) =>
      test(
        name,
        () => {
          throw new Error(`CI: ${reason}`);
        },
        timeout,
      );
  console.log(`SKIP: ${reason}`);
  return test.skip;
}

function resolvable(name: string): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

function onPath(tool: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => isExecutable(join(dir, tool)));
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
