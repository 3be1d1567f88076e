/** One line per input file of dist/chancery.mjs; any edit, added or removed file, or reinstall of dependencies changes it. */
export function sourceStamp(root: string, folder?: string): string;
