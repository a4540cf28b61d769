import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KontaktvernDb } from '../db';
import { mergeLogs } from './merge';
import { DAY, NOW, openTestDb, testCampaign, testLog } from './test-fixtures';

describe('mergeLogs: retention counts only the records this merge wrote', () => {
  let db: KontaktvernDb;
  beforeEach(async () => {
    db = await openTestDb();
    await db.campaigns.add(testCampaign({ logRetentionDays: 90 }));
    await db.campaigns.add(testCampaign({ id: 'campaign-2', logRetentionDays: 30 }));
  });
  afterEach(async () => {
    await db.delete();
  });

  it('does not count a local record past retention that the file never had (it is still anonymised)', async () => {
    await db.callLogs.add(testLog({ id: 'local-old', at: NOW - 91 * DAY, createdAt: NOW - 91 * DAY, updatedAt: NOW - 91 * DAY }));
    const r = await mergeLogs(db, [testLog({ id: 'fresh' })], NOW);
    expect(r.added).toBe(1);
    expect(r.retention.reduce((n, x) => n + x.count, 0)).toBe(0);
    expect((await db.callLogs.get('local-old'))?.e164).toBeNull();
  });

  it('counts merged records past retention per campaign, beside local ones that are not counted', async () => {
    await db.callLogs.add(testLog({ id: 'local-old', at: NOW - 91 * DAY, createdAt: NOW - 91 * DAY, updatedAt: NOW - 91 * DAY }));
    const old = (id: string, campaignId: string, days: number) => testLog({ id, campaignId, at: NOW - days * DAY, createdAt: NOW - days * DAY, updatedAt: NOW - days * DAY });
    const r = await mergeLogs(db, [old('m1', 'campaign-1', 95), old('m2', 'campaign-2', 40), old('m3', 'campaign-2', 10), testLog({ id: 'fresh' })], NOW);
    expect(r.retention).toEqual([
      { campaignId: 'campaign-1', count: 1 },
      { campaignId: 'campaign-2', count: 1 },
    ]);
  });

  it('does not count a duplicate already anonymised here', async () => {
    const old = testLog({ id: 'old', at: NOW - 91 * DAY, createdAt: NOW - 91 * DAY, updatedAt: NOW - 91 * DAY });
    expect((await mergeLogs(db, [old], NOW)).retention).toEqual([
      { campaignId: 'campaign-1', count: 1 },
      { campaignId: 'campaign-2', count: 0 },
    ]);
    const again = await mergeLogs(db, [old], NOW + 1);
    expect(again.retention.reduce((n, x) => n + x.count, 0)).toBe(0);
  });
});
