import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { invokeFunction, stampLogLines, type LocalFunction } from '../../../infra/local/lambda.ts';

const capture = () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  stampLogLines(stream);
  return { stream, lines };
};

/** A function that logs like the shared Powertools logger: one JSON line, with whatever context it last held. */
const loggingFunction = (id: string, stream: Writable, pauseMs: number): LocalFunction => ({
  def: { id, timeoutSeconds: 5 },
  handler: async () => {
    stream.write(`${JSON.stringify({ message: 'before', function_name: 'stale', function_arn: 'arn:x' })}\n`);
    await new Promise((r) => setTimeout(r, pauseMs));
    stream.write(`${JSON.stringify({ message: 'after', function_name: 'stale' })}\n`);
    return 'ok';
  },
});

describe('local runtime log lines', () => {
  it('name the function whose invocation wrote them, even when invocations interleave', async () => {
    const { stream, lines } = capture();
    const options = { region: 'ap-south-1', stage: 'local' };
    await Promise.all([
      invokeFunction(loggingFunction('FileComplaint', stream, 30), {}, options),
      invokeFunction(loggingFunction('CitizenNotifier', stream, 5), {}, options),
    ]);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, string>);
    expect(parsed.map((l) => `${l['message']} ${l['function_name']}`).sort()).toEqual([
      'after rabta-local-CitizenNotifier',
      'after rabta-local-FileComplaint',
      'before rabta-local-CitizenNotifier',
      'before rabta-local-FileComplaint',
    ]);
    expect(parsed.every((l) => l['function_arn'] === undefined && l['function_request_id'])).toBe(true);
  });

  it('leave lines written outside an invocation, and text that is not JSON, as they are', () => {
    const { stream, lines } = capture();
    stream.write('{"message":"runtime ready"}\n');
    stream.write('plain text\n');
    expect(lines).toEqual(['{"message":"runtime ready"}\n', 'plain text\n']);
  });
});
