// libtorch already uses both cores for every op; running test classes in parallel on top of that only oversubscribes the
// machine and makes timings and thread-dependent reductions noisy. Tests run one class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
