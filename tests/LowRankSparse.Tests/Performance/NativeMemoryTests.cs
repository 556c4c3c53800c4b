using LowRankSparse.Config;
using LowRankSparse.Training;
using TorchSharp;

namespace LowRankSparse.Tests.Performance;

/// <summary>Training steps dispose every native tensor they create: the live count does not grow with the number of steps.</summary>
public class NativeMemoryTests
{
    [Fact]
    public void Training_steps_leave_the_number_of_live_tensors_unchanged()
    {
        long LiveAfter(int steps)
        {
            var config = ConfigLoader.Load(TestPaths.EasyQuickConfig, new[] { $"training.steps={steps}", "training.snapshot_every=0" });
            using var run = Trainer.Train(config);
            return DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        }
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        long afterFew = LiveAfter(5);
        Assert.True(afterFew > before, "the statistics must count the live tensors of a run");
        long afterMany = LiveAfter(40);
        Assert.Equal(afterFew, afterMany);
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}
