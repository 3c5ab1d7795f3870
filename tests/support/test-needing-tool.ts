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
  if (onPath(tool)) return test;
  const reason = `${tool} tidak ada di PATH / not on PATH: ${purpose}`;
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
