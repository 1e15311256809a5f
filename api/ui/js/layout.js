// Where nodes go: a ring round the focus spaced by the labels, a force layout after
// expansions, overlaps pushed apart, labels too small to read hidden.

import { byRelation } from "./model.js";
import { state } from "./state.js";

// A graph of three nodes should not be blown up to fill the canvas.
export const MAX_FIT_ZOOM = 1.25;

// Labels are drawn only when at least this many pixels high on screen.
export const LEGIBLE_PX = 10;

export const NODE_FONT = 12;

export const EDGE_FONT = 11;

/** A node's box with its label, relative to its position. */
export function boxOf(node) {
  const p = node.position();
  const bb = node.boundingBox({ includeLabels: true, includeOverlays: false,
    includeUnderlays: false });
  return { l: bb.x1 - p.x, r: bb.x2 - p.x, t: bb.y1 - p.y, b: bb.y2 - p.y };
}

export function overlap(a, pa, b, pb, gap) {
  const ox = Math.min(pa.x + a.r, pb.x + b.r) - Math.max(pa.x + a.l, pb.x + b.l) + gap;
  const oy = Math.min(pa.y + a.b, pb.y + b.b) - Math.max(pa.y + a.t, pb.y + b.t) + gap;
  return ox > 0 && oy > 0 ? { ox, oy } : null;
}

/** The neighbours of the focus round it, in the order given (grouped by relation),
 * each as close to the ones before as their labels allow: labels are wide, so the ring
 * is denser at its sides than at its top and bottom, and a big ring alternates between
 * two radii. The radius is the smallest at which all fit; what is left over is shared
 * out evenly. */
export function ringLayout(centre, ring, boxes, gap = 6) {
  const step = 0.004;
  const n = ring.length;
  const stagger = n > 14 ? Math.max(...boxes.map((b) => b.b - b.t)) * 0.9 : 0;
  const radius = (r, i) => r + (i % 2) * stagger;
  const at = (r, i, angle) => ({ x: centre.x + radius(r, i) * Math.cos(angle),
    y: centre.y + radius(r, i) * Math.sin(angle) });
  const clashes = (r, i, angle, angles, placed) => {
    for (let k = Math.max(0, i - 3); k < i; k++) {
      if (overlap(boxes[k], placed[k], boxes[i], at(r, i, angle), gap)) return true;
    }
    // once round: the last ones must clear the first ones
    for (let k = 0; k < Math.min(3, i); k++) {
      if (i >= n - 3 && overlap(boxes[k], at(r, k, angles[k] + 2 * Math.PI),
        boxes[i], at(r, i, angle), gap)) return true;
    }
    return false;
  };
  const sweep = (r) => {
    const angles = [0];
    const placed = [at(r, 0, 0)];
    for (let i = 1; i < n; i++) {
      let angle = angles[i - 1] + step;
      while (clashes(r, i, angle, angles, placed) && angle < 8) angle += step;
      angles.push(angle);
      placed.push(at(r, i, angle));
    }
    return angles;
  };
  const fits = (r) => sweep(r)[n - 1] <= 2 * Math.PI - step;
  const focusBox = boxes.focus;
  let low = Math.max(60, (focusBox.r - focusBox.l) / 2 + 40);
  let high = low;
  while (!fits(high) && high < 20000) high *= 1.4;
  for (let i = 0; i < 18 && high - low > 2; i++) {
    const mid = (low + high) / 2;
    if (fits(mid)) high = mid;
    else low = mid;
  }
  const angles = sweep(high);
  // share the slack: stretch the angles so the ring closes evenly
  const closing = n > 1 ? (2 * Math.PI) / (angles[n - 1] + (angles[n - 1] / (n - 1))) : 1;
  const start = -Math.PI / 2; // the first group starts at the top
  ring.forEach((node, i) => node.position(at(high, i, start + angles[i] * Math.max(1, closing))));
}

/** Push apart nodes whose boxes (label included) overlap, the focus staying put. */
export function separate(nodes, gap = 4, rounds = 80) {
  const items = nodes.map((n) => ({ n, box: boxOf(n), p: { ...n.position() },
    fixed: n.id() === state.view.focus }));
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i];
        const b = items[j];
        const o = overlap(a.box, a.p, b.box, b.p, gap);
        if (!o) continue;
        moved = true;
        const axis = o.ox < o.oy ? "x" : "y";
        const need = axis === "x" ? o.ox : o.oy;
        const dir = Math.sign(b.p[axis] - a.p[axis]) || 1;
        const share = a.fixed || b.fixed ? need : need / 2;
        if (!a.fixed) a.p[axis] -= dir * share;
        if (!b.fixed) b.p[axis] += dir * share;
      }
    }
    if (!moved) break;
  }
  items.forEach(({ n, p }) => n.position(p));
}

/** The focus in the middle, its neighbours round it grouped by the kind and type of
 * their relation to it; after expansions, a force layout from where nodes were. */
export function layout(old) {
  const cy = window.cy;
  const focus = cy.getElementById(state.view.focus);
  const expanded = state.view.expand.length > 0;
  if (!expanded && focus.nonempty()) {
    focus.position({ x: 0, y: 0 });
    const relation = (n) => {
      const edges = n.edgesWith(focus);
      return edges.nonempty() ? edges[0].data("types")[0] : "";
    };
    const ring = cy.nodes().not(focus).sort((a, b) => byRelation(relation(a), relation(b))
      || a.data("type").localeCompare(b.data("type"))
      || a.data("label").localeCompare(b.data("label")));
    const boxes = ring.map(boxOf);
    boxes.focus = boxOf(focus);
    ringLayout({ x: 0, y: 0 }, ring, boxes);
  } else {
    cy.nodes().forEach((n) => {
      if (old.has(n.id())) n.position(old.get(n.id()));
      else {
        const anchor = n.neighborhood("node").filter((m) => old.has(m.id()))[0];
        const at = anchor ? anchor.position() : { x: 0, y: 0 };
        n.position({ x: at.x + (Math.random() - 0.5) * 80, y: at.y + (Math.random() - 0.5) * 80 });
      }
    });
    cy.layout({ name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 120, nodeRepulsion: () => 12000, gravity: 0.25, numIter: 1500,
      fit: false }).run();
  }
  separate(cy.nodes().toArray());
  fit();
}

/** Hide the labels that the zoom makes smaller than LEGIBLE_PX on screen. */
export function smallLabels() {
  const cy = window.cy;
  const zoom = cy.zoom();
  cy.batch(() => {
    cy.nodes().toggleClass("small", NODE_FONT * zoom < LEGIBLE_PX);
    cy.edges().toggleClass("small", EDGE_FONT * zoom < LEGIBLE_PX);
  });
}

export function fit() {
  const cy = window.cy;
  cy.resize();
  cy.fit(undefined, 24);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
}
