import type { LocaleCode } from '../../shared/locales';
import type { Db } from '../store/connect';
import type { Caller } from './desk';
import { getSettings } from './settings-service';

/** The caller's own locale for the sentences a service writes, else the installation's. */
export async function localeOf(db: Db, caller: Caller): Promise<LocaleCode> {
  return caller.operator.locale ?? (await getSettings(db)).locale;
}
