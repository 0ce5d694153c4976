/**
 * Every action and rule the audit log records, with the words the audit view shows for them.
 * Main writes only these; the view's pick-lists offer all of them, found or not.
 */
export const AUDIT_ACTIONS = {
  'sign-in': 'Signed in',
  'sign-in-refused': 'Sign-in refused',
  'sign-in-locked': 'Sign-in locked',
  'sign-in-unlocked': 'Sign-in unlocked',
  'first-admin-created': 'First administrator set up',
  'setting-changed': 'Setting changed',
  'po-created': 'PO created',
  'po-updated': 'PO changed',
  'save-refused': 'Save refused',
  'change-refused': 'Change mode refused',
  'line-refused': 'Line refused',
  'line-cost-center-changed': 'Line cost center changed',
  'line-deleted': 'Line deleted',
  'override-applied': 'Override applied',
  'large-po-confirmed': 'Large PO confirmed',
  'store-busy': 'Database busy',
  'store-unreachable': 'Database unreachable',
  'store-outcome-unknown': 'Save outcome unknown',
  'approval-band-created': 'Approval band added',
  'approval-band-changed': 'Approval band changed',
  'approval-band-deleted': 'Approval band deleted',
  'approval-limit-changed': 'Approval limit changed',
  'po-submitted': 'PO submitted',
  'po-approved-on-submit': 'PO approved on submit',
  'po-approval-recorded': 'Approval recorded',
  'po-approved': 'PO approved',
  'po-rejected': 'PO rejected',
  'po-recalled': 'PO recalled',
  'po-released': 'PO released',
  'po-closed': 'PO closed',
  'po-cancelled': 'PO cancelled',
  'po-change-order-started': 'Change order started',
  'po-approvals-voided': 'Approvals voided',
  'po-submit-refused': 'Submit refused',
  'po-recall-refused': 'Recall refused',
  'po-release-refused': 'Release refused',
  'po-close-refused': 'Close refused',
  'po-cancel-refused': 'Cancel refused',
  'po-change-order-refused': 'Change order refused',
  'po-approval-refused': 'Approval refused',
  'po-rejection-refused': 'Rejection refused',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_RULES = {
  'vendor-shares-cost-center': 'Vendor shares a cost center',
  'warehouse-override': 'Warehouse override',
  'site-override': 'Site override',
  'gl-wip-override': 'WIP G/L override',
  'scheme-cost-centers': 'Scheme cost centers',
  'cost-center-allowed': 'Cost center allowed',
  'cost-center-required': 'Cost center required',
  'cost-center-active': 'Cost center active',
  'cost-centers-off': 'Cost centers off',
  'work-order-cost-center': 'Work order cost center',
  'direct-cost-read-only': 'Direct cost read-only',
  'direct-work-order': 'Direct work-order cost',
  'work-order': 'From the work order',
  'distribution-type': 'Distribution type',
  'reference-exists': 'Code exists',
  'line-belongs-to-po': 'Line belongs to the PO',
  'po-has-lines': 'PO has lines',
  'po-total-recordable': 'PO total recordable',
  'large-po-amount': 'Large-PO amount',
  'po-status': 'PO status',
  'version-current': 'Version current',
  'sign-in-throttle': 'Sign-in throttle',
  'own-po': 'Not their own PO',
  'own-change': 'Not their own change',
  'reviewer-role': 'Reviewers only',
  'band-approvers': "The band's approvers",
  'approver-cost-centers': "Approver's cost centers",
  'approval-limit': 'Approval limit',
  'already-approved': 'One approval per person',
  'admin-approval-required': 'Admin approval required',
  'approvals-complete': 'Approvals complete',
  'no-band': 'Under every band',
  'reason-required': 'Reason required',
  'cancel-before-release': 'Cancel before release',
  'po-operator-or-admin': "The PO's operator or an admin",
  'po-operator-or-reviewer': "The PO's operator or a reviewer",
  'revision-current': 'Revision current',
  recall: 'Recall',
  'change-order': 'Change order',
  entered: 'Entered by the operator',
  sticky: 'Default: first entered this session',
  'operator-single': "Default: operator's only cost center",
  'vendor-single': "Default: vendor's only cost center",
  header: "The PO's cost center",
  none: 'No cost center',
  cost_centers_enabled: 'Setting: cost centers in use',
  locale: 'Setting: number and date format',
  large_po_amount_minor: 'Setting: large-PO amount',
} as const;

export interface VocabularyEntry {
  value: string;
  label: string;
}

/** The known terms with their labels, then any others the log holds (older rows), labelled as they are. */
export function vocabularyOf(known: Readonly<Record<string, string>>, found: readonly string[]): VocabularyEntry[] {
  const entries = Object.entries(known).map(([value, label]) => ({ value, label }));
  const extra = found.filter((value) => !(value in known)).map((value) => ({ value, label: value }));
  return [...entries, ...extra].sort((a, b) => a.label.localeCompare(b.label));
}
