using System.Text.Json;
using System.Text.Json.Nodes;
using LowRankSparse.Tests.Interactive;

namespace LowRankSparse.Tests.Hosts;

/// <summary>
/// A teaching notebook run the way a user runs it in a real front end: Debian's classic Jupyter Notebook server (on 127.0.0.1, a random
/// token, the port the server picks itself and writes into its runtime file) opened in headless Chromium driven by Selenium
/// (chromedriver), the parameters cell followed by <c>Quick = true;</c>, then Cell ▸ Run All; when no cell is still queued it reads every
/// output off the page's own notebook model, the command line of the kernelspec the server started (from its /api/kernelspecs) and dumps the
/// page's DOM. The notebook is served from the repository's notebooks/ folder (its
/// setup cell loads ../src/…) with autosave turned off before anything runs and checkpoints kept in the test's folder; nothing is saved: the caller checks the
/// file is unchanged.
/// </summary>
internal sealed record ClassicFrontEnd(string Kernel, IReadOnlyList<string> KernelArgv, int CodeCells, int NotExecuted, int Problems, string FirstProblem, int ChartOutputs,
    string Dom, string Screenshot, string Log)
{
    private const string Script = """"
        import json, os, signal, subprocess, sys, time, secrets, urllib.request
        from selenium import webdriver
        notebooks, name, folder = sys.argv[1], sys.argv[2], sys.argv[3]
        runtime = os.environ["JUPYTER_RUNTIME_DIR"]
        token = secrets.token_hex(16)
        log = open(os.path.join(folder, "server.log"), "w")
        server = subprocess.Popen(["jupyter-notebook", "--no-browser", "--allow-root", "--ip=127.0.0.1", "--port=8888", "--port-retries=200",
                                   "--NotebookApp.token=" + token, "--notebook-dir=" + notebooks,
                                   "--FileCheckpoints.root_dir=" + os.path.join(folder, "checkpoints")], stdout=log, stderr=subprocess.STDOUT)
        def until(what, check, seconds):
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                value = check()
                if value: return value
                time.sleep(0.5)
            raise SystemExit("timed out waiting for " + what)
        driver = None
        try:
            info = os.path.join(runtime, "nbserver-%d.json" % server.pid)
            url = until("the server's runtime file", lambda: os.path.exists(info) and json.load(open(info)).get("url"), 300)
            o = webdriver.ChromeOptions()
            for a in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1100"]: o.add_argument(a)
            driver = webdriver.Chrome(options=o)
            driver.set_script_timeout(60)
            driver.get(url + "notebooks/" + name + ".ipynb?token=" + token)
            until("the notebook's kernel", lambda: driver.execute_script(
                "return typeof Jupyter !== 'undefined' && !!Jupyter.notebook && !!Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()"), 300)
            driver.execute_script("""
                Jupyter.notebook.set_autosave_interval(0);
                var cells = Jupyter.notebook.get_cells();
                var at = cells.findIndex(c => ((c.metadata || {}).tags || []).indexOf('parameters') >= 0);
                if (at < 0) throw new Error('no parameters cell');
                Jupyter.notebook.insert_cell_at_index('code', at + 1).set_text('Quick = true;');
                Jupyter.notebook.execute_all_cells();""")
            until("the cells to finish", lambda: driver.execute_script(
                "return Jupyter.notebook.get_cells().filter(c => c.cell_type == 'code' && c.input_prompt_number === '*').length == 0"), 1500)
            cells = driver.execute_script("return Jupyter.notebook.get_cells().filter(c => c.cell_type == 'code')" +
                                          ".map(c => ({prompt: c.input_prompt_number, outputs: c.output_area.outputs}))")
            kernel = driver.execute_script("return Jupyter.notebook.kernel.name")
            specs = json.load(urllib.request.urlopen(url + "api/kernelspecs?token=" + token, timeout=60))["kernelspecs"]
            argv = specs[kernel]["spec"]["argv"] if kernel in specs else []
            driver.execute_script("var p = document.querySelector('.js-plotly-plot'); if (p) p.scrollIntoView();")
            time.sleep(1)
            driver.save_screenshot(os.path.join(folder, "page.png"))
            open(os.path.join(folder, "page.html"), "w").write(driver.page_source)
            json.dump({"kernel": kernel, "argv": argv, "cells": cells}, open(os.path.join(folder, "cells.json"), "w"))
        finally:
            if driver is not None: driver.quit()
            server.send_signal(signal.SIGTERM)      # the server shuts its kernels down on SIGTERM
            try: server.wait(60)
            except subprocess.TimeoutExpired: server.kill()
        """";

    /// <param name="environment">JUPYTER_* folders holding the kernelspecs (<see cref="Kernelspecs"/>).</param>
    public static ClassicFrontEnd Run(string name, string folder, IDictionary<string, string> environment)
    {
        string python = HostTools.ClassicPython ?? throw new InvalidOperationException($"the classic front end is not installed ({HostTools.ClassicInstall})");
        string script = Path.Combine(folder, "classic.py");
        File.WriteAllText(script, Script);
        var run = ChildProcess.Run(python, [script, TestPaths.Notebooks, name, folder], folder, environment, TimeSpan.FromMinutes(30));
        string cellsFile = Path.Combine(folder, "cells.json");
        if (run.ExitCode != 0 || !File.Exists(cellsFile))
            throw new InvalidOperationException($"the classic front end failed on {name} (exit {run.ExitCode}):\n{run.Output}\n{ServerLog(folder)}");
        var json = JsonNode.Parse(File.ReadAllText(cellsFile))!;
        var cells = json["cells"]!.AsArray().OfType<JsonObject>().ToList();
        var outputs = cells.SelectMany(c => c["outputs"]!.AsArray().OfType<JsonObject>()).ToList();
        var problems = outputs.Where(JupyterRun.IsProblem).ToList();
        return new ClassicFrontEnd(
            (string?)json["kernel"] ?? "",
            json["argv"]?.AsArray().Select(a => (string?)a ?? "").ToList() ?? [],
            cells.Count,
            cells.Count(c => c["prompt"]?.GetValueKind() != JsonValueKind.Number),
            problems.Count,
            problems.Select(JupyterRun.Describe).FirstOrDefault() ?? "",
            outputs.Count(JupyterRun.IsChart),
            Path.Combine(folder, "page.html"), Path.Combine(folder, "page.png"), run.Output);
    }

    private static string ServerLog(string folder) =>
        File.Exists(Path.Combine(folder, "server.log")) ? "server log:\n" + File.ReadAllText(Path.Combine(folder, "server.log")) : "";
}
