/**
 * What the canvas tells the rest of the editor about what it shows, kept
 * outside React so that it costs nothing until asked: the centre of the view
 * (in canvas coordinates, read from the viewport when asked, never per frame),
 * where nodes without a stored position are drawn, and the view commands
 * the menus call (zoom in and out, fit, overview). Null or empty while no
 * canvas is mounted.
 */
type Point = { x: number; y: number };

export interface ViewCommands {
  zoomIn(): void;
  zoomOut(): void;
  fit(): void;
  /** Zooms out to the overview of the whole organisation. */
  overview(): void;
  /** Brings these nodes into view (selecting is the caller's business). */
  show(keys: readonly string[]): void;
}

let centre: (() => Point) | null = null;
let drawn: Record<string, Point> = {};
let commands: ViewCommands | null = null;

export const canvasView = {
  centre: (): Point | null => centre?.() ?? null,
  setCentre: (read: (() => Point) | null) => {
    centre = read;
  },
  /** Positions of nodes the document has none for, as the canvas draws them. */
  drawn: () => drawn,
  setDrawn: (d: Record<string, Point>) => {
    drawn = d;
  },
  commands: () => commands,
  setCommands: (c: ViewCommands | null) => {
    commands = c;
  },
};
