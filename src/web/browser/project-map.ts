import * as L from 'leaflet';
import type { FeatureCollection, Geometry } from 'geojson';
import type { ProjectFeatureProperties, VillageFeatureProperties } from '../projects/map-features';
import { PROGRESS_BANDS, SUSPECTED_STYLE } from '../projects/progress-bands';

/**
 * The map page's script: draws the table's projects on a Leaflet map,
 * coloured by progress, an open duplicate suspicion dashed in red. With no
 * tile source configured it draws the villages' boundaries and centres
 * only, so it works without internet. The table below stays the page.
 */

/** Where the map starts when nothing has a position yet: Indonesia. */
const INDONESIA: L.LatLngExpression = [-2.5, 118];
const INDONESIA_ZOOM = 5;
const MAX_ZOOM = 19;

async function geoJson<P>(url: string): Promise<FeatureCollection<Geometry, P>> {
  const answer = await fetch(url, {
    credentials: 'same-origin',
    headers: { Accept: 'application/geo+json' },
  });
  if (!answer.ok) throw new Error(`${url}: ${answer.status}`);
  return (await answer.json()) as FeatureCollection<Geometry, P>;
}

function styleOf(properties: ProjectFeatureProperties): L.PathOptions {
  const colour = PROGRESS_BANDS[properties.band].colour;
  return {
    className: properties.suspected ? 'project-marker suspected' : 'project-marker',
    color: properties.suspected ? SUSPECTED_STYLE.colour : colour,
    dashArray: properties.suspected ? '6 4' : undefined,
    weight: properties.suspected ? 5 : 4,
    fillColor: colour,
    fillOpacity: 0.8,
  };
}

/** A project's popup, built as elements: titles are user text, never parsed as HTML. */
function popupOf(properties: ProjectFeatureProperties): HTMLElement {
  const box = document.createElement('div');
  const link = document.createElement('a');
  link.href = properties.url;
  link.textContent = properties.title;
  const facts = document.createElement('p');
  facts.textContent =
    `Desa ${properties.villageName} · ${properties.fiscalYear} · ${properties.fundSources.join(', ')} · ` +
    (properties.percent === null ? 'belum dilaporkan' : `${properties.percent}%`);
  box.append(link, facts);
  if (properties.suspected) {
    const warning = document.createElement('strong');
    warning.textContent = SUSPECTED_STYLE.label;
    box.append(warning);
  }
  return box;
}

async function draw(container: HTMLElement): Promise<void> {
  const { projects, villages, tiles, attribution } = container.dataset;
  if (!projects || !villages) return;
  const [villageData, projectData] = await Promise.all([
    geoJson<VillageFeatureProperties>(villages),
    geoJson<ProjectFeatureProperties>(projects),
  ]);
  // Nothing to draw and no basemap: an empty grey box would only push the table down.
  if (!tiles && villageData.features.length + projectData.features.length === 0) return;
  container.hidden = false;
  const map = L.map(container, { maxZoom: MAX_ZOOM }).setView(INDONESIA, INDONESIA_ZOOM);
  if (tiles) L.tileLayer(tiles, { maxZoom: MAX_ZOOM, attribution: attribution ?? '' }).addTo(map);
  const villageLayer = L.geoJSON(villageData, {
    style: { className: 'village-area', color: '#566573', weight: 1, fillOpacity: 0.05 },
    pointToLayer: (feature, position) =>
      L.circleMarker(position, { className: 'village-centre', radius: 3, color: '#566573' }),
    onEachFeature: (feature, layer) => layer.bindTooltip(`Desa ${feature.properties.name}`),
  }).addTo(map);
  const projectLayer = L.geoJSON(projectData, {
    style: (feature) => (feature ? styleOf(feature.properties) : {}),
    pointToLayer: (feature, position) =>
      L.circleMarker(position, { ...styleOf(feature.properties), radius: 8 }),
    onEachFeature: (feature, layer) => layer.bindPopup(popupOf(feature.properties)),
  }).addTo(map);
  const bounds = projectLayer.getBounds();
  if (!bounds.isValid()) bounds.extend(villageLayer.getBounds());
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 17 });
  container.dataset.drawn = String(projectData.features.length);
}

const container = document.getElementById('peta-proyek');
if (container)
  draw(container).catch(() => {
    // The table below shows the same projects; a map that cannot load its data is simply left out.
    container.hidden = true;
  });
