using LowRankSparse.Interactive.Engine;

namespace LowRankSparse.Interactive.Tests;

[Collection(NotebookCollection.Name)]
public sealed class EngineTests
{
    [Fact]
    public void State_is_kept_across_cells_and_the_last_expression_is_the_result()
    {
        using var session = new EngineSession();
        var (first, outputs) = session.Run("int counter = 40;\nint Twice(int x) => 2 * x;");
        Assert.True(first.Succeeded);
        Assert.Empty(outputs);
        Assert.Equal("42", session.Value("counter += 2;\ncounter"));
        Assert.Equal("84", session.Value("Twice(counter)"));
        Assert.Equal(3, session.Engine.ExecutionCount);
    }

    [Fact]
    public void A_statement_with_a_semicolon_or_a_void_call_shows_no_result()
    {
        using var session = new EngineSession();
        Assert.Empty(session.Run("var x = 1; x;").Outputs.OfType<ExecuteResultOutput>());
        Assert.Empty(session.Run("Console.Write(\"\")").Outputs);
    }

    [Fact]
    public void Display_of_a_host_chart_gives_html_plotly_json_and_text()
    {
        using var session = new EngineSession();
        var (result, outputs) = session.Run("var chart = new TestChart(\"c1\");\ndisplay(chart);\ndisplay(\"just text\");");
        Assert.True(result.Succeeded, result.Error?.Value);
        var chart = Assert.IsType<DisplayOutput>(outputs[0]);
        Assert.True(chart.IsPlotlyChart);                                   // the host's HTML formatter draws with Plotly.newPlot
        Assert.Contains("Plotly.newPlot(\"c1\"", chart.Data[RichValue.Html]);
        Assert.Contains("\"title\": \"c1\"", chart.Data[RichValue.PlotlyJson]);   // and its Plotly JSON formatter is sent too
        Assert.Equal("TestChart", chart.Data[RichValue.Plain]);           // a rich object's text is its type name, not a property dump
        var text = Assert.IsType<DisplayOutput>(outputs[1]);
        Assert.Equal(new Dictionary<string, string> { [RichValue.Plain] = "just text" }, text.Data);
    }

    [Fact]
    public void Compiler_warnings_and_infos_go_to_stderr_as_in_Microsofts_kernel_and_the_cell_still_runs()
    {
        using var session = new EngineSession();
        var (result, outputs) = session.Run("#pragma warning disable CS1030\n#warning hidden\n#pragma warning restore CS1030\nvoid F() { int x; }\n#warning look here\n7");
        Assert.True(result.Succeeded, result.Error?.Value);
        string stderr = string.Concat(outputs.OfType<StreamOutput>().Where(o => o.Name == "stderr").Select(o => o.Text));
        Assert.Contains("warning CS1030: #warning: 'look here'", stderr);
        Assert.Contains("warning CS0168", stderr);                     // `int x;` declared, never used
        Assert.DoesNotContain("hidden", stderr);                      // a disabled warning is not shown
        Assert.Contains(outputs, o => o is ExecuteResultOutput);
    }

    [Fact]
    public void Console_output_is_captured_as_streams_in_order()
    {
        using var session = new EngineSession();
        var (_, outputs) = session.Run("Console.WriteLine(\"one\");\nConsole.Error.WriteLine(\"oops\");\nConsole.Write(\"two\");\ndisplay(3);\n5");
        Assert.Collection(outputs,
            o => Assert.Equal(new StreamOutput("stdout", "one\n"), o),
            o => Assert.Equal(new StreamOutput("stderr", "oops\n"), o),
            o => Assert.Equal(new StreamOutput("stdout", "two"), o),
            o => Assert.Equal("3", Assert.IsType<DisplayOutput>(o).Data[RichValue.Plain]),
            o => Assert.Equal(1, Assert.IsType<ExecuteResultOutput>(o).ExecutionCount));
    }

    [Fact]
    public void A_compilation_error_names_its_line_and_keeps_the_session()
    {
        using var session = new EngineSession();
        session.Run("int a = 1;");
        var (result, outputs) = session.Run("var b = 2;\nint c = \"text\";");
        Assert.Equal(CellStatus.Error, result.Status);
        Assert.Equal("CompilationError", result.Error!.Name);
        Assert.Equal(2, result.Error.Line);
        Assert.Contains("CS0029", result.Error.Value);
        Assert.Contains("line 2", result.Error.Value);
        Assert.Same(result.Error, outputs.Last());
        Assert.Equal("1", session.Value("a"));
    }

    [Fact]
    public void An_unknown_name_as_after_a_kernel_restart_says_to_run_the_setup_cells_again()
    {
        using var session = new EngineSession();                        // a fresh session: what a restarted kernel has
        var (result, _) = session.Run("var config = ConfigFiles.Load(\"quick\");");
        Assert.Equal("CompilationError", result.Error!.Name);
        Assert.Contains("CS0103", result.Error.Value);
        Assert.Contains(result.Error.Traceback, l => l.StartsWith("hint:") && l.Contains("after a kernel restart, run the notebook's first code cells again"));
        var (typeError, _) = session.Run("int c = \"text\";");          // other errors carry no such hint
        Assert.DoesNotContain(typeError.Error!.Traceback, l => l.StartsWith("hint:"));
    }

