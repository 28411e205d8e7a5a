using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.SharedRandomAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class SharedRandomTests
{
    [Fact]
    public Task Flags_Random_Shared_and_its_Shuffle() => Verify.AnalyzerAsync("""
        using System;
        class C
        {
            int Draw() => [|Random.Shared|].Next(10);
            void Shuffle(int[] data) => [|Random.Shared|].Shuffle(data);
            Random Keep() => [|System.Random.Shared|];
        }
        """);

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
            void Shuffle(int[] rows) => [|RandomNumberGenerator.Shuffle<int>(rows)|];
            int[] Sample(int[] rows) => [|RandomNumberGenerator.GetItems<int>(rows, 10)|];
            int Token() => RandomNumberGenerator.GetInt32(1000000);
            byte[] Key() => RandomNumberGenerator.GetBytes(32);
            string Code() => RandomNumberGenerator.GetInt32(0, 1000000).ToString("D6");
            string Salt() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            int Pick(int[] rows) => rows[[|RandomNumberGenerator.GetInt32(rows.Length)|]];
            bool Keep(double rate) => [|RandomNumberGenerator.GetInt32(1000)|] < rate * 1000;
            void FisherYates(int[] rows)
            {
                for (var i = rows.Length - 1; i > 0; i--)
                {
                    var j = [|RandomNumberGenerator.GetInt32(i + 1)|];
                    (rows[i], rows[j]) = (rows[j], rows[i]);
                }
            }
            double Uniform() => BitConverter.ToUInt64([|RandomNumberGenerator.GetBytes(8)|], 0) / (double)ulong.MaxValue;
            int Filled()
            {
                var buffer = new byte[4];
                [|RandomNumberGenerator.Fill(buffer)|];
                return BitConverter.ToInt32(buffer, 0) & 0xff;
            }
        }
        """);
}
