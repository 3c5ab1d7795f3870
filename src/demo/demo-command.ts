/**
 * A command the demo issues, before it gets its actor: the key makes its
 * command id, fixed per village, so a seeding run that is repeated after an
 * interruption is answered from the streams instead of writing twice.
 */
export interface DemoCommand {
  type: string;
  key: string;
  payload: unknown;
}

export const demoCommand = (type: string, key: string, payload: unknown): DemoCommand => ({
  type,
  key,
  payload,
});
