import type { ReactNode } from 'react';
import './section-nav.css';

export interface Section<T extends string> {
  id: T;
  label: string;
}

interface SectionLayoutProps<T extends string> {
  label: string;
  sections: readonly Section<T>[];
  shown: T;
  onShow(section: NoInfer<T>): void;
  children: ReactNode;
}

/** A panel's sections listed on the left (the shown one marked as the current page), the shown section beside them. */
export function SectionLayout<T extends string>({ label, sections, shown, onShow, children }: SectionLayoutProps<T>) {
  return (
    <div className="section-layout">
      <nav className="section-nav" aria-label={label}>
        <ul>
          {sections.map((section) => (
            <li key={section.id}>
              <button type="button" className="section-nav-item" aria-current={section.id === shown ? 'page' : undefined} onClick={() => onShow(section.id)}>
                {section.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="section-main">{children}</div>
    </div>
  );
}
