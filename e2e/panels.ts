/** The ten panels in page order (data-panel ids), shared by the e2e specs that visit them all. */
export const PANELS = [
  'signal',
  'basis',
  'coefficients',
  'matrices',
  'eigenvalues',
  'kernel',
  'frequency',
  'equivalence',
  'rtf',
  'performance',
] as const;
