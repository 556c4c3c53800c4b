return LowRankSparse.Cli.Entry.Run(args);
