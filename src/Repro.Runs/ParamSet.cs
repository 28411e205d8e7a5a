using System;
using System.Collections.Generic;
using Repro.Build;
using Repro.Build.Security;

namespace Repro.Runs;

/// <summary>
/// Parameters of a run or a step: set once (MLflow's rule), recorded as text with secrets redacted. The values as given
/// are kept in memory only, to compare a second logging of a key with the first.
/// </summary>
internal sealed class ParamSet
{
    private readonly SortedDictionary<string, string> _recorded;
    private readonly Dictionary<string, string> _given = new(StringComparer.Ordinal);

    // An AWS secret access key is 40 characters of base64, which alone could be anything; once a parameter holds an
    // access key id, a parameter shaped as its secret key is taken for it, whatever the names (aws_id, aws_key).
    private bool _awsAccessKeyIdSeen;

    public ParamSet(SortedDictionary<string, string> recorded)
    {
        _recorded = recorded;
    }

    /// <summary>Call under the run's lock. Returns a REPRO404 message when the key holds another value, else null.</summary>
    public string? Set(string key, string text, string owner)
    {
        if (_given.TryGetValue(key, out var existing))
        {
            return string.Equals(existing, text, StringComparison.Ordinal)
                ? null
                : $"{DiagnosticIds.ParamConflict}: the parameter '{key}' of {owner} was already logged with another value ({Shown(key, existing)}, now "
                    + $"{Shown(key, text)}). A parameter is set once; log a value that changes during training as a metric.";
        }

        _given[key] = text;
        if (!_awsAccessKeyIdSeen && SecretDetector.ContainsAwsAccessKeyId(text))
        {
            _awsAccessKeyIdSeen = true;
            foreach (var pair in _given)
            {
                _recorded[pair.Key] = Shown(pair.Key, pair.Value);
            }
        }

        _recorded[key] = Shown(key, text);
        return null;
    }

    private string Shown(string key, string text) =>
        SecretDetector.IsSecretName(key) || (_awsAccessKeyIdSeen && SecretDetector.IsAwsSecretKeyShape(text))
            ? SecretDetector.Redacted
            : SecretDetector.RedactInline(text);
}
