import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// An installer cannot be built here (no Electron binary), so the configuration is held to its choices
// through electron-builder's own loader and schema: what these tests read is what `npm run dist` would use.
const root = resolve(__dirname, '../..');
const readJson = (file: string) => JSON.parse(readFileSync(resolve(root, file), 'utf8'));

interface BuilderConfig {
  appId?: string;
  productName?: string;
  asar?: boolean;
  asarUnpack?: string[];
  npmRebuild?: boolean;
  files?: Array<{ filter: string[] }>;
  extraResources?: Array<{ from: string; to: string }>;
  electronFuses?: Record<string, boolean>;
  linux?: { target?: string[]; icon?: string };
  win?: { target?: string[]; icon?: string };
  mac?: { target?: string[]; icon?: string };
}
interface AppBuilderConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, debugLogger: unknown): Promise<void>;
}

// app-builder-lib is electron-builder's own library; resolved from electron-builder so the versions match.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const builderConfig = fromBuilder('app-builder-lib/out/util/config/config') as AppBuilderConfigModule;
const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

/** Width and height from a PNG's IHDR chunk, which must come first after the signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('app icon', () => {
  it('has its source and a square PNG of at least 512 px, as macOS and Linux installers need', () => {
    expect(existsSync(resolve(root, 'resources/icon.svg'))).toBe(true);
    const { width, height } = pngSize(resolve(root, 'resources/icon.png'));
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(512);
  });

  it('is the file the packaged window reads from the resources folder', () => {
    const main = readFileSync(resolve(root, 'src/main/index.ts'), 'utf8');
    expect(main).toMatch(/icon:\s*windowIcon/);
    expect(main).toContain("join(process.resourcesPath, 'icon.png')");
  });
});

describe('electron-builder configuration', () => {
  let config: BuilderConfig;
  beforeAll(async () => {
    config = await builderConfig.getConfig(root, null, null);
  });

  it('passes electron-builder’s own schema', async () => {
    await expect(builderConfig.validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would refuse a misspelt option, so the schema check above is live', async () => {
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(builderConfig.validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/configuration/);
  });

  it('names the product and builds installers for Linux, Windows and macOS with the app icon', () => {
    expect(config.productName).toBe('Purchasing desk');
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    for (const platform of [config.linux, config.win, config.mac]) expect(platform?.icon).toBe('resources/icon.png');
  });

  it('packs only the built app and package.json into an asar, with the native driver outside it', () => {
    expect(config.asar).toBe(true);
    const patterns = config.files?.flatMap((set) => set.filter) ?? [];
    expect(patterns.filter((pattern) => !pattern.startsWith('!'))).toEqual(['out/**', 'package.json']);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    // The prebuilt N-API driver loads in Electron as shipped; a rebuild would need headers we do not ship.
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toEqual([{ from: 'resources/icon.png', to: 'icon.png' }]);
  });

  it.each([
    ['runAsNode', false],
    ['enableCookieEncryption', true],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['grantFileProtocolExtraPrivileges', false],
  ])('sets the Electron fuse %s to %s', (fuse, value) => {
    expect(config.electronFuses?.[fuse]).toBe(value);
  });

  it('has a dist script that builds the app before packaging it', () => {
    expect(readJson('package.json').scripts.dist).toBe('electron-vite build && electron-builder --publish never');
  });
});

describe('install leaves the tree as committed', () => {
  const pkg = readJson('package.json');
  const lock = readJson('package-lock.json');
  const packages = Object.entries(lock.packages as Record<string, { hasInstallScript?: boolean; resolved?: string }>);

  it('decides every dependency install script explicitly in allowScripts', () => {
    const withScripts = packages
      .filter(([path, entry]) => path !== '' && entry.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts.length).toBeGreaterThan(0);
    expect([...new Set(withScripts)].sort()).toEqual(Object.keys(pkg.allowScripts).sort());
    // better-sqlite3 ships prebuilds; its inferred `node-gyp rebuild` would only compile what is already there.
    expect(pkg.allowScripts['better-sqlite3']).toBe(false);
  });

  it('keeps nothing in the lockfile under node_modules/node/node_modules, which postinstall clears', () => {
    expect(packages.map(([path]) => path).filter((path) => path.startsWith('node_modules/node/node_modules/'))).toEqual([]);
    expect(pkg.scripts.postinstall).toContain('node_modules/node/node_modules');
  });

  it('records the root install script, as npm writes it, and no registry addresses', () => {
    expect(lock.packages[''].hasInstallScript).toBe(true);
    expect(packages.filter(([, entry]) => entry.resolved !== undefined)).toEqual([]);
    expect(readFileSync(resolve(root, '.npmrc'), 'utf8')).toMatch(/^omit-lockfile-registry-resolved=true$/m);
  });
});
