import type { ApprovalView } from '../../shared/lifecycle-schemas';
import type { PoLine, PoSummary } from '../../shared/contracts';

/** A released revision as kept in po_revisions.snapshot: what the vendor was sent, never rewritten by a change order. */
export interface PoRevisionSnapshot extends PoSummary {
  warehouseName: string;
  lines: PoLine[];
  approvals: ApprovalView[];
  approvedOnSubmit: boolean;
}
