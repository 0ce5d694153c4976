import { api } from '../api';

/** The invoice calls are the desk's own; kept as a name so the screens read as before. */
export const invoiceApi = api;
