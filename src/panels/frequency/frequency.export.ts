/** CSV of the frequency panel: H(e^{iω}) on the panel's grid, in parts, dB and unwrapped phase. */
import type { Response } from '../../state/derived.kernels';
import { columnsTable, type CsvTable } from '../export/csv';

export function frequencyTable(resp: Response, db: Float64Array): CsvTable {
  return columnsTable([
    ['ω (rad/sample)', resp.omega],
    ['Re H(e^iω) (gain)', resp.re],
    ['Im H(e^iω) (gain)', resp.im],
    ['|H| (dB)', db],
    ['phase (rad, unwrapped)', resp.phase],
  ]);
}
