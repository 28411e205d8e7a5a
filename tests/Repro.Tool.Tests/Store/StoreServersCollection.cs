namespace Repro.Tool.Tests.Store;

/// <summary>The tests that share one pair of servers (started once, in <see cref="StoreServers"/>).</summary>
[CollectionDefinition(Name)]
public sealed class StoreServersCollection : ICollectionFixture<StoreServers>
{
    public const string Name = "Store servers";
}
