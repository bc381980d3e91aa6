import { create, type Font } from 'fontkit';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../src-shared/kernel/app-error';

/** Files every generated PDF embeds: the fonts and the output-intent colour profile. */
export interface DocumentResources {
  /** Parsed once and shared by every document: parsing DejaVu costs more than rendering a letter. */
  regularFont: Font;
  boldFont: Font;
  /** sRGB ICC profile for the PDF/A output intent. */
  iccProfile: Buffer;
}

export const RESOURCE_FILES = {
  regularFont: join('fonts', 'DejaVuSans.ttf'),
  boldFont: join('fonts', 'DejaVuSans-Bold.ttf'),
  iccProfile: join('icc', 'sRGB2014.icc'),
} as const satisfies Record<keyof DocumentResources, string>;

const loaded = new Map<string, Promise<DocumentResources>>();

/**
 * Reads the resources once per folder. `resourcesDir` is the app's `resources/` folder: the repo's
 * in development and tests, `process.resourcesPath`'s copy in a packaged app.
 */
export function loadDocumentResources(resourcesDir: string): Promise<DocumentResources> {
  let resources = loaded.get(resourcesDir);
  if (!resources) {
    resources = readResources(resourcesDir);
    loaded.set(resourcesDir, resources);
    resources.catch(() => loaded.delete(resourcesDir));
  }
  return resources;
}

async function readResources(resourcesDir: string): Promise<DocumentResources> {
  const read = async (relativePath: string) => {
    try {
      return await readFile(join(resourcesDir, relativePath));
    } catch (error) {
      throw new AppError('internal', `Document resource ${relativePath} is missing in ${resourcesDir}: ${String(error)}`);
    }
  };
  const [regularFont, boldFont, iccProfile] = await Promise.all([
    read(RESOURCE_FILES.regularFont),
    read(RESOURCE_FILES.boldFont),
    read(RESOURCE_FILES.iccProfile),
  ]);
  return { regularFont: create(regularFont), boldFont: create(boldFont), iccProfile };
}
