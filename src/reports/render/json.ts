import { isImmutablePart } from './immutable-part';

/** The rendered text of immutable parts, by the indentation it was rendered at. */
const renderedParts = new WeakMap<object, { indent: string; text: string }>();

/** Stands for an immutable part in the first pass; no text a model holds looks like it. */
const PLACEHOLDER = '\u0000\u0001kasdesa-part:';
const PLACEHOLDER_TEXT = new RegExp(
  `${JSON.stringify(PLACEHOLDER).replaceAll('\\', '\\\\').slice(0, -1)}(\\d+)"`,
  'g',
);

/**
 * JSON rendering: the read model itself, amounts as exact text (what
 * `JSON.stringify` with two-space indents gives). The text of an immutable
 * part is rendered once and reused: a regency report asked again after one
 * receipt renders one village's part, not two hundred.
 */
export function renderJson(model: unknown): string {
  const parts: object[] = [];
  const skeleton = JSON.stringify(
    model,
    (_key, value: unknown) => {
      if (!isImmutablePart(value)) return value;
      parts.push(value);
      return `${PLACEHOLDER}${parts.length - 1}`;
    },
    2,
  );
  if (parts.length === 0) return `${skeleton}\n`;
  // Concatenated piece by piece: the parts' texts are not copied into one new string here.
  let text = '';
  let from = 0;
  for (const match of skeleton.matchAll(PLACEHOLDER_TEXT)) {
    const lineStart = skeleton.lastIndexOf('\n', match.index) + 1;
    const indent = /^ */.exec(skeleton.slice(lineStart, match.index))![0];
    text +=
      skeleton.slice(from, match.index) + partText(parts[Number.parseInt(match[1]!, 10)]!, indent);
    from = match.index + match[0].length;
  }
  return `${text}${skeleton.slice(from)}\n`;
}

/**
 * The part as JSON.stringify prints it on a line indented by `indent` (two
 * spaces a level): printed inside as many arrays and cut out of them.
 */
function partText(part: object, indent: string): string {
  const rendered = renderedParts.get(part);
  if (rendered?.indent === indent) return rendered.text;
  const depth = indent.length / 2;
  let nested: unknown = part;
  for (let level = 0; level < depth; level += 1) nested = [nested];
  const whole = JSON.stringify(nested, null, 2);
  // Array k (from 0) opens with `[`, a newline and 2(k+1) spaces; it closes with a newline, 2k spaces and `]`.
  const opening = depth * (depth + 3);
  const closing = depth * (depth + 1);
  const text = whole.slice(opening, whole.length - closing);
  renderedParts.set(part, { indent, text });
  return text;
}
