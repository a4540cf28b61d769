import { describe, expect, it } from 'vitest';
import { ContentRequest, PageRequest, parseEnvelope } from './messages';

describe('parseEnvelope', () => {
  it('accepts well-formed requests', () => {
    expect(parseEnvelope({ type: ContentRequest.Lookup, payload: { numbers: ['+4741234567'] } })).not.toBeNull();
    expect(
      parseEnvelope({ type: ContentRequest.Block, payload: { e164: '+4741234567', kind: 'opt-out', reason: '', scope: 'all' } }),
    ).not.toBeNull();
    expect(parseEnvelope({ type: PageRequest.TabCounts, payload: { tabId: 3 } })).not.toBeNull();
  });

  it.each([
    ['no type', { payload: {} }],
    ['unknown type', { type: 'content:unblock', payload: { e164: '+4741234567' } }],
    ['numbers not E.164', { type: ContentRequest.Lookup, payload: { numbers: ['41234567'] } }],
    ['numbers not an array', { type: ContentRequest.Lookup, payload: { numbers: '+4741234567' } }],
    ['block without scope', { type: ContentRequest.Block, payload: { e164: '+4741234567', kind: 'opt-out', reason: '' } }],
    ['block with a made-up kind', { type: ContentRequest.Block, payload: { e164: '+4741234567', kind: 'register', reason: '', scope: 'all' } }],
    ['block with a huge reason', { type: ContentRequest.Block, payload: { e164: '+4741234567', kind: 'other', reason: 'x'.repeat(501), scope: 'all' } }],
    ['negative counts', { type: ContentRequest.ReportCounts, payload: { numbers: -1, blocked: 0 } }],
    ['payload array', { type: PageRequest.BlocklistChanged, payload: [] }],
    ['null', null],
  ])('rejects %s', (_name, message) => {
    expect(parseEnvelope(message)).toBeNull();
  });
});
