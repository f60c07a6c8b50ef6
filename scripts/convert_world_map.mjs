#!/usr/bin/env node
// Builds resources/map/world-110m.json, the world map the Longitude GUI draws, from the
// Natural Earth 1:110m TopoJSON packaged as the npm package world-atlas@2.0.2.
//
// Usage:
//   node scripts/convert_world_map.mjs [PACKAGE_DIR] [OUTPUT]
// PACKAGE_DIR is an unpacked world-atlas 2.0.2 package (the folder holding countries-110m.json
// and land-110m.json). Without it, the script runs `npm pack world-atlas@2.0.2` in a temporary
// folder, unpacks it there and deletes it afterwards; nothing is installed into the repository.
// OUTPUT defaults to resources/map/world-110m.json next to this script's repository root.
//
// Output format (the GUI's map canvas reads exactly this):
//   {"attribution": "...",
//    "land": [[lon0,lat0,lon1,lat1,...], ...],
//    "countries": [{"name", "iso3", "label": [lon,lat], "rings": [[lon0,lat0,...], ...]}, ...]}
// Rings are flat coordinate lists, closed implicitly (the first point is not repeated). Outer
// rings and holes are both listed as rings: the renderer fills with the odd-even rule.
// Coordinates are rounded to 2 decimals (~1 km, well below the 110m data's own resolution).
//
// TopoJSON is decoded by hand (quantized, delta-encoded arcs; negative arc index = reversed
// arc) so that no npm dependency is needed. world-atlas 2 stores geometry on the sphere, so a
// few rings (Russia, Fiji, Chukotka) cross the antimeridian and Antarctica winds around the
// south pole; a planar equirectangular renderer would draw them as bands across the whole map.
// They are therefore unwrapped, closed over the pole where needed, and clipped to
// lon in [-180, 180].

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'world-atlas';
const VERSION = '2.0.2';
const ATTRIBUTION =
    'Made with Natural Earth (public domain), 1:110m, via world-atlas 2.0.2 (ISC, Mike Bostock)';

// ISO 3166-1 numeric -> alpha-3 for the ids world-atlas uses (its `id` is the numeric code).
// Taken from Natural Earth's ne_110m_admin_0_countries ISO_N3 / ISO_A3 (ADM0_A3 where ISO_A3 is
// -99: France, Norway). Three features have no ISO code; NAMED_CODES gives Natural Earth's
// ADM0_A3 for them (not ISO codes).
const ISO_NUMERIC_TO_ALPHA3 = Object.fromEntries(
    ('004:AFG,008:ALB,010:ATA,012:DZA,024:AGO,031:AZE,032:ARG,036:AUS,040:AUT,044:BHS,050:BGD,' +
     '051:ARM,056:BEL,064:BTN,068:BOL,070:BIH,072:BWA,076:BRA,084:BLZ,090:SLB,096:BRN,100:BGR,' +
     '104:MMR,108:BDI,112:BLR,116:KHM,120:CMR,124:CAN,140:CAF,144:LKA,148:TCD,152:CHL,156:CHN,' +
     '158:TWN,170:COL,178:COG,180:COD,188:CRI,191:HRV,192:CUB,196:CYP,203:CZE,204:BEN,208:DNK,' +
     '214:DOM,218:ECU,222:SLV,226:GNQ,231:ETH,232:ERI,233:EST,238:FLK,242:FJI,246:FIN,250:FRA,' +
     '260:ATF,262:DJI,266:GAB,268:GEO,270:GMB,275:PSE,276:DEU,288:GHA,300:GRC,304:GRL,320:GTM,' +
     '324:GIN,328:GUY,332:HTI,340:HND,348:HUN,352:ISL,356:IND,360:IDN,364:IRN,368:IRQ,372:IRL,' +
     '376:ISR,380:ITA,384:CIV,388:JAM,392:JPN,398:KAZ,400:JOR,404:KEN,408:PRK,410:KOR,414:KWT,' +
     '417:KGZ,418:LAO,422:LBN,426:LSO,428:LVA,430:LBR,434:LBY,440:LTU,442:LUX,450:MDG,454:MWI,' +
     '458:MYS,466:MLI,478:MRT,484:MEX,496:MNG,498:MDA,499:MNE,504:MAR,508:MOZ,512:OMN,516:NAM,' +
     '524:NPL,528:NLD,540:NCL,548:VUT,554:NZL,558:NIC,562:NER,566:NGA,578:NOR,586:PAK,591:PAN,' +
     '598:PNG,600:PRY,604:PER,608:PHL,616:POL,620:PRT,624:GNB,626:TLS,630:PRI,634:QAT,642:ROU,' +
     '643:RUS,646:RWA,682:SAU,686:SEN,688:SRB,694:SLE,703:SVK,704:VNM,705:SVN,706:SOM,710:ZAF,' +
     '716:ZWE,724:ESP,728:SSD,729:SDN,732:ESH,740:SUR,748:SWZ,752:SWE,756:CHE,760:SYR,762:TJK,' +
     '764:THA,768:TGO,780:TTO,784:ARE,788:TUN,792:TUR,795:TKM,800:UGA,804:UKR,807:MKD,818:EGY,' +
     '826:GBR,834:TZA,840:USA,854:BFA,858:URY,860:UZB,862:VEN,887:YEM,894:ZMB')
        .split(',')
        .map((pair) => pair.split(':')));
