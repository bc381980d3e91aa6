// First step of `npm test`: the integration and end-to-end suites run these command-line tools.
// When one is missing, say in one line which Debian packages to install and stop, instead of
// failing deep inside a suite with a missing-executable error.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The Debian package of each tool the tests run. */
const packages = {
  chromium: ['chromium'],
  'poppler-utils': ['pdfsig', 'pdftotext', 'pdfinfo', 'pdffonts', 'pdfimages'],
  'libxml2-utils': ['xmllint'],
  qpdf: ['qpdf'],
};

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    if (!dir) return false;
    const file = join(dir, command);
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

const missing = Object.keys(packages).filter((name) => !packages[name].every(onPath));
if (missing.length > 0) {
  console.error(`Missing tools: ${missing.join(', ')}. Install them with: apt-get install -y ${missing.join(' ')}`);
  process.exit(1);
}
