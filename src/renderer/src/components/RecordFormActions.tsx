interface RecordFormActionsProps {
  /** "band", "budget order"…: the buttons read "Add band" for a new record, "Save band" for a stored one. */
  noun: string;
  isNew: boolean;
  saving: boolean;
  onCancel(): void;
  /** Main's refusal that belongs to no single field; null when there is none. */
  formMessage: string | null | undefined;
}

/** The foot of an admin's record form: add or save, cancel, and a refusal for the whole record. */
export function RecordFormActions({ noun, isNew, saving, onCancel, formMessage }: RecordFormActionsProps) {
  return (
    <div className="settings-actions">
      <button type="submit" className="primary" aria-disabled={saving || undefined}>
        {isNew ? `Add ${noun}` : `Save ${noun}`}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        Cancel
      </button>
      {formMessage && (
        <p role="alert" className="settings-outcome is-refused">
          {formMessage}
        </p>
      )}
    </div>
  );
}
