using System.Collections.Generic;

namespace Repro.Runs.Records;

/// <summary>
/// Reduces a series of any length to at most a fixed number of points in one pass and fixed memory: the points fall
/// into buckets of equal count, each bucket keeps its lowest and highest point, and when there are too many buckets
/// neighbours merge (the bucket size doubles). The first and last points are always kept, and so are the series' minimum
/// and maximum (a diverging loss spike survives any reduction), which an evenly spaced stride would lose.
/// </summary>
internal sealed class MetricSeriesSampler
{
    private readonly int _maxBuckets;
    private readonly List<Bucket> _buckets = [];
    private long _bucketSize = 1;
    private Bucket _current;
    private Sample _first;
    private Sample _last;
    private long _count;

    /// <param name="maxPoints">At most this many points come out (at least 8).</param>
    public MetricSeriesSampler(int maxPoints)
    {
        // Two points per bucket, the first and last points, and the bucket being filled.
        _maxBuckets = System.Math.Max(2, (maxPoints - 4) / 2);
    }

    public void Add(long step, double value)
    {
        var sample = new Sample(_count++, step, value);
        if (sample.Index == 0)
        {
            _first = sample;
        }

        _last = sample;
        _current = _current.Count == 0 ? new Bucket(sample, sample, 1) : _current.With(sample);
        if (_current.Count < _bucketSize)
        {
            return;
        }

        _buckets.Add(_current);
        _current = default;
        if (_buckets.Count <= _maxBuckets)
        {
            return;
        }

        for (var i = 0; i < _buckets.Count / 2; i++)
        {
            _buckets[i] = _buckets[2 * i].Merge(_buckets[(2 * i) + 1]);
        }

        if (_buckets.Count % 2 == 1)
        {
            // The odd one out becomes the bucket being filled again (it holds fewer points than the new size).
            _current = _buckets[_buckets.Count - 1];
        }

        _buckets.RemoveRange(_buckets.Count / 2, _buckets.Count - (_buckets.Count / 2));
        _bucketSize *= 2;
    }

    /// <summary>The kept points in the order they were logged.</summary>
    public List<(long Step, double Value)> Points()
    {
        var kept = new List<Sample>((_buckets.Count * 2) + 4);
        if (_count == 0)
        {
            return [];
        }

        kept.Add(_first);
        foreach (var bucket in _buckets)
        {
            bucket.AddTo(kept);
        }

        if (_current.Count > 0)
        {
            _current.AddTo(kept);
        }

        kept.Add(_last);
        var result = new List<(long, double)>(kept.Count);
        var previous = -1L;
        foreach (var sample in kept)
        {
            if (sample.Index > previous)
            {
                result.Add((sample.Step, sample.Value));
                previous = sample.Index;
            }
        }

        return result;
    }

    private readonly struct Sample
    {
        public Sample(long index, long step, double value)
        {
            Index = index;
            Step = step;
            Value = value;
        }

        public long Index { get; }

        public long Step { get; }

        public double Value { get; }
    }

    private readonly struct Bucket
    {
        public Bucket(Sample low, Sample high, long count)
        {
            Low = low;
            High = high;
            Count = count;
        }

        public Sample Low { get; }

        public Sample High { get; }

        public long Count { get; }

        public Bucket With(Sample sample) => new(sample.Value < Low.Value ? sample : Low, sample.Value > High.Value ? sample : High, Count + 1);

        public Bucket Merge(Bucket next) =>
            new(next.Low.Value < Low.Value ? next.Low : Low, next.High.Value > High.Value ? next.High : High, Count + next.Count);

        // In logged order, so that the line drawn through them goes forward.
        public void AddTo(List<Sample> kept)
        {
            if (Low.Index <= High.Index)
            {
                kept.Add(Low);
                kept.Add(High);
            }
            else
            {
                kept.Add(High);
                kept.Add(Low);
            }
        }
    }
}
