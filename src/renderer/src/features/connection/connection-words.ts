import type { ConnectionState } from '../../../../shared/contracts';

/** The connection in a few words, as the sign-in screen and Settings name it. */
export function connectionName(connection: ConnectionState): string {
  switch (connection.mode) {
    case 'local':
      return 'This computer only';
    case 'team':
      return `Team server ${connection.serverUrl ?? ''}`.trim();
    case 'browser':
      return `Desk server ${connection.serverUrl ?? ''}`.trim();
    default:
      return 'Not chosen yet';
  }
}

/** A sentence on where the POs are, for Settings. */
export function connectionSentence(connection: ConnectionState): string {
  switch (connection.mode) {
    case 'local':
      return 'Purchase orders are kept in the database on this computer; nobody else sees them.';
    case 'team':
      return connection.reachable
        ? `Purchase orders are kept on the team server at ${connection.serverUrl}, shared with everyone connected to it.`
        : `Purchase orders are kept on the team server at ${connection.serverUrl}, which does not answer right now; this computer keeps trying.`;
    case 'browser':
      return `This page uses the desk server at ${connection.serverUrl ?? 'the address it was opened from'}. The connection is chosen in the desktop app, on each workstation.`;
    default:
      return 'This computer has not chosen where its purchase orders are kept.';
  }
}
