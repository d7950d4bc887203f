import { describe, expect, it } from 'vitest';
import { namesAsPhrases } from '../../src/search/names-as-phrases.ts';

describe('namesAsPhrases', () => {
  it('quotes an organisation’s full name typed without quotes, stopwords and all', () => {
    expect(namesAsPhrases('subsidie Agentschap Innoveren en Ondernemen 2016')).toBe(
      'subsidie "Agentschap Innoveren en Ondernemen" 2016',
    );
    expect(namesAsPhrases('Federale Overheidsdienst Financiën btw')).toBe(
      '"Federale Overheidsdienst Financiën" btw',
    );
  });

  it('leaves quoted text, operators and other words alone', () => {
    for (const q of [
      '"agentschap innoveren" en ondernemen',
      'vlaio -unizo',
      'fiets | trein',
      'agentschap ondernemen',
    ])
      expect(namesAsPhrases(q)).toBe(q);
  });
});
