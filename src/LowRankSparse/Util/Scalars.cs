using TorchSharp;

namespace LowRankSparse.Util;

/// <summary>
/// Scalar operands for tensor ops that stay alive through the native call. TorchSharp 0.107's <see cref="Scalar"/> holds a native
/// pointer and frees it in its finalizer; a Scalar made on the fly — an implicit conversion (<c>t &lt; 1</c>, <c>t * 0.5</c>, <c>1 - t</c>)
/// or one TorchSharp makes itself (<c>t + u</c> passes alpha = 1, <c>softplus</c> its β) — is unreachable as soon as its pointer has
/// been read, so a garbage collection started by another thread during the call can free it while libtorch reads it. Seen here: a
/// phase grid with both cores busy stopped with "Expected false to be true" in <c>c10::Scalar::toLong</c> under <c>Tensor.lt</c> in the
/// training step. The fix is to keep every Scalar reachable until the call returns: these process-wide constants (static, so never
/// finalized), or <c>using var s = x.ToScalar();</c> around the call. <c>ScalarLifetimeTests</c> scans the compiled IL for the rest.
/// </summary>
public static class Scalars
{
    public static readonly Scalar Zero = 0.ToScalar();
    public static readonly Scalar One = 1.ToScalar();
}
