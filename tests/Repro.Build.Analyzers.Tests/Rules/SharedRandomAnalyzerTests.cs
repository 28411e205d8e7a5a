using System.Threading.Tasks;
using Repro.Build.Analyzers.Rules;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.SharedRandomAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class SharedRandomAnalyzerTests
{
    [Fact]
    public Task Flags_Random_Shared_and_its_Shuffle() => Verify.AnalyzerAsync("""
        using System;
        class C
        {
            int Draw() => {|#0:Random.Shared|}.Next(10);
            void Shuffle(int[] data) => {|#1:Random.Shared|}.Shuffle(data);
            Random Keep() => {|#2:System.Random.Shared|};
        }
        """,
        new[]
        {
            Verify.Diagnostic(SharedRandomAnalyzer.SharedRule).WithLocation(0),
            Verify.Diagnostic(SharedRandomAnalyzer.SharedRule).WithLocation(1),
            Verify.Diagnostic(SharedRandomAnalyzer.SharedRule).WithLocation(2),
        });

    [Fact]
    public Task Quiet_on_seeded_instances_and_other_Shared_members() => Verify.AnalyzerAsync("""
        using System;
        using System.Buffers;
        class C
        {
            readonly Random _random = new Random(42);
            int Draw() => _random.Next(10);
            byte[] Rent() => ArrayPool<byte>.Shared.Rent(16);
        }
        """);

    [Fact]
    public Task Flags_sampling_with_the_cryptographic_generator_but_not_its_security_uses() => Verify.AnalyzerAsync("""
        using System;
        using System.Security.Cryptography;
        class C
        {
            void Shuffle(int[] rows) => {|#0:RandomNumberGenerator.Shuffle<int>(rows)|};
            int[] Sample(int[] rows) => {|#1:RandomNumberGenerator.GetItems<int>(rows, 10)|};
            int Token() => RandomNumberGenerator.GetInt32(1000000);
            byte[] Key() => RandomNumberGenerator.GetBytes(32);
            string Code() => RandomNumberGenerator.GetInt32(0, 1000000).ToString("D6");
            string Salt() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            int Pick(int[] rows) => rows[{|#2:RandomNumberGenerator.GetInt32(rows.Length)|}];
            bool Keep(double rate) => {|#3:RandomNumberGenerator.GetInt32(1000)|} < rate * 1000;
            void FisherYates(int[] rows)
            {
                for (var i = rows.Length - 1; i > 0; i--)
                {
                    var j = {|#4:RandomNumberGenerator.GetInt32(i + 1)|};
                    (rows[i], rows[j]) = (rows[j], rows[i]);
                }
            }
            double Uniform() => BitConverter.ToUInt64({|#5:RandomNumberGenerator.GetBytes(8)|}, 0) / (double)ulong.MaxValue;
            int Filled()
            {
                var buffer = new byte[4];
                {|#6:RandomNumberGenerator.Fill(buffer)|};
                return BitConverter.ToInt32(buffer, 0) & 0xff;
            }
        }
        """,
        new[]
        {
            Verify.Diagnostic(SharedRandomAnalyzer.CryptoSampleRule).WithLocation(0).WithArguments("Shuffle"),
            Verify.Diagnostic(SharedRandomAnalyzer.CryptoSampleRule).WithLocation(1).WithArguments("GetItems"),
            Verify.Diagnostic(SharedRandomAnalyzer.CryptoValueRule).WithLocation(2).WithArguments("GetInt32", "as an index"),
            Verify.Diagnostic(SharedRandomAnalyzer.CryptoValueRule).WithLocation(3).WithArguments("GetInt32", "against a threshold"),
            Verify.Diagnostic(SharedRandomAnalyzer.CryptoValueRule).WithLocation(4).WithArguments("GetInt32", "as an index"),
            Verify.Diagnostic(SharedRandomAnalyzer.CryptoValueRule).WithLocation(5).WithArguments("GetBytes", "as a number ('BitConverter.ToUInt64')"),
            Verify.Diagnostic(SharedRandomAnalyzer.CryptoValueRule).WithLocation(6).WithArguments("Fill", "as a number ('BitConverter.ToInt32')"),
        });

    [Fact]
    public Task Flags_GetInt32_that_shuffles_flips_a_coin_chooses_a_branch_or_feeds_a_helper_whose_callers_sample() => Verify.AnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Security.Cryptography;
        class Sampler
        {
            List<int> Shuffled(List<int> rows) => rows.OrderBy(_ => {|#0:RandomNumberGenerator.GetInt32(int.MaxValue)|}).ToList();
            bool Flip() => {|#1:RandomNumberGenerator.GetInt32(2)|} == 0;
            string Augment(string text)
            {
                switch ({|#2:RandomNumberGenerator.GetInt32(3)|})
                {
                    case 0: return text.ToUpperInvariant();
                    case 1: return text.ToLowerInvariant();
                    default: return text;
                }
            }
            private static int NextIndex(int count) => {|#3:RandomNumberGenerator.GetInt32(count)|};
            List<T> Bootstrap<T>(IReadOnlyList<T> rows)
            {
                var sample = new List<T>();
                for (var i = 0; i < rows.Count; i++)
                {
                    var index = NextIndex(rows.Count);
                    sample.Add(rows[index]);
                }
                return sample;
            }
            IEnumerable<int> Window(int[] rows) => rows.Skip({|#4:RandomNumberGenerator.GetInt32(rows.Length - 10)|}).Take(10);
            int[] Sample(int[] rows, int count)
            {
                int Pick() => {|#5:RandomNumberGenerator.GetInt32(rows.Length)|};
                var sample = new int[count];
                for (var i = 0; i < count; i++)
                {
                    sample[i] = rows[Pick()];
                }
                return sample;
            }
        }
        """,
        new[]
        {
            Verify.Diagnostic(SharedRandomAnalyzer.CryptoValueRule).WithLocation(0).WithArguments("GetInt32", "as a sort key ('OrderBy')"),
            Verify.Diagnostic(SharedRandomAnalyzer.CryptoValueRule).WithLocation(1).WithArguments("GetInt32", "in a chance decision (compared with a constant)"),
            Verify.Diagnostic(SharedRandomAnalyzer.CryptoValueRule).WithLocation(2).WithArguments("GetInt32", "to choose a branch"),
            Verify.Diagnostic(SharedRandomAnalyzer.CryptoValueRule).WithLocation(3).WithArguments("GetInt32", "as an index"),
            Verify.Diagnostic(SharedRandomAnalyzer.CryptoValueRule).WithLocation(4).WithArguments("GetInt32", "as an index ('Skip')"),
            Verify.Diagnostic(SharedRandomAnalyzer.CryptoValueRule).WithLocation(5).WithArguments("GetInt32", "as an index"),
        });

    [Fact]
    public Task Quiet_on_GetInt32_in_helpers_whose_callers_make_codes_and_tokens() => Verify.AnalyzerAsync("""
        using System.Security.Cryptography;
        class Codes
        {
            private static int NextCode() => RandomNumberGenerator.GetInt32(1000000);
            public static int Token() => RandomNumberGenerator.GetInt32(int.MaxValue);
            string Otp() => NextCode().ToString("D6");
            bool Matches(int code, int expected) => code == expected;
            int Pin()
            {
                var pin = RandomNumberGenerator.GetInt32(10000);
                return pin;
            }
            string Code()
            {
                int Digit() => RandomNumberGenerator.GetInt32(10);
                return string.Concat(Digit(), Digit(), Digit(), Digit());
            }
        }
        """);
}

