import { useRef, useState } from 'react';
import { useShortcut } from '../../../hooks/useShortcut';
import { useCodingSetupStore } from '../../../stores/coding-setup-store';
import { usePoEntryStore } from '../../../stores/po-entry-store';
import { useSessionStore } from '../../../stores/session-store';
import { HEADER_CODING_KEY_PREFIX, PO_CODING_BUTTON_ID } from '../field-ids';
import { HeaderCodingDialog } from './HeaderCodingDialog';
import { headerCodingRowsOf, headerCodingSummary } from './header-coding-levels';
import './header-coding.css';

const SUMMARY_ID = 'po-coding-summary';
const ERROR_ID = 'po-coding-error';

/**
 * The PO header level of order-row coding (issue 11): a button (Alt+K) that opens the PO coding
 * dialog, and beside it what the header codes now, so the operator sees it without opening anything.
 * It stays usable on a PO open to view: the dialog then only shows the levels.
 */
export function HeaderCodingField() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const setup = useCodingSetupStore((s) => s.setup);
  const vendorText = usePoEntryStore((s) => s.vendorText);
  const headerCoding = usePoEntryStore((s) => s.headerCoding);
  const costCenterText = usePoEntryStore((s) => s.costCenterText);
  const noCostCenter = usePoEntryStore((s) => s.noCostCenter);
  const costCentersOn = usePoEntryStore((s) => s.resolution?.costCentersEnabled) ?? useSessionStore.getState().settings?.costCentersEnabled ?? true;
  const otherDialog = usePoEntryStore((s) => s.codingBox !== null || s.stepQuestion !== null || s.largePo !== null || s.pendingRemoval !== null || s.revisionView !== null);
  const error = usePoEntryStore((s) => Object.entries(s.fieldErrors).find(([key]) => key.startsWith(HEADER_CODING_KEY_PREFIX))?.[1]);
  const rows = headerCodingRowsOf({ setup, vendorText, headerCoding, headerCostCenter: costCentersOn && !noCostCenter && costCenterText.trim() !== '' ? costCenterText.trim().toUpperCase() : null });
  const summary = setup ? headerCodingSummary(rows, headerCoding) : 'Reading the coding…';

  useShortcut('Alt+K', () => setOpen(true), !open && !otherDialog);

  return (
    <div className="field po-coding-field" role="group" aria-labelledby="po-coding-heading">
      <div className="field-label-row">
        <span id="po-coding-heading" className="po-coding-heading">
          Header coding
        </span>
      </div>
      <div className="po-coding-line">
        <button
          ref={button}
          id={PO_CODING_BUTTON_ID}
          type="button"
          className="secondary po-coding-button"
          aria-keyshortcuts="Alt+K"
          // Out of the Tab path from the header to the lines (entering a PO stays as few keys as it was); Alt+K reaches it from anywhere.
          tabIndex={-1}
          aria-haspopup="dialog"
          aria-describedby={error ? `${SUMMARY_ID} ${ERROR_ID}` : SUMMARY_ID}
          aria-invalid={error ? true : undefined}
          onClick={() => setOpen(true)}
        >
          PO coding <kbd aria-hidden="true">Alt+K</kbd>
        </button>
        <span id={SUMMARY_ID} className={headerCoding && Object.keys(headerCoding).length > 0 ? 'po-coding-summary' : 'po-coding-summary is-empty'} title={summary}>
          {summary}
        </span>
      </div>
      {error && (
        <p id={ERROR_ID} className="field-error" role="alert">
          {error}
        </p>
      )}
      {open && (
        <HeaderCodingDialog
          rows={rows}
          onClose={() => {
            setOpen(false);
            // Focus goes back to the button, also when Alt+K opened the dialog from elsewhere.
            requestAnimationFrame(() => button.current?.focus());
          }}
        />
      )}
    </div>
  );
}
