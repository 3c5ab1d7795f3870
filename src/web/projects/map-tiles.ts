import { z } from 'zod';

/**
 * A basemap's tiles (KASDESA_MAP_TILES): an http(s) or same-server URL
 * template with {z}, {x} and {y}, and optionally {s} for the subdomain.
 * None configured: the map draws the villages only and needs no internet.
 */
export const mapTilesUrlSchema = z
  .string()
  .trim()
  .regex(
    /^(https?:\/\/[A-Za-z0-9.{}:-]+)?\/[^\s"']*$/,
    'expected an http(s) URL or a path starting with /',
  )
  .refine(
    (url) => ['{z}', '{x}', '{y}'].every((part) => url.includes(part)),
    'expected {z}, {x} and {y} in the template, e.g. https://{s}.tile.example.org/{z}/{x}/{y}.png',
  );

export interface MapTiles {
  url: string;
  /** Credit the tile provider asks for (KASDESA_MAP_TILES_ATTRIBUTION), shown in the map's corner. */
  attribution?: string;
}

/**
 * The origin a page must let images come from for the tiles: `{s}`
 * subdomains become a wildcard; tiles on Kasdesa's own server need none.
 */
export function tileImageSource(url: string): string | undefined {
  const origin = /^https?:\/\/[^/]+/.exec(url)?.[0];
  return origin?.replace('{s}', '*');
}
