namespace Repro.Tool.Services;

/// <summary>
/// A data set an export lists as a CycloneDX <c>data</c> component: a data item of the build, a config file, or a file
/// or folder a run read. The properties say which, and what was known of it.
/// </summary>
public sealed class ExportedData
{
    public ExportedData(string reference, string name, string dataType, string? sha256, IReadOnlyList<(string Name, string? Value)> properties)
    {
        Reference = reference;
        Name = name;
        DataType = dataType;
        Sha256 = sha256;
        Properties = properties;
    }

    /// <summary>The component's <c>bom-ref</c>: <c>data:NAME</c>, <c>config:PATH</c> or <c>input:PATH</c>.</summary>
    public string Reference { get; }

    public string Name { get; }

    /// <summary>CycloneDX's data type: <c>dataset</c> or <c>configuration</c>.</summary>
    public string DataType { get; }

    /// <summary>The hex SHA-256, or null when none was recorded (a missing file).</summary>
    public string? Sha256 { get; }

    /// <summary><c>repro:*</c> properties in a fixed order; null values are left out.</summary>
    public IReadOnlyList<(string Name, string? Value)> Properties { get; }
}
