using SsprTools.Engine.Reporting;

namespace SsprTools.Engine.Tests.Reporting;

public sealed class ReportFileTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("sspr-report-file-");

    private string Target => Path.Combine(_directory.FullName, "report.html");

    public void Dispose()
    {
        foreach (var file in _directory.EnumerateFiles())
        {
            file.Attributes = FileAttributes.Normal;
        }

        _directory.Delete(recursive: true);
    }

    [Fact]
    public void Writes_utf8_without_a_byte_order_mark_and_leaves_nothing_else()
    {
        ReportFile.Write(Target, replaceReadOnly: false, w => w.Write("<p>Zoë</p>"));

        Assert.Equal("<p>Zoë</p>"u8.ToArray(), File.ReadAllBytes(Target));
        Assert.Equal(["report.html"], _directory.EnumerateFiles().Select(f => f.Name));
    }

    [Fact]
    public void Replaces_an_existing_report()
    {
        File.WriteAllText(Target, "old");

        ReportFile.Write(Target, replaceReadOnly: false, w => w.Write("new"));

        Assert.Equal("new", File.ReadAllText(Target));
    }

    [Fact]
    public void A_failure_midway_keeps_the_previous_report_and_leaves_no_temporary_file()
    {
        File.WriteAllText(Target, "previous");

        Assert.Throws<InvalidOperationException>(() => ReportFile.Write(Target, replaceReadOnly: false, w =>
        {
            w.Write(new string('x', 200_000));
            throw new InvalidOperationException("Graph went away");
        }));

        Assert.Equal("previous", File.ReadAllText(Target));
        Assert.Equal(["report.html"], _directory.EnumerateFiles().Select(f => f.Name));
    }

    [Fact]
    public void A_failure_on_a_new_report_leaves_no_file_at_all()
    {
        Assert.Throws<InvalidOperationException>(() => ReportFile.Write(Target, replaceReadOnly: false, _ => throw new InvalidOperationException()));

        Assert.Empty(_directory.EnumerateFiles());
    }

    [Fact]
    public void Refuses_a_read_only_report_unless_told_and_then_keeps_it_read_only()
    {
        File.WriteAllText(Target, "locked");
        File.SetAttributes(Target, FileAttributes.ReadOnly);

        Assert.Throws<UnauthorizedAccessException>(() => ReportFile.Write(Target, replaceReadOnly: false, w => w.Write("new")));
        Assert.Equal("locked", File.ReadAllText(Target));

        ReportFile.Write(Target, replaceReadOnly: true, w => w.Write("new"));

        Assert.Equal("new", File.ReadAllText(Target));
        Assert.True(File.GetAttributes(Target).HasFlag(FileAttributes.ReadOnly));
        Assert.Single(_directory.EnumerateFiles());
    }
}
