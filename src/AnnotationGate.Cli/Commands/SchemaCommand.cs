using System.CommandLine;
using AnnotationGate.Core.Configuration;

namespace AnnotationGate.Cli.Commands;

/// <summary><c>annotationgate schema [-o FILE]</c>: prints or writes the gate-file JSON Schema.</summary>
public static class SchemaCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Option<string?>("--output", "-o") { Description = "File to write the schema to; prints it when omitted." };
        var command = new Command("schema", "Prints the JSON Schema of gate files (draft 2020-12), for editor completion and validation.")
        {
            file,
        };
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file);
            if (path is null)
            {
                output.Write(GateSchema.Generate());
                return ExitCodes.Passed;
            }

            File.WriteAllText(path, GateSchema.Generate());
            error.WriteLine($"Wrote the gate-file schema to {path}.");
            return ExitCodes.Passed;
        });
        return command;
    }
}