const NAMED_CODES = { 'N. Cyprus': 'CYN', Somaliland: 'SOL', Kosovo: 'KOS' };

function fetchPackage() {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'longitude-world-atlas-'));
    const tarball = execFileSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--silent'], {
        cwd: tmp,
        encoding: 'utf8',
    }).trim().split('\n').pop();
    execFileSync('tar', ['xzf', tarball], { cwd: tmp });
    return { dir: path.join(tmp, 'package'), cleanup: () => fs.rmSync(tmp, { recursive: true }) };
}

function readTopology(dir, file) {
    const topology = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    const [sx, sy] = topology.transform.scale;
    const [tx, ty] = topology.transform.translate;
    const arcs = topology.arcs.map((arc) => {
        let x = 0;
        let y = 0;
        return arc.map(([dx, dy]) => {
            x += dx;
            y += dy;
            return [x * sx + tx, y * sy + ty];
        });
    });
    return { topology, arcs };
}

// A TopoJSON ring (list of arc indices) as a list of [lon, lat]; consecutive arcs share their
// joint point, which is kept once.
function decodeRing(arcs, indices) {
    const points = [];
    indices.forEach((index, k) => {
        let arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
        if (k > 0) arc = arc.slice(1);
        points.push(...arc);
    });
    if (points.length > 1) {
        const [a, b] = [points[0], points[points.length - 1]];
        if (a[0] === b[0] && a[1] === b[1]) points.pop();
    }
    return points;
}

function polygonsOf(geometry) {
    if (geometry.type === 'Polygon') return [geometry.arcs];
    if (geometry.type === 'MultiPolygon') return geometry.arcs;
    return [];
}

// Sutherland-Hodgman clip of a ring against one vertical half-plane. Works for concave rings;
// where a ring leaves and re-enters, the result has zero-area edges along the cut line, which
// the odd-even fill ignores.
function clipVertical(ring, x0, keepGreater) {
    const inside = (p) => (keepGreater ? p[0] >= x0 : p[0] <= x0);
    const out = [];
    for (let i = 0; i < ring.length; i++) {
        const cur = ring[i];
        const prev = ring[(i + ring.length - 1) % ring.length];
        const curIn = inside(cur);
        const prevIn = inside(prev);
        if (curIn !== prevIn) {
            const t = (x0 - prev[0]) / (cur[0] - prev[0]);
            out.push([x0, prev[1] + t * (cur[1] - prev[1])]);
        }
        if (curIn) out.push(cur);
    }
    return out;
}

function planarArea(ring) {
    let a = 0;
    for (let i = 0; i < ring.length; i++) {
        const [x1, y1] = ring[i];
        const [x2, y2] = ring[(i + 1) % ring.length];
        a += x1 * y2 - x2 * y1;
    }
    return a / 2;
}

// Splits a spherical ring into planar rings inside lon [-180, 180].
function planarRings(ring) {
    const unwrapped = [ring[0].slice()];
    for (let i = 1; i < ring.length; i++) {
        let lon = ring[i][0];
        const prevLon = unwrapped[i - 1][0];
        while (lon - prevLon > 180) lon -= 360;
        while (lon - prevLon < -180) lon += 360;
        unwrapped.push([lon, ring[i][1]]);
    }
    const first = unwrapped[0];
    const last = unwrapped[unwrapped.length - 1];
    let closing = last[0];
    while (first[0] - closing > 180) closing += 360;
    while (first[0] - closing < -180) closing -= 360;
    if (closing !== last[0]) {
        // The ring winds once around a pole (Antarctica): close it along that pole's parallel.
        const meanLat = unwrapped.reduce((s, p) => s + p[1], 0) / unwrapped.length;
        const poleLat = meanLat < 0 ? -90 : 90;
        unwrapped.push([last[0], poleLat], [first[0] + (last[0] - closing), poleLat]);
    }
    const minLon = Math.min(...unwrapped.map((p) => p[0]));
    const maxLon = Math.max(...unwrapped.map((p) => p[0]));
    const result = [];
    for (const shift of [-720, -360, 0, 360, 720]) {
        if (maxLon + shift <= -180 || minLon + shift >= 180) continue;
        let piece = unwrapped.map(([x, y]) => [x + shift, y]);
        piece = clipVertical(piece, -180, true);
        piece = clipVertical(piece, 180, false);
        if (piece.length >= 3 && Math.abs(planarArea(piece)) > 1e-9) result.push(piece);
    }
    return result;
}

const round2 = (v) => Math.round(v * 100) / 100;

