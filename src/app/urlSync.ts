/**
 * Keeps the URL and the store in step: read once at start (with notices for whatever was
 * fixed), then write parameter changes back with history.replaceState — at most every 200 ms
 * (replaceState costs milliseconds; a drag must not pay it per event), and always the last one.
 */
import { decode, encode } from '../state/url';
import { lab, setUi } from '../state/store';

export function currentUrl(): string {
  return `${location.origin}${location.pathname}?${encode(lab.getState().params)}${location.hash}`;
}

export function startUrlSync(): () => void {
  const { params, notices } = decode(location.search);
  lab.setState({ params });
  setUi({ urlNotices: notices });
  let scheduled = false;
  const write = () => {
    scheduled = false;
    const q = encode(lab.getState().params);
    if (`?${q}` !== location.search)
      history.replaceState(history.state, '', `?${q}${location.hash}`);
  };
  write();
  return lab.subscribe((s, prev) => {
    if (s.params === prev.params || scheduled) return;
    scheduled = true;
    setTimeout(write, 200);
  });
}
