import type { CodingSetup } from '../../../../../shared/coding-schemas';
import type { CodeOption } from '../../../../../shared/contracts';

export type CodingOptions = Record<string, CodeOption[]>;

/**
 * The values each coding dimension offers in its pickers: the chart's active accounts for the
 * purchase account, the installation's cost centers, and every other dimension's active values
 * (global and the organisation's own). Main still judges each value and the operator's right to it.
 */
export function codingOptionsOf(setup: CodingSetup | null): CodingOptions {
  if (!setup) return {};
  const options: CodingOptions = {
    'purchase-account': setup.chart.filter((account) => account.active).map((account) => ({ code: account.code, description: account.name })),
    'cost-center': setup.costCenters.map((center) => ({ code: center.code, description: center.description })),
  };
  for (const value of setup.dimensionValues) {
    if (!value.active || value.typeCode === 'purchase-account' || value.typeCode === 'cost-center') continue;
    const list = (options[value.typeCode] ??= []);
    if (!list.some((option) => option.code === value.code)) list.push({ code: value.code, description: value.name });
  }
  return options;
}
