import { ReviewDeskScreen } from './ReviewDeskScreen';
import './review.css';

/**
 * A review package opened at the sign-in screen: the review desk without an account on this
 * computer. Closing the package goes back to signing in.
 */
export function PackageReviewShell() {
  return (
    <div className="review-package-shell">
      <header className="review-package-topbar">
        <span className="brand" aria-hidden="true">
          PD
        </span>
        <span className="app-name">Purchasing desk</span>
        <span>Reviewing a package — not signed in</span>
      </header>
      <ReviewDeskScreen />
    </div>
  );
}
