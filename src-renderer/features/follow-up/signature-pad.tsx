import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useId, useRef, useState, type PointerEvent } from 'react';
import { useFollowUpText } from './follow-up-text';

const WIDTH = 600;
const HEIGHT = 200;

/**
 * The student's signature on the coordinator's screen: drawn with a pen, finger or mouse
 * (pointer events on a canvas), or, from the keyboard, typed and set as a signature image.
 * Reports the signature as PNG base64 (null when the pad is empty).
 */
export function SignaturePad({ signerName, onChange }: { signerName: string; onChange: (pngBase64: string | null) => void }) {
  const t = useFollowUpText().signature;
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [typed, setTyped] = useState(signerName);
  const [empty, setEmpty] = useState(true);
  const instructionsId = useId();

  const context = () => {
    const ctx = canvas.current?.getContext('2d');
    if (ctx) {
      ctx.lineWidth = 3;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.strokeStyle = '#1a2b6d';
      ctx.fillStyle = '#1a2b6d';
    }
    return ctx;
  };
  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - box.left) * WIDTH) / box.width, y: ((event.clientY - box.top) * HEIGHT) / box.height };
  };
  const publish = () => {
    setEmpty(false);
    onChange(canvas.current?.toDataURL('image/png').replace(/^data:image\/png;base64,/, '') ?? null);
  };
  const clear = () => {
    context()?.clearRect(0, 0, WIDTH, HEIGHT);
    setEmpty(true);
    onChange(null);
  };

  const start = (event: PointerEvent<HTMLCanvasElement>) => {
    const ctx = context();
    if (!ctx) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    const { x, y } = point(event);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 0.1, y + 0.1);
    ctx.stroke();
  };
  const move = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = context();
    const { x, y } = point(event);
    ctx?.lineTo(x, y);
    ctx?.stroke();
  };
  const end = () => {
    if (!drawing.current) return;
    drawing.current = false;
    publish();
  };
  const signWithTyped = () => {
    const ctx = context();
    if (!ctx || typed.trim() === '') return;
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    ctx.font = 'italic 48px "Brush Script MT", "Segoe Script", cursive, serif';
    ctx.textBaseline = 'middle';
    ctx.fillText(typed.trim(), 24, HEIGHT / 2, WIDTH - 48);
    publish();
  };

  return (
    <div className="signature-pad">
      <Paragraph id={instructionsId} data-size="sm">
        {t.instructions}
      </Paragraph>
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        className="signature-pad__canvas"
        role="img"
        aria-label={empty ? t.canvasEmpty : t.canvasSigned(signerName)}
        aria-describedby={instructionsId}
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
      />
      <div className="signature-pad__typed">
        <Textfield label={t.typedLabel} description={t.typedDescription} value={typed} onChange={(event) => setTyped(event.target.value)} />
        <Button variant="secondary" type="button" onClick={signWithTyped} disabled={typed.trim() === ''}>
          {t.useTyped}
        </Button>
      </div>
      <Button variant="tertiary" type="button" onClick={clear} disabled={empty}>
        {t.clear}
      </Button>
    </div>
  );
}
