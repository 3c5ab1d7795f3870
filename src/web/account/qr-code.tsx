import QRCode from 'qrcode';

/** Quiet zone around the code, in modules: scanners need a light border. */
const QR_MARGIN_MODULES = 1;

/**
 * A QR code drawn by Preact from the library's module matrix: one path of
 * unit squares, so the page holds no HTML built from strings.
 */
export function QrCode({ text }: { text: string }) {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const squares: string[] = [];
  for (let row = 0; row < size; row++)
    for (let column = 0; column < size; column++)
      if (data[row * size + column])
        squares.push(`M${column + QR_MARGIN_MODULES} ${row + QR_MARGIN_MODULES}h1v1h-1z`);
  const side = size + 2 * QR_MARGIN_MODULES;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${side} ${side}`}
      shape-rendering="crispEdges"
    >
      <rect width={side} height={side} fill="#ffffff" />
      <path d={squares.join('')} fill="#000000" />
    </svg>
  );
}
