using SstcFunctions.Benchmarks;

// sstc-bench COMMAND [options]: the measuring half of scripts/bench.sh. Each command prints what it measured and,
// with --kv FILE, appends "key=value" lines that `sstc-bench report` turns into the results table.
try
{
    var options = Options.Parse(args.Skip(1));
    return args.FirstOrDefault() switch
    {
        "ports" => Commands.Ports(options),
        "generate" => Commands.Generate(options),
        "check-render" => Commands.CheckRender(options),
        "locate" => Commands.Locate(options),
        "accuracy" => Accuracy.Run(options),
        "fixtures" => FixtureReport.Run(options),
        "phases" => Phases.Run(options),
        "serve" => await Serve.RunAsync(options),
        "soak" => Soak.Run(options),
        "ingest" => await Ingest.RunAsync(options),
        "rawquery" => await RawQuery.RunAsync(options),
        "report" => Report.Run(options),
        _ => Usage(),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine($"sstc-bench: {e.Message}");
    return 64;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: sstc-bench COMMAND [--option value ...]
          ports --count N                                   free loopback TCP ports, one a line
          generate --out DIR [--name large] [--pages 300] [--seed 42] [--designs a,b] [--producers]
                                                            DIR/NAME.html + DIR/NAME.expected.json; --producers: the same cards as
                                                            DIR/NAME-latex.tex and DIR/NAME-writer.fodt (+ .expected.json)
          check-render --expected E.json --text T.txt       every generated card is on its page in `pdftotext -raw` output
          locate --expected E.json --text T.txt             fill in the pages of a LaTeX/Writer expected list from `pdftotext -raw` output
          serve --sstc SSTC.dll --pdf F.pdf [--runs 3]      extraction through a warm sandbox worker (sstc serve), as the app runs it
          accuracy --expected E.json --actual A.json        cards found / titles matched against the generated list
          fixtures [--blind] [--verbose NAME|true] [--only a,b] [--strict] [--root DIR] [--shared DIR]
                                                            every fixture brochure scored against its expected.json (scripts/accuracy.sh)
          phases --pdf F [--runs 3]                          where extraction time goes: parse, layout, classification
          soak --pdf F [--count 200] [--warmup 20]           RSS while extracting one file many times in one process
          ingest --base URL --pdf F [--count 20] [--prefix bench] [--pid HOSTPID]
                                                            upload -> queryable latency through the HTTP API
          rawquery --conn CS --table T [--filter F] [--runs 7] one raw Azure Tables query against Azurite
          report --kv FILE [--out results.md]               results table with PASS/FAIL against the targets
        common: --kv FILE appends key=value results; --label L prefixes the keys.
        """);
    return 64;
}
