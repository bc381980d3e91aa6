import { describe, expect, it } from 'vitest';
import { readServerSentEvents } from './sse-reader';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(chunks: string[]) {
  let comments = 0;
  const events: string[] = [];
  for await (const data of readServerSentEvents(streamOf(chunks), () => comments++)) events.push(data);
  return { events, comments };
}

describe('readServerSentEvents', () => {
  it('yields the data of each event, across chunk boundaries and CRLF line ends', async () => {
    expect(await collect(['data: "RESY', 'NC"\n\n: ping\n\ndata: {"a":1}\r\n\r\n', 'data:{"b":', '2}\n\n'])).toEqual({
      events: ['"RESYNC"', '{"a":1}', '{"b":2}'],
      comments: 1,
    });
  });

  it('joins multi-line data and drops an event cut off at the end', async () => {
    expect((await collect(['data: line 1\ndata: line 2\n\n', 'data: unfinished'])).events).toEqual(['line 1\nline 2']);
  });

  it('splits multi-byte characters only where the decoder allows', async () => {
    const bytes = new TextEncoder().encode('data: "Øyvind Ås"\n\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    const events: string[] = [];
    for await (const data of readServerSentEvents(stream)) events.push(data);
    expect(events).toEqual(['"Øyvind Ås"']);
  });
});
