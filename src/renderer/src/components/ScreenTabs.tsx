import { type KeyboardEvent, type ReactNode } from 'react';
import './tabs.css';

export interface ScreenTab<T extends string> {
  id: T;
  label: string;
}

interface ScreenTabsProps<T extends string> {
  /** Prefixes the tabs' and panels' element ids, unique on the page. */
  idPrefix: string;
  label: string;
  tabs: readonly ScreenTab<T>[];
  shown: T;
  onShow(tab: NoInfer<T>): void;
  children: ReactNode;
}

export const screenTabId = (idPrefix: string, tab: string) => `${idPrefix}-tab-${tab}`;

/**
 * A screen's tabs with the usual keys: ← → between them (each shows its panel at once), Home and
 * End to the ends; only the shown tab is in the Tab order.
 */
export function ScreenTabs<T extends string>({ idPrefix, label, tabs, shown, onShow, children }: ScreenTabsProps<T>) {
  const panelId = (tab: T) => `${idPrefix}-panel-${tab}`;
  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = tabs.findIndex((t) => t.id === shown);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % tabs.length : event.key === 'ArrowLeft' ? (index + tabs.length - 1) % tabs.length : event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : -1;
    const target = tabs[next];
    if (!target) return;
    event.preventDefault();
    onShow(target.id);
    document.getElementById(screenTabId(idPrefix, target.id))?.focus();
  };
  return (
    <>
      <div role="tablist" aria-label={label} className="screen-tabs">
        {tabs.map((t) => (
          <button
            key={t.id}
            id={screenTabId(idPrefix, t.id)}
            type="button"
            role="tab"
            className="screen-tab"
            aria-selected={shown === t.id}
            aria-controls={panelId(t.id)}
            tabIndex={shown === t.id ? 0 : -1}
            onClick={() => onShow(t.id)}
            onKeyDown={onTabKeyDown}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId(shown)} aria-labelledby={screenTabId(idPrefix, shown)}>
        {children}
      </div>
    </>
  );
}
