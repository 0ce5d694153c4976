import { useEffect, useState } from 'react';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { type Section, SectionLayout } from '../../components/SectionLayout';
import { useCodingAdminStore } from '../../stores/coding-admin-store';
import { useCodingSetupStore } from '../../stores/coding-setup-store';
import { leaveScreenThen } from '../../stores/leave-guard-store';
import { CodingSettingsCard } from './CodingSettingsCard';
import { DimensionsSection, GroupsSections, MatrixAndChartSections, OrganisationsSection, VendorsAndItemsSections } from './CodingSections';
import './coding-admin.css';

type CodingSection = 'settings' | 'groups' | 'matrix' | 'vendors-items' | 'dimensions' | 'organisations';

const SECTIONS: readonly Section<CodingSection>[] = [
  { id: 'settings', label: 'Settings' },
  { id: 'groups', label: 'Product and supplier groups' },
  { id: 'matrix', label: 'Matrix and chart of accounts' },
  { id: 'vendors-items', label: 'Vendors and items' },
  { id: 'dimensions', label: 'Dimensions and values' },
  { id: 'organisations', label: 'Organisations' },
];

/**
 * Admin → Row coding: every kind of coding master data (issue 11) — settings, organisations,
 * dimension types and values, product and supplier groups, vendors' and items' coding, the
 * purchase-account matrix, the chart of accounts' requirements, standard and payables accounts.
 * Admins change them (each change audited); supervisors read them.
 */
export function CodingAdminPanel() {
  const setup = useCodingSetupStore((s) => s.setup);
  const status = useCodingSetupStore((s) => s.status);
  const error = useCodingSetupStore((s) => s.error);
  const load = useCodingSetupStore((s) => s.load);
  const [section, setSection] = useState<CodingSection>('settings');
  const deleting = useCodingAdminStore((s) => s.deleting);

  // Read afresh on every visit, and again whenever any desk changes the coding.
  useEffect(() => {
    void useCodingSetupStore.getState().load();
    return api.onChanged((notice) => {
      if (notice.entities.includes('coding')) void useCodingSetupStore.getState().load();
    });
  }, []);

  if (!setup) {
    return status === 'error' ? (
      <p role="alert" className="alert">
        The row coding could not be read: {error}
      </p>
    ) : (
      <p className="muted" aria-busy="true">
        Reading the row coding…
      </p>
    );
  }

  return (
    <div className="coding-admin">
      <div className="coding-admin-head">
        <p className="controls-lead">
          {setup.rights.canEdit ? 'You change the row coding; every change is recorded in the audit log.' : `You may read the row coding. ${setup.rights.reason}`}
        </p>
        {setup.organisations.length > 1 && (
          <label className="coding-admin-type-picker">
            Organisation shown{' '}
            <select value={setup.organisationCode} onChange={(event) => void load(event.target.value)}>
              {setup.organisations.map((organisation) => (
                <option key={organisation.code} value={organisation.code}>
                  {organisation.code} — {organisation.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {status === 'error' && (
        <p role="alert" className="alert">
          The row coding could not be read again: {error} What is shown may be out of date.
        </p>
      )}
      <SectionLayout label="Row-coding sections" sections={SECTIONS} shown={section} onShow={(next) => leaveScreenThen(() => setSection(next))}>
        {section === 'settings' && <CodingSettingsCard setup={setup} />}
        {section === 'groups' && <GroupsSections setup={setup} />}
        {section === 'matrix' && <MatrixAndChartSections setup={setup} />}
        {section === 'vendors-items' && <VendorsAndItemsSections setup={setup} />}
        {section === 'dimensions' && <DimensionsSection setup={setup} />}
        {section === 'organisations' && <OrganisationsSection setup={setup} />}
      </SectionLayout>
      {deleting && (
        <ConfirmDialog
          title={`Delete ${deleting.what}?`}
          message={deleting.message}
          confirmLabel="Delete"
          cancelLabel="Keep it"
          onCancel={() => useCodingAdminStore.getState().cancelDelete()}
          onConfirm={() => {
            const { focusAfter } = deleting;
            void useCodingAdminStore
              .getState()
              .confirmDelete()
              .then((deleted) => {
                // A refusal leaves the row: the dialog gives its Delete button the focus back. Once the row is gone, the section's Add button has it.
                if (deleted) setTimeout(() => document.getElementById(focusAfter)?.focus(), 0);
              });
          }}
        />
      )}
    </div>
  );
}
