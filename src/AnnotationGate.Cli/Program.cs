try { AnnotationGate.Core.Configuration.GateFileLoader.Load(args[0]); Console.WriteLine("valid"); }
catch (AnnotationGate.Core.Configuration.GateConfigurationException ex) { foreach (var e in ex.Errors) Console.WriteLine(e + "   <" + e.Pointer + ">"); }
return 0;
