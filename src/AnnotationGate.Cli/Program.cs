using AnnotationGate.Cli;

return await GateCommandLine.InvokeAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
