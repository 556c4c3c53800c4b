namespace LowRankSparse.Interactive.Kernel;

/// <summary>
/// The signatures of the messages accepted so far, so a replayed message (same frames, hence same signature) is refused, as
/// jupyter_client's Session does with its digest_history. Bounded: it holds at most <see cref="Capacity"/> signatures
/// (2^16 by default, jupyter_client's digest_history_size) and, when full, forgets the oldest half, so memory stays flat on a
/// long session. Thread-safe.
/// </summary>
public sealed class DigestHistory(int capacity = DigestHistory.DefaultCapacity)
{
    public const int DefaultCapacity = 1 << 16;

    public int Capacity { get; } = capacity >= 2 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "at least 2");

    private readonly HashSet<string> _seen = new(capacity + 1, StringComparer.Ordinal);
    private readonly Queue<string> _order = new(capacity + 1);
    private readonly Lock _lock = new();

    public int Count
    {
        get { lock (_lock) return _seen.Count; }
    }

    /// <summary>Remembers <paramref name="signature"/>; false (and nothing changes) when it was seen before.</summary>
    public bool TryAdd(string signature)
    {
        lock (_lock)
        {
            if (!_seen.Add(signature)) return false;
            _order.Enqueue(signature);
            if (_order.Count > Capacity)
            {
                for (int i = 0, forget = _order.Count / 2; i < forget; i++) _seen.Remove(_order.Dequeue());
            }
            return true;
        }
    }
}
