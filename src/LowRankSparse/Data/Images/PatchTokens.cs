namespace LowRankSparse.Data.Images;

/// <summary>
/// Images → tokens: each image is cut into (size/p)² non-overlapping p × p patches, row by row; a patch's pixels (row-major) are one
/// token of dimension p², optionally followed by the patch's (row, column) scaled to [−1, 1].
/// </summary>
public static class PatchTokens
{
    /// <summary>Tokens of one image given as <paramref name="pixels"/> (row-major, size × size), written to <paramref name="into"/> at <paramref name="at"/>.</summary>
    public static void Write(ReadOnlySpan<float> pixels, int size, int patch, bool position, float[] into, long at)
    {
        int side = size / patch, dim = patch * patch + (position ? 2 : 0);
        for (int pr = 0; pr < side; pr++)
            for (int pc = 0; pc < side; pc++)
            {
                long t = at + (long)(pr * side + pc) * dim;
                int e = 0;
                for (int r = 0; r < patch; r++)
                    for (int c = 0; c < patch; c++)
                        into[t + e++] = pixels[(pr * patch + r) * size + pc * patch + c];
                if (position)
                {
                    into[t + e++] = side == 1 ? 0f : 2f * pr / (side - 1) - 1f;
                    into[t + e] = side == 1 ? 0f : 2f * pc / (side - 1) - 1f;
                }
            }
    }
}
