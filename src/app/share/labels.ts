/**
 * A control's name in the page's language: the parameter's translated label
 * (`param.<name>.label`) where the bundles have it, else the schema's English label.
 */
import type { T } from '../../state/i18n';
import { PARAM_NAMES, schema, type ControlKey } from '../../state/schema';

export function controlLabel(t: T, key: ControlKey): string {
  const name = PARAM_NAMES.find((n) => schema[n].key === key);
  if (!name) return key;
  const k = `param.${name}.label`;
  const s = t(k);
  return s === k ? schema[name].label : s;
}
