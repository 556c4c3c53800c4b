using Plotly.NET;

namespace LowRankSparse.Display;

/// <summary>
/// A chart as notebook output HTML without plotly.js in it: a div and a script that draws the chart with the page's plotly.js
/// (our runner's pages have it in their head) or, when the page has none, first loads <see cref="PlotlyAssets.FileName"/>
/// from the notebook's folder — relative to the page for a file (nbconvert's HTML beside the notebook), through the server's
/// <c>/files/</c> route in Jupyter. An output therefore costs the chart's JSON only; if the file cannot be loaded the div says so.
/// </summary>
public static class NotebookChart
{
    private const string Loader = """
        (function (id, figure, file) {
          function draw() { Plotly.newPlot(id, figure.data, figure.layout, figure.config); }
          if (window.Plotly) { draw(); return; }
          var queue = window.lowRankSparsePlotlyQueue = window.lowRankSparsePlotlyQueue || [];
          queue.push({ draw: draw, id: id });
          if (queue.length > 1) return;                                  // the first chart of the page is already loading it
          var here = /^https?:$/.test(location.protocol)                   // Jupyter serves a notebook's folder under /files/
            ? location.href.replace(/\/(?:(?:lab|doc)\/tree|notebooks)\//, "/files/") : location.href;   // the leftmost only: a folder may be called "notebooks"
          var amd = window.define; window.define = undefined;              // plotly.js would register as an AMD module (require.js pages) instead of window.Plotly
          var script = document.createElement("script");
          script.src = new URL(file, here).href;
          script.onload = function () { window.define = amd; queue.splice(0).forEach(function (c) { c.draw(); }); };
          script.onerror = function () {
            window.define = amd;
            queue.splice(0).forEach(function (c) {
              document.getElementById(c.id).textContent = "This chart needs " + file + " beside the notebook (NotebookSetup.Initialize() writes it " +
                "into the notebook's folder; `notebooks run` beside the notebooks it writes): " + script.src + " did not load.";
            });
          };
          document.head.appendChild(script);
        })
        """;

    /// <summary>The div and script of one chart.</summary>
    public static string Html(GenericChart chart)
    {
        string id = "chart-" + Guid.NewGuid().ToString("N");
        string figure = GenericChart.toJson(chart).Replace("</", "<\\/", StringComparison.Ordinal);   // no "</script>" inside the script
        return $"<div id=\"{id}\"></div>\n<script type=\"text/javascript\">{Loader}(\"{id}\", {figure}, \"{PlotlyAssets.FileName}\");</script>";
    }
}
