import type { DiffCell } from '../../../simulation/report/analysisTables';
import { BRACKETS_HELP } from '../../../simulation/report/format';

/** A difference in an analysis table: the figure with its interval (explained on hover), and what the interval says, coloured. */
export function DiffTableCell({ cell }: { cell: DiffCell }) {
  return (
    <td className="diff-cell">
      <span title={BRACKETS_HELP}>{cell.text}</span>
      {cell.verdict && (
        <span className="verdict" data-tone={cell.tone} data-testid="verdict">
          {cell.verdict}
        </span>
      )}
    </td>
  );
}
