/**
 * Below this zoom the canvas draws its overview. At 0.4 a name is about 5 px
 * high and a skill chip 4 px: nobody reads them, while drawing them (and the
 * clips, shadows and hit areas that come with them) is much of what a frame
 * costs on a large organisation.
 */
export const OVERVIEW_BELOW_ZOOM = 0.4;

/**
 * What the canvas draws: `full` (names, skills, bus-factor badges, curved
 * knowledge lines) or `overview` (nodes as plain shapes in their colours,
 * risks as colour, ownership as straight lines, knowledge lines only for the
 * selection).
 */
export type Detail = 'full' | 'overview';

/** The detail for a zoom (React Flow's scale, 1 = 100%); exactly the threshold is `full`. */
export function detailAt(zoom: number): Detail {
  return zoom < OVERVIEW_BELOW_ZOOM ? 'overview' : 'full';
}

/** In the overview, from this zoom up people's and services' names are drawn too (large, one or two lines). */
export const NAMES_FROM_ZOOM = 0.18;

/**
 * Which names the canvas draws: `all` (full detail), `names` (the overview
 * with team names and, large, each card's name) or `teams` (team names only:
 * further out a card's name would be too small to read).
 */
export type Labels = 'all' | 'names' | 'teams';

export function labelsAt(zoom: number): Labels {
  return detailAt(zoom) === 'full' ? 'all' : zoom >= NAMES_FROM_ZOOM ? 'names' : 'teams';
}

/** Team names are drawn at least this many screen pixels high in the overview. */
export const TEAM_TITLE_SCREEN_PX = 10;

/**
 * The size, in diagram units, of a team's name in the overview at a zoom:
 * about TEAM_TITLE_SCREEN_PX on screen, in steps of 8 so it changes only a few
 * times in a zoom, from 34 (the overview's own size, which fits above a
 * team's first row) to 120 (a box's width still holds a short name).
 */
export function teamTitleSize(zoom: number): number {
  const wanted = TEAM_TITLE_SCREEN_PX / Math.max(zoom, 0.01);
  return Math.min(120, Math.max(34, Math.round(wanted / 8) * 8));
}
