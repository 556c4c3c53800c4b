using LowRankSparse.Model;
using static TorchSharp.torch;

namespace LowRankSparse.Training;

/// <summary>
/// Snapshots of S stacked models taken inside the training loop as float32 copies on the device (a copy of two small tensors,
/// no host transfer), converted to host <see cref="Weights"/> all at once after the loop: one transfer instead of one per
/// snapshot, model and weight (default config, snapshot every 5 steps: 101 snapshots). Owns its copies.
/// </summary>
internal sealed class SnapshotRecorder : IDisposable
{
    private readonly List<(int Step, Tensor Wqkv, Tensor Wo)> _taken = [];
    private readonly int _keyDim, _valueDim;

    public SnapshotRecorder(int keyDim, int valueDim)
    {
        _keyDim = keyDim;
        _valueDim = valueDim;
    }

    public void Take(int step, StackedWeights weights)
    {
        var wqkv = weights.Wqkv.clone().DetachFromDisposeScope();
        var wo = weights.Wo.clone().DetachFromDisposeScope();
        _taken.Add((step, wqkv, wo));
    }

    /// <summary>Every model's snapshots in the order taken (float32 → float64 is exact).</summary>
    public List<Snapshot>[] ToSnapshots()
    {
        if (_taken.Count == 0) return [];
        using var scope = NewDisposeScope();
        int runs = (int)_taken[0].Wqkv.shape[0];
        var qkv = Host(stack(_taken.Select(t => t.Wqkv)));    // [N, S, 2·m_b + m_a, d]
        var wo = Host(stack(_taken.Select(t => t.Wo)));       // [N, S, m, m_a]
        var result = Enumerable.Range(0, runs).Select(_ => new List<Snapshot>(_taken.Count)).ToArray();
        for (int n = 0; n < _taken.Count; n++)
            for (int s = 0; s < runs; s++)
            {
                var weights = new Weights(
                    qkv.Slice(n, s, 0, _keyDim), qkv.Slice(n, s, _keyDim, _keyDim), qkv.Slice(n, s, 2 * _keyDim, _valueDim), wo.Slice(n, s, 0, wo.Rows));
                result[s].Add(new Snapshot(_taken[n].Step, weights));
            }
        return result;
    }

    /// <summary>A [N, S, rows, cols] tensor copied to the host once.</summary>
    private sealed record HostBlock(double[] Values, int Runs, int Rows, int Cols)
    {
        public double[,] Slice(int n, int s, int firstRow, int rows)
        {
            var m = new double[rows, Cols];
            long offset = ((long)(n * Runs + s) * Rows + firstRow) * Cols;
            Buffer.BlockCopy(Values, (int)(offset * sizeof(double)), m, 0, rows * Cols * sizeof(double));
            return m;
        }
    }

    private static HostBlock Host(Tensor t) =>
        new(t.to(ScalarType.Float64).contiguous().data<double>().ToArray(), (int)t.shape[1], (int)t.shape[2], (int)t.shape[3]);

    public void Dispose()
    {
        foreach (var (_, wqkv, wo) in _taken)
        {
            wqkv.Dispose();
            wo.Dispose();
        }
        _taken.Clear();
    }
}
