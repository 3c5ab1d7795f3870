/**
 * Tiny JPEGs made in the test: start of image, an EXIF APP1 segment with the
 * camera time (DateTimeOriginal) and GPS position when given, end of image.
 * Enough for type sniffing and EXIF reading, which is all the upload reads.
 */
export interface ExifFields {
  /** `YYYY:MM:DD HH:MM:SS`, as cameras write it. */
  takenAt?: string;
  /** [longitude, latitude], WGS84. */
  position?: [number, number];
}

const SOI = Buffer.from([0xff, 0xd8]);
const EOI = Buffer.from([0xff, 0xd9]);

/** Degrees, minutes and seconds (thousandths) as three little-endian RATIONALs. */
function rationals(degrees: number): Buffer {
  const absolute = Math.abs(degrees);
  const whole = Math.floor(absolute);
  const minutes = Math.floor((absolute - whole) * 60);
  const seconds = Math.round(((absolute - whole) * 60 - minutes) * 60 * 1000);
  const buffer = Buffer.alloc(24);
  [whole, 1, minutes, 1, seconds, 1000].forEach((n, i) => buffer.writeUInt32LE(n, i * 4));
  return buffer;
}

/** A little-endian TIFF: IFD0 → Exif IFD (DateTimeOriginal) and GPS IFD. */
function tiff({ takenAt = '2025:04:19 09:00:00', position }: ExifFields): Buffer {
  const out = Buffer.alloc(178);
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(8, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    out.writeUInt16LE(tag, at);
    out.writeUInt16LE(type, at + 2);
    out.writeUInt32LE(count, at + 4);
    out.writeUInt32LE(value, at + 8);
  };
  out.writeUInt16LE(position ? 2 : 1, 8);
  entry(10, 0x8769, 4, 1, 38);
  if (position) entry(22, 0x8825, 4, 1, 76);
  out.writeUInt16LE(1, 38);
  entry(40, 0x9003, 2, 20, 56);
  out.write(`${takenAt}\0`, 56, 'latin1');
  if (position) {
    const [longitude, latitude] = position;
    out.writeUInt16LE(4, 76);
    entry(78, 0x0001, 2, 2, 0);
    out.write(latitude < 0 ? 'S' : 'N', 86, 'latin1');
    entry(90, 0x0002, 5, 3, 130);
    entry(102, 0x0003, 2, 2, 0);
    out.write(longitude < 0 ? 'W' : 'E', 110, 'latin1');
    entry(114, 0x0004, 5, 3, 154);
    rationals(latitude).copy(out, 130);
    rationals(longitude).copy(out, 154);
  }
  return out;
}

function app1(payload: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

/** A JPEG with EXIF; `padding` bytes (distinct per call when `seed` differs) make distinct content. */
export function jpegWithExif(fields: ExifFields = {}, seed = 0): Buffer {
  const comment = Buffer.from([0xff, 0xfe, 0x00, 0x06, seed & 0xff, (seed >> 8) & 0xff, 0, 0]);
  return Buffer.concat([
    SOI,
    app1(Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff(fields)])),
    comment,
    EOI,
  ]);
}

/** A JPEG without any EXIF. */
export function jpegWithoutExif(seed = 0): Buffer {
  return Buffer.concat([SOI, Buffer.from([0xff, 0xfe, 0x00, 0x04, seed & 0xff, 0]), EOI]);
}

/** A JPEG whose EXIF segment claims an IFD far past its end. */
export function jpegWithCorruptExif(): Buffer {
  const broken = tiff({ position: [114.31, -8.62] });
  broken.writeUInt32LE(0x7fff_fff0, 4);
  broken.writeUInt32LE(0x7fff_fff0, 18);
  return Buffer.concat([
    SOI,
    app1(Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), broken])),
    EOI,
  ]);
}
