import { generateWorkbooks, writeExpectations } from './support/workbooks';

/** Writes the report workbooks and expected.json into the folder given (used by tests/xlsx-libreoffice.sh). */
async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: xlsx-generator <output folder>');
  writeExpectations(dir, await generateWorkbooks(dir));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
