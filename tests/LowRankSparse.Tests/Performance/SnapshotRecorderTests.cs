using LowRankSparse.Model;
using LowRankSparse.Training;

namespace LowRankSparse.Tests.Performance;

/// <summary>Snapshots kept as device copies and moved to the host once come back exactly as the weights were when taken.</summary>
public class SnapshotRecorderTests
{
    [Fact]
    public void Every_model_and_weight_comes_back_exactly_as_it_was_at_each_snapshot()
    {
        // three models of distinct, float32-exact values: m_b = 3, m_a = 2, d = 4, m = 5
        var models = Enumerable.Range(0, 3).Select(s => new Weights(
            Filled(3, 4, 100 * s + 0), Filled(3, 4, 100 * s + 20), Filled(2, 4, 100 * s + 40), Filled(5, 2, 100 * s + 60))).ToList();
        using var stacked = StackedWeights.From(models);
        using var recorder = new SnapshotRecorder(stacked.KeyDim, stacked.ValueDim);
        recorder.Take(0, stacked);
        stacked.Wqkv.add_(1);                       // the "training" moves every weight by +1 (W_O by +2) after the first snapshot
        stacked.Wo.add_(2);
        recorder.Take(7, stacked);

        var snapshots = recorder.ToSnapshots();
        Assert.Equal(3, snapshots.Length);
        for (int s = 0; s < 3; s++)
        {
            Assert.Equal([0, 7], snapshots[s].Select(x => x.Step));
            foreach (string name in Weights.Names)
            {
                Assert.Equal(models[s][name], snapshots[s][0].Weights[name]);
                var moved = (double[,])models[s][name].Clone();
                for (int i = 0; i < moved.GetLength(0); i++)
                    for (int j = 0; j < moved.GetLength(1); j++) moved[i, j] += name == "W_O" ? 2 : 1;
                Assert.Equal(moved, snapshots[s][1].Weights[name]);
            }
        }
    }

    private static double[,] Filled(int rows, int cols, int start)
    {
        var m = new double[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) m[i, j] = start + i * cols + j + 0.5;
        return m;
    }
}
