import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeHeat, DEFAULT_OPINION_HEAT_SETTINGS, heatOf, OpinionHeatSettings, opinionWarnings, type MetricsSnapshot } from './heat.js';

const snap = (at: string, reads: number, reposts = 0, comments = 0, likes = 0): MetricsSnapshot => ({ at, reads, reposts, comments, likes });

describe('heatOf (weighted metrics)', () => {
  it('weighs reads 0.01, reposts 3, comments 2, likes 0.5 by default', () => {
    expect(heatOf({ reads: 10_000, reposts: 20, comments: 30, likes: 100 })).toBe(100 + 60 + 60 + 50);
  });

  it('rejects negative weights and inverted thresholds in Chinese', () => {
    const result = OpinionHeatSettings.safeParse({ weights: { reads: -1 }, highHeat: 100, veryHighHeat: 50 });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['阅读权重不能为负', '极高热度阈值不能低于高热度阈值']);
  });
});

describe('analyzeHeat (growth and spikes)', () => {
  const steady = [snap('2024-05-01T08:00:00+08:00', 1000), snap('2024-05-01T09:00:00+08:00', 2000), snap('2024-05-01T10:00:00+08:00', 3000)];

  it('orders snapshots, computes Δheat per hour and explains the make-up', () => {
    const analysis = analyzeHeat([steady[2]!, steady[0]!, steady[1]!]);
    expect(analysis.series.map((point) => point.heat)).toEqual([10, 20, 30]);
    expect(analysis.intervals.map((interval) => [interval.hours, interval.delta, interval.ratePerHour])).toEqual([[1, 10, 10], [1, 10, 10]]);
    expect(analysis).toMatchObject({ heat: 30, latestRatePerHour: 10, baselineRatePerHour: 10, spike: false });
    expect(analysis.explanation).toBe('热度 30 = 阅读 3000 × 0.01 + 转发 0 × 3 + 评论 0 × 2 + 点赞 0 × 0.5；最近 1 小时增加 10（每小时 10，此前中位数每小时 10）');
  });

  it('flags a spike: latest rate ≥ 3 × the earlier median and ≥ 50 per hour', () => {
    const analysis = analyzeHeat([...steady, snap('2024-05-01T10:30:00+08:00', 3000, 40)]);
    expect(analysis).toMatchObject({ latestRatePerHour: 240, baselineRatePerHour: 10, spike: true });
    expect(analysis.explanation).toContain('达到陡增标准（≥ 3 倍且每小时 ≥ 50）');
  });

  it.each([
    // 3 × baseline but under the absolute floor.
    ['slow growth', [snap('2024-05-01T08:00:00Z', 0), snap('2024-05-01T09:00:00Z', 1000), snap('2024-05-01T10:00:00Z', 4000)], false],
    // Fast, but not 3 × a fast baseline.
    ['steady fast growth', [snap('2024-05-01T08:00:00Z', 0, 0), snap('2024-05-01T09:00:00Z', 0, 100), snap('2024-05-01T10:00:00Z', 0, 250)], false],
    // The first interval has baseline 0: a spike once it reaches the floor.
    ['first fast interval', [snap('2024-05-01T08:00:00Z', 0), snap('2024-05-01T09:00:00Z', 0, 20)], true],
    // Deleted reposts: negative growth is never a spike.
    ['counters going down', [snap('2024-05-01T08:00:00Z', 0, 100), snap('2024-05-01T09:00:00Z', 0, 10)], false],
    ['a single snapshot', [snap('2024-05-01T08:00:00Z', 0, 1000)], false],
  ])('%s → spike %s', (_, snapshots, spike) => {
    expect(analyzeHeat(snapshots).spike).toBe(spike);
  });

  it('keeps the last of several snapshots at one instant', () => {
    const analysis = analyzeHeat([snap('2024-05-01T08:00:00+08:00', 100), snap('2024-05-01T00:00:00Z', 500)]);
    expect(analysis.series).toEqual([{ at: '2024-05-01T00:00:00Z', heat: 5 }]);
  });

  it('heat equals the first heat plus the sum of deltas (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ minutes: fc.integer({ min: 1, max: 600 }), reads: fc.nat(100_000), reposts: fc.nat(1000) }), { minLength: 1, maxLength: 10 }), (steps) => {
        let ms = Date.UTC(2024, 4, 1);
        const snapshots = steps.map((step) => {
          ms += step.minutes * 60_000;
          return snap(new Date(ms).toISOString(), step.reads, step.reposts);
        });
        const analysis = analyzeHeat(snapshots);
        const total = analysis.series[0]!.heat + analysis.intervals.reduce((sum, interval) => sum + interval.delta, 0);
        return Math.abs(total - analysis.heat) < 0.05;
      }),
    );
  });
});

describe('opinionWarnings', () => {
  const item = { id: 'op-1', caseIds: ['case-1'] };
  const hot = analyzeHeat([snap('2024-05-01T08:00:00+08:00', 60_000)]);

  it('raises orange for a negative item at high heat, red at very high heat, nothing when not negative', () => {
    expect(opinionWarnings(item, { label: 'negative', score: -6 }, hot).map((w) => [w.ruleId, w.level, w.subtype])).toEqual([['OPN-NEGATIVE-HEAT-01', 'orange', '社会广泛关注']]);
    const veryHot = analyzeHeat([snap('2024-05-01T08:00:00+08:00', 600_000)]);
    expect(opinionWarnings(item, { label: 'negative', score: -6 }, veryHot)[0]).toMatchObject({ level: 'red', title: '负面舆情热度极高' });
    expect(opinionWarnings(item, { label: 'neutral', score: 0 }, veryHot)).toEqual([]);
  });

  it('raises a spike warning keyed by China date, orange when negative', () => {
    const spiking = analyzeHeat([snap('2024-05-01T15:00:00Z', 0), snap('2024-05-01T16:30:00Z', 0, 100)]);
    const [warning] = opinionWarnings(item, { label: 'positive', score: 3 }, spiking);
    expect(warning).toMatchObject({ key: 'opinion:op-1:OPN-SPIKE-01:2024-05-02', level: 'yellow', caseIds: ['case-1'] });
    expect(opinionWarnings(item, { label: 'negative', score: -2 }, spiking).map((w) => w.level)).toEqual(['orange']);
  });

  it('uses the configured thresholds', () => {
    const settings = OpinionHeatSettings.parse({ highHeat: 1000, veryHighHeat: 2000 });
    expect(opinionWarnings(item, { label: 'negative', score: -6 }, hot, settings)).toEqual([]);
    expect(DEFAULT_OPINION_HEAT_SETTINGS.highHeat).toBe(500);
  });
});
