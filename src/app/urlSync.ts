/**
 * Keeps the URL and the store in step: read once at start (with notices for whatever was
 * fixed), then write parameter changes back with history.replaceState once they have been quiet
 * for QUIET_MS (replaceState costs milliseconds in Chromium; a drag must not pay it per event).
 */
import { decode, encode } from '../state/url';
import { lab, setUi } from '../state/store';

const QUIET_MS = 250;

export function currentUrl(): string {
  return `${location.origin}${location.pathname}?${encode(lab.getState().params)}${location.hash}`;
}

export function startUrlSync(): () => void {
  const { params, notices } = decode(location.search);
  lab.setState({ params });
  setUi({ urlNotices: notices });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    timer = undefined;
    const q = encode(lab.getState().params);
    if (`?${q}` !== location.search)
      history.replaceState(history.state, '', `?${q}${location.hash}`);
  };
  write();
  return lab.subscribe((s, prev) => {
    if (s.params === prev.params) return;
    clearTimeout(timer);
    timer = setTimeout(write, QUIET_MS);
  });
}