// Rounds to 2 decimals and drops points that became duplicates of their predecessor.
function flatRounded(ring) {
    const flat = [];
    let px = NaN;
    let py = NaN;
    for (const [lon, lat] of ring) {
        const x = round2(lon);
        const y = round2(lat);
        if (x === px && y === py) continue;
        flat.push(x, y);
        px = x;
        py = y;
    }
    if (flat.length >= 4 && flat[0] === px && flat[1] === py) flat.splice(-2, 2);
    return flat.length >= 6 ? flat : null;
}

function pointInRing([x, y], ring) {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
}

// Label point of a country: the area centroid of its largest ring; if that falls outside the
// ring (crescent shapes), the middle of the widest span of the ring on the centroid's parallel.
function labelPoint(rings) {
    let best = null;
    let bestArea = 0;
    for (const ring of rings) {
        const a = Math.abs(planarArea(ring));
        if (a > bestArea) {
            bestArea = a;
            best = ring;
        }
    }
    const signed = planarArea(best);
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < best.length; i++) {
        const [x1, y1] = best[i];
        const [x2, y2] = best[(i + 1) % best.length];
        const f = x1 * y2 - x2 * y1;
        cx += (x1 + x2) * f;
        cy += (y1 + y2) * f;
    }
    cx /= 6 * signed;
    cy /= 6 * signed;
    if (!pointInRing([cx, cy], best)) {
        const xs = [];
        for (let i = 0, j = best.length - 1; i < best.length; j = i++) {
            const [xi, yi] = best[i];
            const [xj, yj] = best[j];
            if (yi > cy !== yj > cy) xs.push(xi + ((cy - yi) * (xj - xi)) / (yj - yi));
        }
        xs.sort((a, b) => a - b);
        let widest = 0;
        for (let k = 0; k + 1 < xs.length; k += 2) {
            if (xs[k + 1] - xs[k] > widest) {
                widest = xs[k + 1] - xs[k];
                cx = (xs[k] + xs[k + 1]) / 2;
            }
        }
    }
    return [round2(cx), round2(cy)];
}

function convert(dir) {
    const countriesTopo = readTopology(dir, 'countries-110m.json');
    const landTopo = readTopology(dir, 'land-110m.json');

    const land = [];
    for (const geometry of landTopo.topology.objects.land.geometries) {
        for (const polygon of polygonsOf(geometry)) {
            for (const indices of polygon) {
                for (const ring of planarRings(decodeRing(landTopo.arcs, indices))) {
                    const flat = flatRounded(ring);
                    if (flat) land.push(flat);
                }
            }
        }
    }

    const countries = [];
    for (const geometry of countriesTopo.topology.objects.countries.geometries) {
        const name = geometry.properties.name;
        const iso3 = geometry.id !== undefined ? ISO_NUMERIC_TO_ALPHA3[geometry.id] : NAMED_CODES[name];
        if (!iso3) throw new Error(`no ISO alpha-3 code for ${name} (id ${geometry.id})`);
        const planar = [];
        for (const polygon of polygonsOf(geometry)) {
            for (const indices of polygon) planar.push(...planarRings(decodeRing(countriesTopo.arcs, indices)));
        }
        const rings = planar.map(flatRounded).filter((r) => r);
        if (rings.length === 0) continue;
        countries.push({ name, iso3, label: labelPoint(planar), rings });
    }
    countries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { attribution: ATTRIBUTION, land, countries };
}

// One country or ring per line: compact, yet a diff shows which country changed.
function serialise(map) {
    const lines = ['{"attribution": ' + JSON.stringify(map.attribution) + ','];
    lines.push(' "land": [');
    lines.push(map.land.map((r) => '  ' + JSON.stringify(r)).join(',\n'));
    lines.push(' ],');
    lines.push(' "countries": [');
    lines.push(map.countries.map((c) => '  ' + JSON.stringify(c)).join(',\n'));
    lines.push(' ]}');
    return lines.join('\n') + '\n';
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = process.argv[3] ?? path.join(root, 'resources', 'map', 'world-110m.json');
let source = process.argv[2] ? { dir: process.argv[2], cleanup: () => {} } : fetchPackage();
try {
    const pkg = JSON.parse(fs.readFileSync(path.join(source.dir, 'package.json'), 'utf8'));
    if (pkg.name !== PACKAGE || pkg.version !== VERSION) {
        throw new Error(`expected ${PACKAGE}@${VERSION}, found ${pkg.name}@${pkg.version}`);
    }
    const map = convert(source.dir);
    fs.mkdirSync(path.dirname(output), { recursive: true });
    fs.writeFileSync(output, serialise(map));
    const points = (rings) => rings.reduce((s, r) => s + r.length / 2, 0);
    console.log(`${output}: ${map.land.length} land rings (${points(map.land)} points), ` +
                `${map.countries.length} countries ` +
                `(${map.countries.reduce((s, c) => s + points(c.rings), 0)} points), ` +
                `${fs.statSync(output).size} bytes`);
} finally {
    source.cleanup();
}
