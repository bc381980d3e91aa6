import { afterEach, describe, expect, it } from 'vitest';
import { createCanvasClient } from '../../../src-main/services/canvas/canvas.client';
import { startCanvasStandIn, type CanvasStandIn, type CanvasStudentSubmissions } from '../../stand-ins/canvas-server';

const TOKEN = 'canvas-test-token';
const assignments = [
  { id: 11, name: 'Arbeidskrav 1', due_at: '2026-09-10T21:59:00Z' },
  { id: 12, name: 'Arbeidskrav 2', due_at: null },
];
const student = (id: number, first: string, second: string): CanvasStudentSubmissions => ({
  user_id: id,
  sis_user_id: `fs-${id}`,
  submissions: [
    { assignment_id: 11, workflow_state: first, grade: first === 'graded' ? 'complete' : null },
    { assignment_id: 12, workflow_state: second, grade: second === 'graded' ? 'incomplete' : null },
  ],
});
const students = [
  student(1, 'graded', 'unsubmitted'),
  student(2, 'submitted', 'graded'),
  student(3, 'graded', 'graded'),
  student(4, 'unsubmitted', 'unsubmitted'),
  student(5, 'graded', 'submitted'),
];

let canvas: CanvasStandIn | undefined;
afterEach(() => canvas?.close());

describe('Canvas adapter (stand-in server)', () => {
  it('reads coursework status for every student across pages, with the bearer token', async () => {
    canvas = await startCanvasStandIn({ token: TOKEN, courses: { '4711': { assignments, students } }, pageSize: 2 });
    const client = createCanvasClient({ baseUrl: canvas.url, token: async () => TOKEN });
    const result = await client.courseworkStatus('4711');

    expect(canvas.requests).toHaveLength(3); // 5 students, 2 per page
    expect(canvas.requests.every((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(canvas.requests[0]?.query.getAll('student_ids[]')).toEqual(['all']);
    expect(canvas.requests[0]?.query.get('grouped')).toBe('true');
    expect(canvas.requests.map((request) => request.query.get('page'))).toEqual([null, '2', '3']);

    expect(result.map((entry) => entry.canvasUserId)).toEqual([1, 2, 3, 4, 5]);
    expect(result[0]).toEqual({
      canvasUserId: 1,
      sisUserId: 'fs-1',
      coursework: [
        { assignmentId: 11, title: 'Arbeidskrav 1', status: 'approved', due: '2026-09-10' },
        { assignmentId: 12, title: 'Arbeidskrav 2', status: 'notSubmitted' },
      ],
    });
    expect(result[1]?.coursework.map((work) => work.status)).toEqual(['submitted', 'notApproved']);
  });

  it('maps a refused token and an unknown course to clear errors', async () => {
    canvas = await startCanvasStandIn({ token: TOKEN, courses: { '4711': { assignments, students } }, pageSize: 2 });
    await expect(createCanvasClient({ baseUrl: canvas.url, token: async () => 'wrong' }).courseworkStatus('4711')).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(createCanvasClient({ baseUrl: canvas.url, token: async () => TOKEN }).courseworkStatus('999')).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(createCanvasClient({ baseUrl: canvas.url, token: async () => undefined }).courseworkStatus('4711')).rejects.toMatchObject({
      kind: 'precondition',
    });
    await expect(createCanvasClient({ baseUrl: canvas.url, token: async () => TOKEN }).courseworkStatus('../admin')).rejects.toMatchObject({
      kind: 'validation',
    });
  });

  it('does not follow a next link to another host, so the token stays with Canvas', async () => {
    canvas = await startCanvasStandIn({
      token: TOKEN,
      courses: { '4711': { assignments, students } },
      pageSize: 2,
      linkOrigin: 'http://127.0.0.2:9',
    });
    await expect(createCanvasClient({ baseUrl: canvas.url, token: async () => TOKEN }).courseworkStatus('4711')).rejects.toMatchObject({
      kind: 'external',
      message: expect.stringContaining('another host'),
    });
    expect(canvas.requests).toHaveLength(1);
  });
});
