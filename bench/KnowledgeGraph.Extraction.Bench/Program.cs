using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.Extraction.GeoNames;
using KnowledgeGraph.Extraction.Evaluation;

// eval: the gold-set figures in both modes, with every pair that differs.
// speed: characters per second of extraction on one core, over the gold texts.
// end-to-end: extract and import one article (the seed text) into an empty SQLite store.
var mode = args.FirstOrDefault() ?? "eval";
if (mode == "end-to-end")
{
    return await EndToEnd.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
}

var load = Stopwatch.StartNew();
var gazetteer = GeoNamesGazetteer.Load();
load.Stop();
var goldDirectory = Path.Combine(AppContext.BaseDirectory, "Gold");
var gold = GoldSet.Parse(File.ReadAllText(Path.Combine(goldDirectory, "manifest.json")), f => File.ReadAllText(Path.Combine(goldDirectory, f)));
var extractor = new RuleBasedExtractor();
var inv = CultureInfo.InvariantCulture;

if (mode == "eval")
{
    foreach (var m in new[] { GoldMode.Hidden, GoldMode.Graph })
    {
        var report = GoldSet.Evaluate(extractor, gold, gazetteer, m);
        Console.WriteLine($"## {m}");
        Console.WriteLine();
        Console.WriteLine(GoldSet.Table(report));
        foreach (var a in report.Articles)
        {
            foreach (var line in a.Lines.Where(l => l.Note.Length > 0))
            {
                Console.WriteLine($"- {a.Name}: {line.Gold ?? "—"} / {line.Predicted ?? "—"}: {line.Note}");
            }
        }

        Console.WriteLine();
    }

    return 0;
}

if (mode == "ratchet")
{
    // The figures reached now, rounded down to three decimals: the floor the tests hold them to.
    var path = args.Length > 1 ? args[1] : "tests/KnowledgeGraph.Extraction.Tests/Gold/ratchet.json";
    var root = new System.Text.Json.Nodes.JsonObject();
    foreach (var m in new[] { GoldMode.Hidden, GoldMode.Graph })
    {
        var report = GoldSet.Evaluate(extractor, gold, gazetteer, m);
        var rows = new System.Text.Json.Nodes.JsonObject();
        foreach (var (name, s) in report.Articles.Select(a => (a.Name, a.Scores)).Append(("overall", report.Overall)))
        {
            rows[name] = new System.Text.Json.Nodes.JsonObject
            {
                ["precision"] = Floor(s.Precision), ["recall"] = Floor(s.Recall), ["f1"] = Floor(s.F1),
                ["speakerAccuracy"] = Floor(s.SpeakerAccuracy), ["kindAccuracy"] = Floor(s.KindAccuracy),
                ["placePrecision"] = Floor(s.PlacePrecision), ["placeRecall"] = Floor(s.PlaceRecall),
                ["dateAccuracy"] = Floor(s.DateAccuracy), ["exactSpans"] = Floor(s.ExactSpanShare),
            };
        }

        root[m.ToString().ToLowerInvariant()] = rows;
    }

    File.WriteAllText(path, root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    Console.WriteLine($"wrote {path}");
    return 0;
}

if (mode == "speed")
{
    // Warm up, then time whole passes over the gold texts on this one thread.
    var inputs = gold.Select(g => g.Input).ToList();
    var chars = inputs.Sum(i => (long)i.Text.Length);
    foreach (var i in inputs)
    {
        extractor.Extract(i, KnownEntities.Empty, gazetteer);
    }

    var passes = 0;
    var sw = Stopwatch.StartNew();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    while (sw.Elapsed < TimeSpan.FromSeconds(5))
    {
        foreach (var i in inputs)
        {
            extractor.Extract(i, KnownEntities.Empty, gazetteer);
        }

        passes++;
    }

    sw.Stop();
    var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    var total = chars * passes;
    Console.WriteLine(string.Create(inv, $"gazetteer load: {load.Elapsed.TotalSeconds:0.00} s ({gazetteer.CityCount} cities)"));
    Console.WriteLine(string.Create(inv, $"{inputs.Count} articles, {chars} characters, {passes} passes in {sw.Elapsed.TotalSeconds:0.00} s (CPU {cpuUsed.TotalSeconds:0.00} s)"));
    Console.WriteLine(string.Create(inv, $"throughput: {total / sw.Elapsed.TotalSeconds:0} characters/s of wall-clock time on one thread; {sw.Elapsed.TotalMilliseconds / (passes * inputs.Count):0.00} ms per article"));
    Console.WriteLine(string.Create(inv, $"throughput: {total / cpuUsed.TotalSeconds:0} characters per CPU-second (the process's CPU time, which is below the wall-clock time when the machine is shared)"));
    return 0;
}

Console.Error.WriteLine("usage: eval | ratchet [PATH] | speed | end-to-end [RUNS]");
return 2;

static double Floor(double value) => Math.Floor(value * 1000) / 1000;
