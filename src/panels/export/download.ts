/** Saving a file from the browser, and the lab's export file names. */
import { lab } from '../../state/store';
import { encode } from '../../state/url';

/** FNV-1a, 32 bits, as 8 hex digits: a short name for a parameter set. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** `ssm-lab-<what>-<hash of the current parameters>.<ext>` */
export function exportName(what: string, ext: string): string {
  return `ssm-lab-${what}-${shortHash(encode(lab.getState().params))}.${ext}`;
}

export function download(name: string, data: Blob | string, type = 'text/plain'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
