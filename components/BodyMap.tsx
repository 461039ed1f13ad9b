import { useId, useRef, useState } from 'preact/hooks';
import { REGIONS, REGION_LABELS, type Region } from '../lib/kb/vocabulary';

/**
 * "Where does it hurt?": a front and a back view of a simple figure (original artwork, drawn
 * here), with a shape for every region of lib/kb/vocabulary except `whole-body`. Each region is
 * one button (its shapes in both views together), reached with Tab and moved between with the
 * arrow keys (roving tabindex). Left and right are the figure's own: on the front view its right
 * side is on your left.
 */
export type MapRegion = Exclude<Region, 'whole-body'>;
export const MAP_REGIONS: readonly MapRegion[] = REGIONS.filter((region): region is MapRegion => region !== 'whole-body');

type Shape =
  | { readonly kind: 'circle'; readonly x: number; readonly y: number; readonly r: number }
  | { readonly kind: 'ellipse'; readonly x: number; readonly y: number; readonly rx: number; readonly ry: number }
  | { readonly kind: 'rect'; readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly r: number };

/** x is measured from the figure's middle line; `both` draws the shape on the figure's right and left. */
const both = (shape: Shape): Shape[] => [shape, { ...shape, x: -shape.x }];
const centred = (shape: Shape): Shape[] => [shape];

interface RegionShapes {
  readonly front: readonly Shape[];
  readonly back: readonly Shape[];
}

/** Every map region has shapes: the type makes a region missing from the map a compile error. */
const REGION_SHAPES: Record<MapRegion, RegionShapes> = {
  head: { front: centred({ kind: 'circle', x: 0, y: 48, r: 21 }), back: centred({ kind: 'circle', x: 0, y: 48, r: 21 }) },
  neck: { front: centred({ kind: 'rect', x: -9, y: 72, w: 18, h: 20, r: 4 }), back: centred({ kind: 'rect', x: -9, y: 72, w: 18, h: 20, r: 4 }) },
  shoulder: { front: both({ kind: 'circle', x: -40, y: 104, r: 11 }), back: both({ kind: 'circle', x: -40, y: 104, r: 11 }) },
  'upper-back': { front: [], back: centred({ kind: 'rect', x: -24, y: 100, w: 48, h: 52, r: 12 }) },
  elbow: { front: both({ kind: 'circle', x: -54, y: 170, r: 10 }), back: both({ kind: 'circle', x: -54, y: 170, r: 10 }) },
  'wrist-hand': { front: both({ kind: 'ellipse', x: -61, y: 240, rx: 11, ry: 16 }), back: both({ kind: 'ellipse', x: -61, y: 240, rx: 11, ry: 16 }) },
  'low-back': { front: [], back: centred({ kind: 'rect', x: -24, y: 160, w: 48, h: 36, r: 12 }) },
  pelvis: { front: centred({ kind: 'ellipse', x: 0, y: 204, rx: 17, ry: 13 }), back: [] },
  hip: { front: both({ kind: 'circle', x: -31, y: 214, r: 10 }), back: both({ kind: 'circle', x: -16, y: 214, r: 13 }) },
  knee: { front: both({ kind: 'circle', x: -22, y: 310, r: 12 }), back: both({ kind: 'circle', x: -22, y: 310, r: 12 }) },
  'ankle-foot': { front: both({ kind: 'ellipse', x: -24, y: 390, rx: 12, ry: 13 }), back: both({ kind: 'ellipse', x: -24, y: 390, rx: 12, ry: 13 }) },
};

const FRONT_X = 85;
const BACK_X = 255;
const VIEW_BOX = '0 0 340 425';

function ShapeOf({ shape, cx, class: className }: { shape: Shape; cx: number; class: string }) {
  switch (shape.kind) {
    case 'circle':
      return <circle class={className} cx={cx + shape.x} cy={shape.y} r={shape.r} />;
    case 'ellipse':
      return <ellipse class={className} cx={cx + shape.x} cy={shape.y} rx={shape.rx} ry={shape.ry} />;
    case 'rect':
      return <rect class={className} x={cx + shape.x} y={shape.y} width={shape.w} height={shape.h} rx={shape.r} />;
  }
}

/** The figure itself: limbs as outlined strokes, then torso, neck, head, hands and feet. */
function Figure({ cx, view }: { cx: number; view: 'front' | 'back' }) {
  const sides = [-1, 1];
  const arm = (side: number): string => `M${cx + side * 40},104 L${cx + side * 54},170 L${cx + side * 60},230`;
  const leg = (side: number): string => `M${cx + side * 19},214 L${cx + side * 22},310 L${cx + side * 23},384`;
  const torso = `M${cx - 14},90 L${cx + 14},90 Q${cx + 44},92 ${cx + 46},108 L${cx + 40},190 Q${cx + 40},206 ${cx + 38},226 L${cx - 38},226 Q${cx - 40},206 ${cx - 40},190 L${cx - 46},108 Q${cx - 44},92 ${cx - 14},90 Z`;
  return (
    <g aria-hidden="true">
      {sides.map((side) => (
        <g key={side}>
          <path class="limb-outline" d={arm(side)} stroke-width={21} />
          <path class="limb" d={arm(side)} stroke-width={17} />
          <path class="limb-outline" d={leg(side)} stroke-width={27} />
          <path class="limb" d={leg(side)} stroke-width={23} />
        </g>
      ))}
      <path class="figure" d={torso} />
      <rect class="figure" x={cx - 10} y={68} width={20} height={26} rx={4} />
      <circle class="figure" cx={cx} cy={48} r={24} />
      {sides.map((side) => (
        <g key={side}>
          <circle class="figure" cx={cx + side * 61} cy={244} r={10} />
          <ellipse class="figure" cx={cx + side * (view === 'front' ? 25 : 23)} cy={396} rx={view === 'front' ? 12 : 10} ry={view === 'front' ? 7 : 8} />
        </g>
      ))}
    </g>
  );
}

