using AnnotationGate.Core.Findings;

namespace AnnotationGate.GitHub.Tests;

public sealed class WorkflowCommandTests
{
    [Fact]
    public void Message_escapes_percent_and_line_breaks()
    {
        var text = WorkflowCommands.EscapeData("100% done\r\nnext: a, b");

        text.ShouldBe("100%25 done%0D%0Anext: a, b");
    }

    [Fact]
    public void Property_escapes_colon_and_comma()
    {
        var text = WorkflowCommands.EscapeProperty("C:\\data,v2%\n");

        text.ShouldBe("C%3A\\data%2Cv2%25%0A");
    }

    [Fact]
    public void Annotation_places_file_line_and_column()
    {
        var finding = new Finding("AG1001", Severity.Error, "Value fails: 'a,b'.\nSecond line.")
        {
            File = "data/out,put.jsonl",
            Line = 12,
            Column = 3,
            RecordId = "q1",
        };

        var line = AnnotationWriter.Annotation(finding);

        line.ShouldBe("::error file=data/out%2Cput.jsonl,line=12,col=3,title=AG1001::Value fails: 'a,b'.%0ASecond line. [record q1]");
    }

    [Fact]
    public void Annotation_without_file_has_no_location()
    {
        var finding = new Finding("AG2001", Severity.Warning, "accuracy 0.5 is below 0.9.");

        AnnotationWriter.Annotation(finding).ShouldBe("::warning title=AG2001::accuracy 0.5 is below 0.9.");
    }

    [Fact]
    public void Annotation_with_absolute_path_drops_location()
    {
        var finding = new Finding("AG0003", Severity.Notice, "Outside.") { File = "/etc/data.jsonl", Line = 1 };

        AnnotationWriter.Annotation(finding).ShouldBe("::notice title=AG0003::Outside.");
    }

    [Fact]
    public void Long_message_is_cut_before_escaping()
    {
        var finding = new Finding("AG1010", Severity.Error, new string('%', 5000));

        var line = AnnotationWriter.Annotation(finding);

        var message = line[(line.IndexOf("::", 2, StringComparison.Ordinal) + 2)..];
        message.ShouldEndWith("…");
        message.Replace("%25", "%", StringComparison.Ordinal).Length.ShouldBe(WorkflowCommands.MaxMessageLength);
    }

    [Fact]
    public void Stop_commands_round_trip()
    {
        WorkflowCommands.StopCommands("abc").ShouldBe("::stop-commands::abc");
        WorkflowCommands.ResumeCommands("abc").ShouldBe("::abc::");
    }
}
