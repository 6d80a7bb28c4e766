using Bora.Cli;

return BoraCli.Run(args, Console.Out, Console.Error);