    [Fact]
    public void A_runtime_exception_names_the_failing_line()
    {
        using var session = new EngineSession();
        session.Run("void Fail() => throw new InvalidOperationException(\"boom\");");
        var (result, _) = session.Run("var kept = 7;\n\nFail();");
        Assert.Equal(CellStatus.Error, result.Status);
        Assert.Equal("System.InvalidOperationException", result.Error!.Name);
        Assert.Equal("boom", result.Error.Value);
        Assert.Equal(3, result.Error.Line);
        Assert.DoesNotContain(result.Error.Traceback, l => l.Contains("CodeAnalysis"));
        Assert.Equal("7", session.Value("kept"));
    }

    [Fact]
    public void A_timeout_stops_the_cell_and_the_engine_stays_usable()
    {
        // a generous grace: the sleeping loop wakes at once on interrupt, however busy the machine
        using var session = new EngineSession(grace: TimeSpan.FromSeconds(30));
        session.Run("int before = 1;");
        var (sleeping, _) = session.Run("while (true) { System.Threading.Thread.Sleep(10); }", TimeSpan.FromMilliseconds(300));
        Assert.Equal(CellStatus.Timeout, sleeping.Status);
        Assert.Equal("TimeoutError", sleeping.Error!.Name);
        Assert.DoesNotContain("abandoned", sleeping.Error.Value);
        Assert.Equal("2", session.Value("before + 1"));
    }

    [Fact]
    public async Task A_busy_loop_that_ignores_the_interrupt_is_abandoned_and_the_engine_stays_usable()
    {
        // A loop that never blocks cannot be stopped: the engine abandons its thread after the grace period. This one ends by
        // itself once the test releases it, so no thread keeps spinning on a core for the rest of the test run.
        string release = $"lrs.test.release.{Guid.NewGuid():N}", started = $"lrs.test.spinning.{Guid.NewGuid():N}",
            ended = $"lrs.test.ended.{Guid.NewGuid():N}";
        using var session = new EngineSession(grace: TimeSpan.FromMilliseconds(300));
        session.Run("int before = 1;");
        try
        {
            var spinning = session.Engine.ExecuteAsync(new CellRequest(
                $"AppDomain.CurrentDomain.SetData(\"{started}\", true);\n" +
                $"while (AppDomain.CurrentDomain.GetData(\"{release}\") is null) {{ }}\n" +
                $"AppDomain.CurrentDomain.SetData(\"{ended}\", true);"), new OutputCollector());
            Assert.True(await Until(() => AppDomain.CurrentDomain.GetData(started) is true || spinning.IsCompleted, TimeSpan.FromSeconds(300)),
                "the cell did not start");
            session.Engine.Interrupt();
            var result = await spinning.WaitAsync(TimeSpan.FromSeconds(120));
            Assert.Equal(CellStatus.Interrupted, result.Status);
            Assert.Contains("abandoned", result.Error!.Value);
            Assert.Contains("Restart the kernel to free the core", result.Error.Value);     // issue #25: what to do about the busy core
            Assert.Equal("2", session.Value("before + 1"));
        }
        finally
        {
            AppDomain.CurrentDomain.SetData(release, true);
        }
        Assert.True(await Until(() => AppDomain.CurrentDomain.GetData(ended) is true, TimeSpan.FromSeconds(60)),
            "the abandoned loop did not end after it was released");
    }

    [Fact]
    public async Task Interrupt_reaches_library_code_through_the_hosts_per_cell_token()
    {
        using var session = new EngineSession(grace: TimeSpan.FromSeconds(30));
        string started = $"lrs.test.host-token.{Guid.NewGuid():N}";
        // a busy loop that never blocks (a thread interrupt cannot wake it) and never sees the cell's own token: only the token the
        // host was given for this cell (as the library's training loops watch AmbientCancellation) can stop it
        string code = $"AppDomain.CurrentDomain.SetData(\"{started}\", true);\n" +
                      "long spins = 0;\nwhile (!TestHost.CellToken.IsCancellationRequested) spins++;\nspins";
        var running = session.Engine.ExecuteAsync(new CellRequest(code), new OutputCollector());
        Assert.True(await Until(() => AppDomain.CurrentDomain.GetData(started) is true || running.IsCompleted, TimeSpan.FromSeconds(300)),
            "the cell did not start");
        session.Engine.Interrupt();
        var result = await running.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Equal(CellStatus.Interrupted, result.Status);
        Assert.DoesNotContain("abandoned", result.Error!.Value);             // the loop stopped: no thread left behind
        Assert.Equal("False", session.Value("TestHost.CellToken.IsCancellationRequested"));   // the next cell has a token of its own
        Assert.False(TestHost.CellToken.CanBeCanceled);                     // and none leaks out of the cells
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or the deadline passes (waits for an event, never a fixed time).</summary>
    private static async Task<bool> Until(Func<bool> condition, TimeSpan deadline)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > deadline) return false;
            await Task.Delay(20);
        }
        return true;
    }

    [Fact]
    public async Task Interrupt_stops_a_sleeping_loop()
    {
        using var session = new EngineSession(grace: TimeSpan.FromSeconds(30));
        string started = $"lrs.test.sleeping.{Guid.NewGuid():N}";
        var running = session.Engine.ExecuteAsync(
            new CellRequest($"AppDomain.CurrentDomain.SetData(\"{started}\", true);\nwhile (true) {{ System.Threading.Thread.Sleep(10); }}"), new OutputCollector());
        Assert.True(await Until(() => AppDomain.CurrentDomain.GetData(started) is true || running.IsCompleted, TimeSpan.FromSeconds(300)),
            "the cell did not start");
        session.Engine.Interrupt();
        var result = await running.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Equal(CellStatus.Interrupted, result.Status);
        Assert.DoesNotContain("abandoned", result.Error!.Value);
        Assert.Equal("ok", session.Value("\"ok\""));
    }
}
