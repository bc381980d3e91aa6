import { useEffect, useRef } from 'react';
import './case.css';

/** Bytes of a PDF from its base64. */
export function pdfBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A generated PDF shown in the browser's own PDF viewer: an <iframe> of a blob: URL (the CSP
 * allows frames from blob: only). The URL is revoked when the frame goes away.
 */
export function PdfFrame({ pdfBase64, title }: { pdfBase64: string; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([pdfBytes(pdfBase64)], { type: 'application/pdf' }));
    if (frame.current) frame.current.src = url;
    return () => URL.revokeObjectURL(url);
  }, [pdfBase64]);
  return <iframe ref={frame} className="case-pdf" title={title} />;
}
