using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Repro.Build.Git;

/// <summary>
/// The values of a git config file (<c>.git/config</c>, <c>.gitmodules</c>). Section and key names are
/// case-insensitive, subsection names case-sensitive, as in git. <c>include</c> directives are not followed.
/// </summary>
public sealed class GitConfig
{
    private readonly List<KeyValuePair<string, string>> _entries = [];

    /// <summary>Larger config files are refused (a git config is a few kilobytes).</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    public static GitConfig Empty { get; } = new();

    /// <summary>Reads a config file; a missing file gives an empty config.</summary>
    /// <exception cref="GitFormatException">The file is not valid git config syntax.</exception>
    public static GitConfig Load(string path)
    {
        var config = new GitConfig();
        if (File.Exists(path))
        {
            // .gitmodules lives in the working tree: read it as any user file, bounded and never if it is a FIFO.
            config.Parse(Repro.Build.IO.FileProbe.ReadAllText(path, MaxFileBytes), path);
        }

        return config;
    }

    public static GitConfig Parse(string text)
    {
        var config = new GitConfig();
        config.Parse(text, "<text>");
        return config;
    }

    /// <summary>The last value of <paramref name="key"/> (<c>section.key</c> or <c>section.subsection.key</c>), or null.</summary>
    public string? Get(string key)
    {
        var normalized = NormalizeKey(key);
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_entries[i].Key, normalized, StringComparison.Ordinal))
            {
                return _entries[i].Value;
            }
        }

        return null;
    }

    /// <summary>Every entry in file order as (normalized key, value): for multi-valued keys and subsection scans.</summary>
    public IEnumerable<KeyValuePair<string, string>> Entries => _entries;

    /// <summary>
    /// Read as a <c>.gitmodules</c> file: the name and path of each submodule that has a path, in the order the names
    /// first appear; a name's last path wins, as git reads it.
    /// </summary>
    public List<(string Name, string Path)> SubmodulePaths()
    {
        var names = new List<string>();
        foreach (var entry in _entries)
        {
            var (section, subsection, name) = SplitKey(entry.Key);
            if (section == "submodule" && subsection is not null && name == "path" && !names.Contains(subsection))
            {
                names.Add(subsection);
            }
        }

        var submodules = new List<(string, string)>(names.Count);
        foreach (var name in names)
        {
            submodules.Add((name, Get("submodule." + name + ".path")!));
        }

        return submodules;
    }

    /// <summary>Splits a normalized key into section, subsection (may be null) and name.</summary>
    public static (string Section, string? Subsection, string Name) SplitKey(string normalizedKey)
    {
        var firstDot = normalizedKey.IndexOf('.');
        var lastDot = normalizedKey.LastIndexOf('.');
        var section = normalizedKey.Substring(0, firstDot);
        var name = normalizedKey.Substring(lastDot + 1);
        var subsection = lastDot > firstDot ? normalizedKey.Substring(firstDot + 1, lastDot - firstDot - 1) : null;
        return (section, subsection, name);
    }

    private static string NormalizeKey(string key)
    {
        var firstDot = key.IndexOf('.');
        var lastDot = key.LastIndexOf('.');
        if (firstDot < 0)
        {
            return key.ToLowerInvariant();
        }

        var section = key.Substring(0, firstDot).ToLowerInvariant();
        var name = key.Substring(lastDot + 1).ToLowerInvariant();
        return lastDot > firstDot
            ? section + "." + key.Substring(firstDot + 1, lastDot - firstDot - 1) + "." + name
            : section + "." + name;
    }

    private void Parse(string text, string source)
    {
        var reader = new Reader(text, source);
        string? sectionPrefix = null;
        while (!reader.AtEnd)
        {
            reader.SkipWhitespaceAndNewlines();
            if (reader.AtEnd)
            {
                break;
            }

            var c = reader.Peek();
            if (c == '#' || c == ';')
            {
                reader.SkipLine();
            }
            else if (c == '[')
            {
                sectionPrefix = reader.ReadSectionHeader();
            }
            else
            {
                if (sectionPrefix is null)
                {
                    throw reader.Error("a key outside any section");
                }

                var name = reader.ReadKeyName();
                var value = reader.ReadValue();
                _entries.Add(new KeyValuePair<string, string>(sectionPrefix + "." + name.ToLowerInvariant(), value));
            }
        }
    }

    private sealed class Reader
    {
        private readonly string _text;
        private readonly string _source;
        private int _position;
        private int _line = 1;

        public Reader(string text, string source)
        {
            _text = text;
            _source = source;
        }

        public bool AtEnd => _position >= _text.Length;

        public char Peek() => _text[_position];

        public GitFormatException Error(string what) => new($"'{_source}' line {_line}: {what}.");

        public void SkipWhitespaceAndNewlines()
        {
            while (!AtEnd && char.IsWhiteSpace(Peek()))
            {
                Advance();
            }
        }

        public void SkipLine()
        {
            while (!AtEnd && Peek() != '\n')
            {
                _position++;
            }
        }

        public string ReadSectionHeader()
        {
            Advance(); // '['
            var section = new StringBuilder();
            while (!AtEnd && (char.IsLetterOrDigit(Peek()) || Peek() == '-' || Peek() == '.'))
            {
                section.Append(char.ToLowerInvariant(Advance()));
            }

            if (section.Length == 0)
            {
                throw Error("an empty section name");
            }

            string? subsection = null;
            SkipSpaces();
            if (!AtEnd && Peek() == '"')
            {
                Advance();
                var sub = new StringBuilder();
                while (true)
                {
                    if (AtEnd || Peek() == '\n')
                    {
                        throw Error("an unterminated subsection name");
                    }

                    var c = Advance();
                    if (c == '"')
                    {
                        break;
                    }

                    sub.Append(c == '\\' && !AtEnd ? Advance() : c);
                }

                subsection = sub.ToString();
                SkipSpaces();
            }

            if (AtEnd || Advance() != ']')
            {
                throw Error("a section header without ']'");
            }

            // The legacy [section.subsection] form arrives here lower-cased, as git treats it.
            var name = section.ToString();
            return subsection is null ? name : name + "." + subsection;
        }

        public string ReadKeyName()
        {
            var name = new StringBuilder();
            while (!AtEnd && (char.IsLetterOrDigit(Peek()) || Peek() == '-'))
            {
                name.Append(Advance());
            }

            if (name.Length == 0)
            {
                throw Error($"an unexpected '{Peek()}'");
            }

            return name.ToString();
        }

        public string ReadValue()
        {
            SkipSpaces();
            if (AtEnd || Peek() == '\n' || Peek() == '#' || Peek() == ';')
            {
                // A key without '=' is boolean true.
                SkipLine();
                return "true";
            }

            if (Peek() == '\r')
            {
                SkipLine();
                return "true";
            }

            if (Advance() != '=')
            {
                throw Error("a key without '='");
            }

            var value = new StringBuilder();
            var inQuotes = false;
            var pendingSpaces = 0;
            while (!AtEnd)
            {
                var c = Peek();
                if (c == '\n' || c == '\r')
                {
                    break;
                }

                Advance();
                if (!inQuotes && (c == '#' || c == ';'))
                {
                    SkipLine();
                    break;
                }

                if (c == '"')
                {
                    inQuotes = !inQuotes;
                    continue;
                }

                if (c == '\\')
                {
                    if (AtEnd)
                    {
                        throw Error("a backslash at the end of the file");
                    }

                    var escaped = Advance();
                    switch (escaped)
                    {
                        case '\r':
                            if (!AtEnd && Peek() == '\n')
                            {
                                Advance();
                            }

                            continue; // line continuation
                        case '\n':
                            continue;
                        case 'n': c = '\n'; break;
                        case 't': c = '\t'; break;
                        case 'b': c = '\b'; break;
                        case '\\': case '"': c = escaped; break;
                        default: throw Error($"an unknown escape '\\{escaped}'");
                    }

                    value.Append(' ', pendingSpaces);
                    pendingSpaces = 0;
                    value.Append(c);
                    continue;
                }

                if (!inQuotes && (c == ' ' || c == '\t'))
                {
                    // Inner white space is kept, trailing white space dropped.
                    if (value.Length > 0)
                    {
                        pendingSpaces++;
                    }

                    continue;
                }

                value.Append(' ', pendingSpaces);
                pendingSpaces = 0;
                value.Append(c);
            }

            if (inQuotes)
            {
                throw Error("an unterminated quoted value");
            }

            return value.ToString();
        }

        private void SkipSpaces()
        {
            while (!AtEnd && (Peek() == ' ' || Peek() == '\t'))
            {
                _position++;
            }
        }

        private char Advance()
        {
            var c = _text[_position++];
            if (c == '\n')
            {
                _line++;
            }

            return c;
        }
    }
}
