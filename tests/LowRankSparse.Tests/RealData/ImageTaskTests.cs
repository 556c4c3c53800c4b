using LowRankSparse.Data.Images;
using LowRankSparse.Util;
using MathNet.Numerics.LinearAlgebra;

namespace LowRankSparse.Tests.RealData;

/// <summary>The binary task read through the real reader from Debian's files, on a small slice.</summary>
public class ImageTaskTests
{
    private static readonly RealDataConfig Slice = new() { Classes = [0, 1], TrainSamples = 300, TestSamples = 200 };

    [FashionMnistFact]
    public void A_small_balanced_slice_becomes_patch_tokens_standardised_with_training_statistics()
    {
        using var task = ImageTask.Load(Slice);
        Assert.Equal(new long[] { 300, 49, 16 }, task.Train.X.shape);
        Assert.Equal(new long[] { 200, 49, 16 }, task.Test.X.shape);
        Assert.Equal(150, task.Train.Labels.Count(y => y == 1));
        Assert.Equal(100, task.Test.Labels.Count(y => y == -1));
        var x = task.TrainTokens;
        // per pixel: mean 0 and std 1 over the training images (or constant 0)
        for (int pixel = 0; pixel < 49 * 16; pixel += 37)
        {
            var values = Enumerable.Range(0, 300).Select(i => (double)x[i * 49 * 16 + pixel]).ToArray();
            Assert.InRange(values.Average(), -1e-4, 1e-4);
            double std = Math.Sqrt(values.Select(v => v * v).Average());
            Assert.True(Math.Abs(std - 1) < 1e-3 || std < 1e-6, $"pixel {pixel}: std {std}");
        }
    }

    [FashionMnistFact]
    public void The_label_relevant_span_is_orthonormal_and_the_shuffled_labels_carry_nothing()
    {
        using var task = ImageTask.Load(Slice);
        var v = Matrix<double>.Build.DenseOfArray(task.Span.Directions);
        Assert.True((v * v.Transpose() - Matrix<double>.Build.DenseIdentity(2)).FrobeniusNorm() < 1e-9);
        Assert.Equal(1.0, task.Patterns.Pattern(0).Sum(e => e * e), 9);
        using var shuffled = task.ShuffledTrain(5);
        Assert.Equal(task.Train.Labels.Order(), shuffled.Labels.Order());
        Assert.NotEqual(task.Train.Labels, shuffled.Labels);
        foreach (int c in new[] { 1, -1 })   // exactly uncorrelated with the class: half of each class is labelled +1
        {
            var members = Enumerable.Range(0, task.Train.Count).Where(i => task.Train.Labels[i] == c).ToList();
            Assert.Equal(members.Count / 2, members.Count(i => shuffled.Labels[i] == 1));
        }
    }

    [Theory]
    [InlineData("3,3", "must be two different classes")]
    [InlineData("0,10", "class 10 is out of range")]
    public void Bad_classes_are_named(string classes, string message)
    {
        var config = Slice with { Classes = classes.Split(',').Select(int.Parse).ToArray() };
        var e = Assert.Throws<LowRankSparse.Util.ConfigException>(() => ImageTask.Load(config));
        Assert.Contains("realdata.classes", e.Message);
        Assert.Contains(message, e.Message);
    }
}
