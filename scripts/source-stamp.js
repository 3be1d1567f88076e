// What dist/chancery.mjs is built from, listed cheaply: the name, size and modification time of every source
// file, of the build script and of the installed dependencies' lockfile. Plain JavaScript: bin/chancery.js
// reads it without a TypeScript loader, before anything else is loaded.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * One line per input file; any edit, added or removed file, or reinstall of dependencies changes it.
 * `folder` narrows it to what one bundle is built from: the engine's bundle reads src/nlp alone, and listing
 * that folder instead of all of src is a tenth of `extract`'s start.
 */
export function sourceStamp(root, folder = 'src') {
  const files = readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !/\.test\.tsx?$/.test(d.name))
    .map((d) => join(d.parentPath, d.name))
    // The engine's golden files are not part of the bundle.
    .filter((f) => !f.includes(`${sep}testdata${sep}`));
  files.push(
    join(root, 'package.json'),
    join(root, 'scripts', 'build.ts'),
    join(root, 'scripts', 'bundle-loader.js'),
    join(root, 'node_modules', '.package-lock.json'),
  );
  return files
    .sort()
    .map((file) => {
      const s = statSync(file, { throwIfNoEntry: false });
      return `${relative(root, file)}\t${s ? `${s.size}\t${s.mtimeMs}` : 'absent'}\n`;
    })
    .join('');
}
