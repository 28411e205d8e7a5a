using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.UnorderedDirectoryListingAnalyzer, Repro.Build.CodeFixes.Rules.UnorderedDirectoryListingFixer>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class UnorderedDirectoryListingFixerTests
{
    [Fact]
    public Task Listing_fix_sorts_the_local_ordinally() => Verify.FixAsync("""
        using System;
        using System.IO;
        class C
        {
            void Use(object item) { }
            void Load(string folder)
            {
                var files = [|Directory.GetFiles(folder, "*.csv")|];
                foreach (var file in files) { Use(file); }
            }
        }
        """, """
        using System;
        using System.IO;
        class C
        {
            void Use(object item) { }
            void Load(string folder)
            {
                var files = Directory.GetFiles(folder, "*.csv");
                Array.Sort(files, StringComparer.Ordinal);
                foreach (var file in files) { Use(file); }
            }
        }
        """);

    [Fact]
    public Task Listing_fix_writes_short_names_in_nested_blocks_lambdas_and_switch_sections() => Verify.FixAsync("""
        using System;
        using System.IO;
        class C
        {
            void Use(object item) { }
            void Load(string folder, int mode)
            {
                if (mode > 0)
                {
                    var nested = [|Directory.GetFiles(folder)|];
                    foreach (var file in nested) { Use(file); }
                }
                Action load = () =>
                {
                    var inLambda = [|Directory.GetFiles(folder)|];
                    foreach (var file in inLambda) { Use(file); }
                };
                switch (mode)
                {
                    case 2:
                        var inCase = [|Directory.GetFiles(folder)|];
                        foreach (var file in inCase) { Use(file); }
                        break;
                }
            }
        }
        """, """
        using System;
        using System.IO;
        class C
        {
            void Use(object item) { }
            void Load(string folder, int mode)
            {
                if (mode > 0)
                {
                    var nested = Directory.GetFiles(folder);
                    Array.Sort(nested, StringComparer.Ordinal);
                    foreach (var file in nested) { Use(file); }
                }
                Action load = () =>
                {
                    var inLambda = Directory.GetFiles(folder);
                    Array.Sort(inLambda, StringComparer.Ordinal);
                    foreach (var file in inLambda) { Use(file); }
                };
                switch (mode)
                {
                    case 2:
                        var inCase = Directory.GetFiles(folder);
                        Array.Sort(inCase, StringComparer.Ordinal);
                        foreach (var file in inCase) { Use(file); }
                        break;
                }
            }
        }
        """);

    [Fact]
    public Task Listing_fix_works_in_top_level_statements() => Verify.FixAsync("""
        using System.IO;
        var files = [|Directory.GetFiles("data")|];
        var lines = new System.Collections.Generic.List<string>();
        foreach (var file in files) lines.Add(file);
        """, """
        using System.IO;
        var files = Directory.GetFiles("data");
        System.Array.Sort(files, System.StringComparer.Ordinal);
        var lines = new System.Collections.Generic.List<string>();
        foreach (var file in files) lines.Add(file);
        """, outputKind: OutputKind.ConsoleApplication);

    [Fact]
    public Task Listing_fix_sorts_file_infos_by_full_name_and_wraps_listings_used_in_place() => Verify.FixAsync("""
        using System.IO;
        using System.Linq;
        class C
        {
            void Use(object item) { }
            void Infos(DirectoryInfo folder)
            {
                var infos = [|folder.GetFiles()|];
                foreach (var info in infos) { Use(info); }
            }
            void Loop(string folder)
            {
                foreach (var file in [|Directory.EnumerateFiles(folder)|]) { Use(file); }
            }
            string[] Returned(string folder) => [|Directory.GetFiles(folder)|];
        }
        """, """
        using System.IO;
        using System.Linq;
        class C
        {
            void Use(object item) { }
            void Infos(DirectoryInfo folder)
            {
                var infos = folder.GetFiles();
                System.Array.Sort(infos, (a, b) => string.CompareOrdinal(a.FullName, b.FullName));
                foreach (var info in infos) { Use(info); }
            }
            void Loop(string folder)
            {
                foreach (var file in Directory.EnumerateFiles(folder).OrderBy(path => path, System.StringComparer.Ordinal)) { Use(file); }
            }
            string[] Returned(string folder) => Directory.GetFiles(folder).OrderBy(path => path, System.StringComparer.Ordinal).ToArray();
        }
        """);

    [Fact]
    public Task Listing_fix_imports_System_Linq_when_it_wraps_and_the_file_lacks_it() => Verify.FixAsync("""
        using System.IO;
        class C
        {
            string First(string folder) => [|Directory.GetFiles(folder)|][0];
        }
        """, """
        using System.IO;
        using System.Linq;
        class C
        {
            string First(string folder) => Directory.GetFiles(folder).OrderBy(path => path, System.StringComparer.Ordinal).ToArray()[0];
        }
        """);

    [Fact]
    public Task Listing_fix_sorts_before_ToList_without_a_redundant_array() => Verify.FixAsync("""
        using System;
        using System.IO;
        using System.Linq;
        class C
        {
            string First()
            {
                var items = [|Directory.GetFiles(".")|].ToList();
                return items[0];
            }
            void Written(string output) => File.WriteAllLines(output, [|Directory.GetFiles(".")|].ToList());
            void WrittenAsIs(string output) => File.WriteAllLines(output, [|Directory.GetFiles(".")|]);
            string[] Csv(string folder) => [|Directory.GetFiles(folder)|].Where(f => f.EndsWith(".csv")).ToArray();
        }
        """, """
        using System;
        using System.IO;
        using System.Linq;
        class C
        {
            string First()
            {
                var items = Directory.GetFiles(".").OrderBy(path => path, StringComparer.Ordinal).ToList();
                return items[0];
            }
            void Written(string output) => File.WriteAllLines(output, Directory.GetFiles(".").OrderBy(path => path, StringComparer.Ordinal).ToList());
            void WrittenAsIs(string output) => File.WriteAllLines(output, Directory.GetFiles(".").OrderBy(path => path, StringComparer.Ordinal).ToArray());
            string[] Csv(string folder) => Directory.GetFiles(folder).OrderBy(path => path, StringComparer.Ordinal).Where(f => f.EndsWith(".csv")).ToArray();
        }
        """);
}
