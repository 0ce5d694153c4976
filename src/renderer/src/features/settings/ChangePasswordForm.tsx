/** Placeholder: every operator changes their own password here. */
export function ChangePasswordForm() {
  return null;
}
