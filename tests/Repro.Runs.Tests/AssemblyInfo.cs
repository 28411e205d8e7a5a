// The tests redirect Console.Error to read the run-time warnings: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
