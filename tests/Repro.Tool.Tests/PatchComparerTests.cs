using System.Text;
using Repro.Tool.Services;

namespace Repro.Tool.Tests;

public sealed class PatchComparerTests
{
    private const string First = """
        diff --git a/Trainer/Code.cs b/Trainer/Code.cs
        index 1111111..2222222 100644
        --- a/Trainer/Code.cs
        +++ b/Trainer/Code.cs
        @@ -5,3 +5,3 @@
             {
        -    public static double LearningRate => 0.01;
        +    public static double LearningRate => 0.02;
             }
        diff --git a/notes.txt b/notes.txt
        new file mode 100644
        --- /dev/null
        +++ b/notes.txt
        @@ -0,0 +1 @@
        +try a lower rate
        """;

    private const string Second = """
        diff --git a/Trainer/Code.cs b/Trainer/Code.cs
        index 1111111..3333333 100644
        --- a/Trainer/Code.cs
        +++ b/Trainer/Code.cs
        @@ -5,3 +5,3 @@
             {
        -    public static double LearningRate => 0.01;
        +    public static double LearningRate => 0.03;
             }
        diff --git a/Trainer/Trainer.csproj b/Trainer/Trainer.csproj
        --- a/Trainer/Trainer.csproj
        +++ b/Trainer/Trainer.csproj
        @@ -1 +1 @@
        +<PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
        """;

    [Fact]
    public void Files_and_lines_that_differ_between_two_patches_are_listed()
    {
        var changes = PatchComparer.Compare(Encoding.UTF8.GetBytes(First), Encoding.UTF8.GetBytes(Second));

        Assert.Equal(3, changes.Count);
        Assert.Equal(("Trainer/Code.cs", KeyChangeKind.Changed), (changes[0].Path, changes[0].Kind));
        Assert.Equal(new[] { "+    public static double LearningRate => 0.02;" }, changes[0].OnlyBefore);
        Assert.Equal(new[] { "+    public static double LearningRate => 0.03;" }, changes[0].OnlyAfter);
        Assert.Equal(("Trainer/Trainer.csproj", KeyChangeKind.Added), (changes[1].Path, changes[1].Kind));
        Assert.Equal(("notes.txt", KeyChangeKind.Removed), (changes[2].Path, changes[2].Kind));
    }

    [Fact]
    public void Equal_or_absent_patches_have_no_changes()
    {
        Assert.Empty(PatchComparer.Compare(Encoding.UTF8.GetBytes(First), Encoding.UTF8.GetBytes(First)));
        Assert.Empty(PatchComparer.Compare(null, null));
        Assert.Equal(2, PatchComparer.Compare(null, Encoding.UTF8.GetBytes(First)).Count);
    }
}
