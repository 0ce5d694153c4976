import { type ReviewPackage, reviewPackageSchema } from '../../../../shared/contracts';
import {
  type CarriedDecision,
  DECISIONS_FILE_FORMAT,
  type DecisionsFile,
  decisionsFileSchema,
  REVIEW_PACKAGE_FORMAT,
  type ReviewQueueRow,
} from '../../../../shared/lifecycle-schemas';

/**
 * The files a supervisor carries between computers: the review package the desk writes, and the
 * decisions file made from it elsewhere. Reading them says plainly what is wrong with a file.
 */

type Read<T> = { ok: true; value: T } | { ok: false; message: string };

function parseJson(text: string, fileName: string): Read<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `${fileName} is not a file the review desk wrote: it is not JSON (${(error as Error).message}).` };
  }
}

const formatOf = (value: unknown): unknown => (value !== null && typeof value === 'object' ? (value as { format?: unknown }).format : undefined);

/** The first problem zod found, with where it is, e.g. "items.0.po.lines: expected array". */
function firstIssue(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const issue = issues[0];
  if (!issue) return 'it does not have the expected shape';
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

export function readReviewPackage(text: string, fileName: string): Read<ReviewPackage> {
  const json = parseJson(text, fileName);
  if (!json.ok) return json;
  const format = formatOf(json.value);
  if (format === DECISIONS_FILE_FORMAT) {
    return { ok: false, message: `${fileName} is a decisions file, not a review package. Import it at the desk with "Import decisions…".` };
  }
  if (format !== REVIEW_PACKAGE_FORMAT) {
    return { ok: false, message: `${fileName} is not a review package: a package is the file "Export review package" writes at the desk.` };
  }
  const parsed = reviewPackageSchema.safeParse(json.value);
  if (!parsed.success) {
    const version = (json.value as { formatVersion?: unknown }).formatVersion;
    if (version !== 1) return { ok: false, message: `${fileName} was made by another version of the desk (package format ${String(version)}); this one reads format 1.` };
    return { ok: false, message: `${fileName} is a review package but it is damaged, so none of it is shown (${firstIssue(parsed.error.issues)}).` };
  }
  return { ok: true, value: parsed.data };
}

export function readDecisionsFile(text: string, fileName: string): Read<DecisionsFile> {
  const json = parseJson(text, fileName);
  if (!json.ok) return json;
  const format = formatOf(json.value);
  if (format === REVIEW_PACKAGE_FORMAT) {
    return { ok: false, message: `${fileName} is a review package, not a decisions file. Open it with "Open a review package…" to decide its POs.` };
  }
  const parsed = decisionsFileSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, message: `${fileName} cannot be imported: ${firstIssue(parsed.error.issues)}.` };
  return { ok: true, value: parsed.data };
}

/** The package's POs as the queue shows them, in the package's order (oldest first, as main wrote it). */
export function packageRows(pkg: ReviewPackage): ReviewQueueRow[] {
  return pkg.items.map(({ po }) => {
    const codes = [po.costCenterCode, ...po.lines.map((line) => line.costCenterCode)].filter((code): code is string => code !== null);
    return {
      id: po.id,
      number: po.number,
      revision: po.revision,
      version: po.version,
      vendorCode: po.vendorCode,
      vendorName: po.vendorName,
      totalMinor: po.totalMinor,
      costCenterCodes: [...new Set(codes)],
      operatorName: po.createdBy,
      submittedAt: po.standing.statusChangedAt ?? po.updatedAt,
      band: po.standing.band,
      progress: po.standing.progress,
    };
  });
}

/** The file the other computer hands back: only the decisions taken, in the order they were taken. */
export function decisionsFileOf(pkg: ReviewPackage, decisions: readonly CarriedDecision[], madeAt: Date): DecisionsFile {
  const { id, signInName, displayName } = pkg.supervisor;
  return {
    format: DECISIONS_FILE_FORMAT,
    formatVersion: 1,
    supervisor: { id, signInName, displayName },
    madeAt: madeAt.toISOString(),
    decisions: [...decisions],
  };
}

/** The date part of a file name, on this computer's calendar: 2025-03-07. */
export function fileDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Sign-in names are plain, but a file name must never carry a path separator. */
const safeName = (signInName: string) => signInName.replace(/[^A-Za-z0-9._-]/g, '_');

export const packageFileName = (signInName: string, at: Date) => `review-package-${safeName(signInName)}-${fileDate(at)}.json`;
export const decisionsFileName = (signInName: string, at: Date) => `review-decisions-${safeName(signInName)}-${fileDate(at)}.json`;
