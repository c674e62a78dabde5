using System.Text;
using AnnotationGate.Cli;

Console.OutputEncoding = Encoding.UTF8;
return await GateCommandLine.InvokeAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
