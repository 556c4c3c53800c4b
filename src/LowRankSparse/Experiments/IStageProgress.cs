namespace LowRankSparse.Experiments;

/// <summary>Progress of a multi-stage run: each stage announces its number of units, then advances.</summary>
public interface IStageProgress
{
    void Begin(string stage, int total);
    void Advance(int units = 1);
    void End();

    public static readonly IStageProgress None = new Silent();

    private sealed class Silent : IStageProgress
    {
        public void Begin(string stage, int total) { }
        public void Advance(int units = 1) { }
        public void End() { }
    }
}
