namespace Repro.Runs.Generators;

/// <summary>The metadata names of the hooked APIs: compared by name, so that Repro.Runs references neither library.</summary>
internal static class KnownTypes
{
    public const string DataView = "Microsoft.ML.IDataView";
    public const string Estimator = "Microsoft.ML.IEstimator`1";
    public const string TaskCatalog = "Microsoft.ML.TrainCatalogBase";
    public const string TrainerCatalog = "Microsoft.ML.TrainCatalogBase+CatalogInstantiatorBase";
    public const string TrainerOptions = "Microsoft.ML.Trainers.TrainerInputBase";
    public const string DataCatalog = "Microsoft.ML.DataOperationsCatalog";
    public const string ModelCatalog = "Microsoft.ML.ModelOperationsCatalog";
    public const string Torch = "TorchSharp.torch";
    public const string TorchRandom = "TorchSharp.torch+random";
    public const string TorchOptim = "TorchSharp.torch+optim";
    public const string TorchModule = "TorchSharp.torch+nn+Module";
    public const string Scheduler = "TorchSharp.torch+optim+lr_scheduler+LRScheduler";
}
