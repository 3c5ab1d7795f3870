import { loadConfig } from '../../src/composition/config';
import { tileImageSource } from '../../src/web/projects/map-tiles';

describe('KASDESA_MAP_TILES', () => {
  test('unset, the map has no basemap', () => {
    expect(loadConfig({}).mapTiles).toBeUndefined();
  });

  test('set, the template and its credit reach the pages', () => {
    const url = 'https://{s}.tile.example.org/{z}/{x}/{y}.png';
    expect(
      loadConfig({ KASDESA_MAP_TILES: url, KASDESA_MAP_TILES_ATTRIBUTION: '© Contoh' }).mapTiles,
    ).toEqual({ url, attribution: '© Contoh' });
    expect(loadConfig({ KASDESA_MAP_TILES: '/ubin/{z}/{x}/{y}.png' }).mapTiles).toEqual({
      url: '/ubin/{z}/{x}/{y}.png',
    });
  });

  test('a template without {z}/{x}/{y}, or not http(s) nor a path, stops the start naming the variable', () => {
    for (const url of [
      'https://tile.example.org/peta.png',
      'ftp://tile.example.org/{z}/{x}/{y}.png',
      "https://tile.example.org/{z}/{x}/{y}.png' data:",
    ])
      expect(() => loadConfig({ KASDESA_MAP_TILES: url })).toThrow(/KASDESA_MAP_TILES/);
  });

  test('the page lets images come from the tile server, a subdomain template as a wildcard', () => {
    expect(tileImageSource('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe(
      'https://*.tile.example.org',
    );
    expect(tileImageSource('http://10.0.0.5:8080/{z}/{x}/{y}.png')).toBe('http://10.0.0.5:8080');
    expect(tileImageSource('/ubin/{z}/{x}/{y}.png')).toBeUndefined();
  });
});