function Face({ cx }: { cx: number }) {
  return (
    <g aria-hidden="true">
      <circle class="face-dot" cx={cx - 8} cy={44} r={2.5} />
      <circle class="face-dot" cx={cx + 8} cy={44} r={2.5} />
      <path class="face" d={`M${cx - 8},55 Q${cx},62 ${cx + 8},55`} />
    </g>
  );
}

/** Captions: which view is which, and the figure's own right (R) and left (L). */
function Labels() {
  return (
    <g aria-hidden="true">
      <text class="map-label" x={FRONT_X} y={14} text-anchor="middle">
        Front
      </text>
      <text class="map-label" x={BACK_X} y={14} text-anchor="middle">
        Back
      </text>
      <text class="side-label" x={FRONT_X - 76} y={150} text-anchor="middle">
        R
      </text>
      <text class="side-label" x={FRONT_X + 76} y={150} text-anchor="middle">
        L
      </text>
      <text class="side-label" x={BACK_X - 76} y={150} text-anchor="middle">
        L
      </text>
      <text class="side-label" x={BACK_X + 76} y={150} text-anchor="middle">
        R
      </text>
    </g>
  );
}

function regionShapes(region: MapRegion, className: string) {
  const shapes = REGION_SHAPES[region];
  return (
    <>
      {shapes.front.map((shape, index) => (
        <ShapeOf key={`f${index}`} shape={shape} cx={FRONT_X} class={className} />
      ))}
      {shapes.back.map((shape, index) => (
        <ShapeOf key={`b${index}`} shape={shape} cx={BACK_X} class={className} />
      ))}
    </>
  );
}

export const SIDES_NOTE = 'R and L are the figure’s own right and left: on the front view its right side is on your left.';

export interface BodyMapProps {
  readonly selected?: MapRegion;
  readonly onSelect: (region: MapRegion) => void;
  /** The map's name for screen readers. */
  readonly label?: string;
}

/** The interactive map: one button per region, arrow keys move between them. */
export function BodyMap({ selected, onSelect, label = 'Body map' }: BodyMapProps) {
  const [hovered, setHovered] = useState<MapRegion | undefined>();
  const [focused, setFocused] = useState<MapRegion | undefined>();
  const buttons = useRef(new Map<MapRegion, SVGGElement>());
  const tabStop = focused ?? selected ?? MAP_REGIONS[0];

  const moveFocus = (from: MapRegion, step: number | 'first' | 'last'): void => {
    const position = MAP_REGIONS.indexOf(from);
    const last = MAP_REGIONS.length - 1;
    const next = step === 'first' ? 0 : step === 'last' ? last : (position + step + MAP_REGIONS.length) % MAP_REGIONS.length;
    const region = MAP_REGIONS[next]!;
    setFocused(region);
    buttons.current.get(region)?.focus();
  };
  const onKeyDown = (region: MapRegion) => (event: KeyboardEvent) => {
    const moves: Record<string, number | 'first' | 'last'> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, Home: 'first', End: 'last' };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      moveFocus(region, move);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(region);
    }
  };

  const caption = hovered ?? focused ?? selected;
  const hintId = useId();
  return (
    <div class="body-map">
      <div role="group" aria-label={label} aria-describedby={hintId}>
        <svg viewBox={VIEW_BOX} xmlns="http://www.w3.org/2000/svg" role="presentation">
          <Figure cx={FRONT_X} view="front" />
          <Figure cx={BACK_X} view="back" />
          <Labels />
          {MAP_REGIONS.map((region) => (
            <g
              key={region}
              ref={(element) => {
                if (element) buttons.current.set(region, element);
                else buttons.current.delete(region);
              }}
              role="button"
              class={hovered === region ? 'region hovered' : 'region'}
              tabindex={region === tabStop ? 0 : -1}
              aria-label={REGION_LABELS[region]}
              aria-pressed={region === selected}
              data-region={region}
              onClick={() => onSelect(region)}
              onKeyDown={onKeyDown(region)}
              onFocus={() => setFocused(region)}
              onBlur={() => setFocused((current) => (current === region ? undefined : current))}
              onPointerEnter={() => setHovered(region)}
              onPointerLeave={() => setHovered((current) => (current === region ? undefined : current))}
            >
              {regionShapes(region, 'region-shape')}
            </g>
          ))}
          <Face cx={FRONT_X} />
        </svg>
      </div>
      <p class="map-caption" aria-hidden="true">
        {caption ? REGION_LABELS[caption] : 'Choose where it hurts'}
      </p>
      <p id={hintId} class="muted">
        Choose a body part to see its conditions, treatments and tests. Arrow keys move between parts. {SIDES_NOTE}
      </p>
    </div>
  );
}

/** A small picture of the figure with an entry's regions marked (entry pages). */
export function MiniBodyMap({ regions }: { readonly regions: readonly Region[] }) {
  const marked = MAP_REGIONS.filter((region) => regions.includes(region));
  if (marked.length === 0) return null;
  const names = marked.map((region) => REGION_LABELS[region]);
  return (
    <div class="mini-map map-static">
      <svg viewBox={VIEW_BOX} xmlns="http://www.w3.org/2000/svg" role="img" aria-label={`Body map: ${names.join(', ')} marked`}>
        <Figure cx={FRONT_X} view="front" />
        <Figure cx={BACK_X} view="back" />
        {marked.map((region) => (
          <g key={region} data-region={region}>
            {regionShapes(region, 'region-shape marked')}
          </g>
        ))}
      </svg>
    </div>
  );
}
