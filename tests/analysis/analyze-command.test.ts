// The `vraagbaak analyze` command as a user runs it: a real process reading stdin.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = path.resolve(import.meta.dirname, '../../bin/vraagbaak.js');
const run = (args: string[], input: string) =>
  spawnSync(process.execPath, [bin, 'analyze', ...args], { input, encoding: 'utf8' });

describe('vraagbaak analyze', () => {
  const text =
    'Het Agentschap Innoveren en Ondernemen (VLAIO) reserveerde 500.000 euro voor de kinderen.';

  it('prints language, tokens with terms (none for stopwords) and entities as JSON', () => {
    const result = run(['--json'], text);
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as {
      language: string;
      tokens: { text: string; term?: string; start: number; end: number }[];
      entities: { type: string; text: string; value?: number }[];
    };
    expect(output.language).toBe('nld');
    expect(output.tokens[0]).toEqual({ text: 'Het', start: 0, end: 3 });
    expect(output.tokens.find((t) => t.text === 'kinderen')?.term).toBe('kinder');
    for (const token of output.tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    expect(output.entities.map((e) => e.type)).toEqual(['organisation', 'organisation', 'amount']);
    expect(output.entities.find((e) => e.type === 'amount')?.value).toBe(500_000);
  });

  it('prints a readable table without --json', () => {
    const result = run([], text);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^language: nld/);
    expect(result.stdout).toMatch(/kinderen\s+kinder/);
    expect(result.stdout).toMatch(/amount\s+500\.000 euro/);
  });
});
