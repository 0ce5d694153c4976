/**
 * What may be a team server's address. Passwords and POs travel to it, so it must be https://, or
 * http:// to this computer itself (loopback: nothing crosses the network). Pure, shared by the
 * contract that accepts an address and by the screen that asks for one.
 */
export type TeamServerUrlCheck = { ok: true; url: string } | { ok: false; message: string };

/** localhost, 127.0.0.0/8 and [::1] — the names that never leave this computer. */
export function isLoopbackHostname(hostname: string): boolean {
  const name = hostname.toLowerCase();
  return name === 'localhost' || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name);
}

/** The address as the desk stores and shows it (no trailing slash), or why it cannot be a team server. */
export function checkTeamServerUrl(text: string): TeamServerUrlCheck {
  const typed = text.trim();
  if (typed === '') return { ok: false, message: 'Enter the team server’s address, for example https://desk.example.com.' };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(typed)) {
    return { ok: false, message: `“${typed}” is not a full address: start it with https://, for example https://${typed}.` };
  }
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return { ok: false, message: `“${typed}” is not a web address. Type it as your administrator gave it, for example https://desk.example.com.` };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'Leave the sign-in name and password out of the address: you sign in on the desk itself.' };
  }
  if (url.search || url.hash) return { ok: false, message: 'A team server’s address ends at its path: leave out anything from “?” or “#” on.' };
  if (url.protocol === 'http:' && !isLoopbackHostname(url.hostname)) {
    return {
      ok: false,
      message: `A team server on another computer must use https://, so passwords and POs cross the network encrypted: try https://${url.host}${url.pathname === '/' ? '' : url.pathname}. http:// is only for a server on this computer (localhost or 127.0.0.1).`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `A team server’s address starts with https://, not ${url.protocol}//.` };
  }
  return { ok: true, url: `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}` };
}
