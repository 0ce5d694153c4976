/**
 * What a failed request tells about the server: whether the request can have reached it. Node's
 * fetch fails with a TypeError whose cause carries the socket's error code, or a TimeoutError.
 */
export type NetworkFailure =
  /** No connection was made (refused, no such host, no route, an untrusted certificate): nothing was sent. */
  | { sent: false; kind: 'refused' | 'no-such-host' | 'no-route' | 'certificate' | 'connect-timeout'; code: string }
  /** The request went out and no answer came back (reset, closed, timed out): the server may have acted on it. */
  | { sent: true; kind: 'broken' | 'timeout'; code: string };

const CERTIFICATE = /CERT|UNABLE_TO_(GET|VERIFY)|ERR_TLS|SELF_SIGNED|SSL/;

export function describeNetworkFailure(error: unknown): NetworkFailure {
  const code = errorCode(error);
  if (code === 'TimeoutError' || code === 'AbortError') return { sent: true, kind: 'timeout', code };
  if (code === 'ECONNREFUSED') return { sent: false, kind: 'refused', code };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { sent: false, kind: 'no-such-host', code };
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL') return { sent: false, kind: 'no-route', code };
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return { sent: false, kind: 'connect-timeout', code };
  if (CERTIFICATE.test(code)) return { sent: false, kind: 'certificate', code };
  return { sent: true, kind: 'broken', code };
}

function errorCode(error: unknown): string {
  if (error instanceof DOMException || (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))) return error.name;
  const cause = error instanceof Error ? (error.cause as { code?: unknown; errors?: { code?: unknown }[] } | undefined) : undefined;
  // A name that resolves to several addresses fails with an AggregateError of one error per address.
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  return typeof code === 'string' ? code : 'unknown';
}
