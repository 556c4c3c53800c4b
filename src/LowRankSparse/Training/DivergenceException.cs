namespace LowRankSparse.Training;

/// <summary>The loss became NaN or infinite: a run failure (exit code 1) that names the step and suggests a fix.</summary>
public sealed class DivergenceException : Exception
{
    public DivergenceException(int step, double loss, double learningRate)
        : base($"training diverged at step {step} (loss = {loss}); try a smaller training.learning_rate (now {learningRate}, e.g. --set training.learning_rate={learningRate / 4})")
    {
        Step = step;
        Loss = loss;
    }

    public int Step { get; }
    public double Loss { get; }
}
