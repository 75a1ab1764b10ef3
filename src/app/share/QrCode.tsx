/**
 * A QR code of a text, drawn locally as one SVG path (qrcode-generator; nothing leaves the
 * page). Error correction M; the version grows with the text. A text too long for any version
 * gets a message instead.
 */
import qrcode from 'qrcode-generator';
import { useMemo } from 'react';
import { useT } from '../../state/i18n';

export interface QrMatrix {
  size: number;
  path: string;
}

/** The dark modules as an SVG path in module units (null if the text does not fit). */
export function qrMatrix(text: string): QrMatrix | null {
  try {
    const qr = qrcode(0, 'M');
    qr.addData(text, 'Byte');
    qr.make();
    const n = qr.getModuleCount();
    let d = '';
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c} ${r}h1v1h-1z`;
    return { size: n, path: d };
  } catch {
    return null;
  }
}

export function QrCode({ text, testId }: { text: string; testId: string }) {
  const t = useT();
  const m = useMemo(() => qrMatrix(text), [text]);
  if (!m)
    return (
      <p className="qr-too-long" data-testid={testId}>
        {t('teach.qrTooLong', { n: text.length })}
      </p>
    );
  const q = 4; // quiet zone
  return (
    <svg
      className="qr"
      data-testid={testId}
      data-modules={m.size}
      role="img"
      aria-label={t('teach.qr')}
      viewBox={`${-q} ${-q} ${m.size + 2 * q} ${m.size + 2 * q}`}
      shapeRendering="crispEdges"
    >
      <rect x={-q} y={-q} width={m.size + 2 * q} height={m.size + 2 * q} fill="#fff" />
      <path d={m.path} fill="#000" />
    </svg>
  );
}
