using System.Threading.Tasks;
using Repro.Build.Analyzers.Rules;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.UnorderedDirectoryListingAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class UnorderedDirectoryListingAnalyzerTests
{
    [Fact]
    public Task Flags_listings_whose_order_is_used() => Verify.AnalyzerAsync("""
        using System.IO;
        using System.Linq;
        class C
        {
            void Train(string file) { }
            void A(string folder)
            {
                foreach (var file in {|#0:Directory.EnumerateFiles(folder, "*.csv")|}) { Train(file); }
            }
            string[] B(string folder) => {|#1:Directory.GetFiles(folder)|}.Take(100).ToArray();
            string First(string folder) => {|#2:Directory.GetFiles(folder)|}[0];
            string[] D(string folder) => {|#3:Directory.EnumerateFiles(folder)|}.Where(f => f.EndsWith(".png")).ToArray();
            void E(DirectoryInfo folder)
            {
                var files = {|#4:folder.GetFiles()|};
                var names = new System.Collections.Generic.List<string>();
                foreach (var file in files) { names.Add(file.Name); }
            }
            string[] Returned(string folder) => {|#5:Directory.GetFiles(folder)|};
            string[] ReturnedLocal(string folder)
            {
                var files = {|#6:Directory.GetFiles(folder, "*.csv")|};
                return files;
            }
        }
        """,
        new[]
        {
            Verify.Diagnostic(UnorderedDirectoryListingAnalyzer.Rule).WithLocation(0).WithArguments("Directory.EnumerateFiles"),
            Verify.Diagnostic(UnorderedDirectoryListingAnalyzer.Rule).WithLocation(1).WithArguments("Directory.GetFiles"),
            Verify.Diagnostic(UnorderedDirectoryListingAnalyzer.Rule).WithLocation(2).WithArguments("Directory.GetFiles"),
            Verify.Diagnostic(UnorderedDirectoryListingAnalyzer.Rule).WithLocation(3).WithArguments("Directory.EnumerateFiles"),
            Verify.Diagnostic(UnorderedDirectoryListingAnalyzer.Rule).WithLocation(4).WithArguments("DirectoryInfo.GetFiles"),
            Verify.Diagnostic(UnorderedDirectoryListingAnalyzer.Rule).WithLocation(5).WithArguments("Directory.GetFiles"),
            Verify.Diagnostic(UnorderedDirectoryListingAnalyzer.Rule).WithLocation(6).WithArguments("Directory.GetFiles"),
        });

    [Fact]
    public Task Flags_listings_made_into_lists_whose_order_is_then_used() => Verify.AnalyzerAsync("""
        using System.IO;
        using System.Linq;
        class C
        {
            string First()
            {
                var items = [|Directory.GetFiles(".")|].ToList();
                var first = items[0];
                return first;
            }
            void Written(string path) => File.WriteAllLines(path, [|Directory.GetFiles(".")|].ToList());
            void WrittenAsIs(string path) => File.WriteAllLines(path, [|Directory.EnumerateFiles(".")|]);
            System.Collections.Generic.List<string> Batch(string folder)
            {
                var files = [|Directory.EnumerateFiles(folder)|].Where(f => f.EndsWith(".csv")).ToList();
                return files.GetRange(0, 10);
            }
        }
        """);

    [Fact]
    public Task Quiet_when_lists_made_from_listings_are_sorted_or_used_as_sets() => Verify.AnalyzerAsync("""
        using System;
        using System.IO;
        using System.Linq;
        class C
        {
            string First()
            {
                var items = Directory.GetFiles(".").ToList();
                items.Sort(StringComparer.Ordinal);
                return items[0];
            }
            int Count() => Directory.GetFiles(".").ToList().Count;
            bool Has(string name)
            {
                var items = Directory.GetFiles(".").ToList();
                return items.Contains(name) && items.Count > 0;
            }
            void Written(string path) => File.WriteAllLines(path, Directory.GetFiles(".").OrderBy(f => f, StringComparer.Ordinal).ToList());
        }
        """);

    [Fact]
    public Task Quiet_when_sorted_or_used_as_a_set() => Verify.AnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        class C
        {
            string[] A(string folder)
            {
                var files = Directory.GetFiles(folder);
                Array.Sort(files, StringComparer.Ordinal);
                return files;
            }
            string[] B(string folder) => Directory.EnumerateFiles(folder).OrderBy(f => f, StringComparer.Ordinal).ToArray();
            int Count(string folder) => Directory.GetFiles(folder).Length;
            bool Has(string folder) => Directory.EnumerateFiles(folder).Any(f => f.EndsWith(".json"));
            HashSet<string> Set(string folder) => Directory.EnumerateFiles(folder).ToHashSet();
            List<string> SortedAfterwards(string folder)
            {
                var files = Directory.GetFiles(folder, "*.csv").Where(f => f.Length > 0).ToList();
                files.Sort(StringComparer.Ordinal);
                return files;
            }
            Dictionary<string, int> Keyed(string folder)
            {
                var sizes = new Dictionary<string, int>();
                var count = 0;
                foreach (var file in Directory.EnumerateFiles(folder))
                {
                    sizes[Path.GetFileName(file)] = file.Length;
                    count++;
                    Console.WriteLine(file);
                }
                return sizes;
            }
            void Passed(string folder) => Consume(Directory.GetFiles(folder));
            void Consume(string[] files) { }
            List<string> Sorted(string folder)
            {
                var list = new List<string>(Directory.EnumerateDirectories(folder));
                list.Sort(StringComparer.Ordinal);
                return list;
            }
        }
        """);
}
