import { describe, expect, it } from 'vitest';
import { readServerConfig } from '../../src/main/server/server-config';

const DB = 'postgres://desk:secret@db.example:5432/purchasing';

describe('readServerConfig', () => {
  it.each([
    [{}, { listen: { host: '127.0.0.1', port: 5180 }, tls: null, publicOrigin: 'http://127.0.0.1:5180' }],
    [{ PURCHASING_DESK_LISTEN: '[::1]:8443', PURCHASING_DESK_TLS_CERT: 'c.pem', PURCHASING_DESK_TLS_KEY: 'k.pem' }, { listen: { host: '::1', port: 8443 }, tls: { certFile: 'c.pem', keyFile: 'k.pem' }, publicOrigin: 'https://[::1]:8443' }],
    [{ PURCHASING_DESK_LISTEN: '0.0.0.0:5180', PURCHASING_DESK_PUBLIC_URL: 'https://desk.example.com' }, { listen: { host: '0.0.0.0', port: 5180 }, publicOrigin: 'https://desk.example.com' }],
    [{ PURCHASING_DESK_PUBLIC_URL: 'https://desk.example.com:8443/' }, { publicOrigin: 'https://desk.example.com:8443' }],
  ])('reads %j', (env, expected) => {
    expect(readServerConfig({ PURCHASING_DESK_DATABASE_URL: DB, ...env })).toMatchObject({ databaseUrl: DB, ...expected });
  });

  it.each([
    [{}, /PURCHASING_DESK_DATABASE_URL is not set/],
    [{ PURCHASING_DESK_DATABASE_URL: '/var/desk.sqlite' }, /must be a postgres:\/\/ URL/],
    [{ PURCHASING_DESK_DATABASE_URL: DB, PURCHASING_DESK_LISTEN: '5180' }, /must be host:port/],
    [{ PURCHASING_DESK_DATABASE_URL: DB, PURCHASING_DESK_LISTEN: 'localhost:99999' }, /must be host:port/],
    [{ PURCHASING_DESK_DATABASE_URL: DB, PURCHASING_DESK_TLS_CERT: 'c.pem' }, /go together/],
    [{ PURCHASING_DESK_DATABASE_URL: DB, PURCHASING_DESK_LISTEN: '0.0.0.0:5180' }, /PURCHASING_DESK_PUBLIC_URL must say which one/],
    [{ PURCHASING_DESK_DATABASE_URL: DB, PURCHASING_DESK_PUBLIC_URL: 'desk.example.com' }, /is not one/],
    [{ PURCHASING_DESK_DATABASE_URL: DB, PURCHASING_DESK_PUBLIC_URL: 'https://desk.example.com/desk' }, /an origin only/],
  ])('refuses %j', (env, message) => {
    expect(() => readServerConfig(env)).toThrow(message);
  });
});
