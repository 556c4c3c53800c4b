using System.CommandLine;
using LowRankSparse.Display;
using LowRankSparse.Interactive.Engine;
using LowRankSparse.Interactive.Kernel;
using NetMQ;

namespace LowRankSparse.Cli.Commands;

/// <summary><c>kernel</c>: the C# Jupyter kernel (started by Jupyter with a connection file), and its kernelspec install/uninstall.</summary>
internal static class KernelCommand
{
    public static Command Create()
    {
        var connectionFile = new Option<string>("--connection-file", "-f")
        {
            Description = "The connection file Jupyter wrote (ports, ip, signing key).",
            Required = true,
        };
        var allowUnsigned = new Option<bool>("--allow-unsigned") { Description = "Accept a connection file with an empty key (unsigned messages)." };
        var command = new Command("kernel", "Run the C# Jupyter kernel (messaging protocol 5.3); Jupyter starts it through the installed kernelspec.")
        {
            connectionFile, allowUnsigned,
        };
        command.SetAction(parse => Run(parse.GetValue(connectionFile)!, parse.GetValue(allowUnsigned)));
        command.Subcommands.Add(Install());
        command.Subcommands.Add(Uninstall());
        return command;
    }

    /// <summary>Serves until shutdown. A port 0 in the file is bound to a free port and written back before "kernel: listening".</summary>
    private static int Run(string connectionFile, bool allowUnsigned)
    {
        var requested = ConnectionInfo.Load(connectionFile, allowUnsigned);
        Console.SetIn(TextReader.Null);  // a cell's Console.ReadLine() gets null instead of blocking on Jupyter's pipe
        using (var kernel = new JupyterKernel(requested, Environment.CurrentDirectory, LibraryNotebookHost.Instance))
        {
            var bound = kernel.Connection;
            if (requested.HasUnassignedPorts) bound.WritePorts(connectionFile);
            kernel.Start();
            ConsoleRouter.OriginalError.WriteLine(
                $"kernel: listening on {bound.Ip} (shell {bound.ShellPort}, iopub {bound.IopubPort}, stdin {bound.StdinPort}, control {bound.ControlPort}, hb {bound.HbPort})");
            kernel.WaitForShutdown();
        }
        NetMQConfig.Cleanup(block: false);
        return 0;
    }

    private static Option<string> Name() => new("--name")
    {
        Description = $"Kernelspec name. Default: {KernelSpec.DefaultName}",
        DefaultValueFactory = _ => KernelSpec.DefaultName,
    };

    private static Command Install()
    {
        var user = new Option<bool>("--user") { Description = "Install for the current user (the only place this kernelspec goes; accepted for Jupyter's habit)." };
        var name = Name();
        var displayName = new Option<string>("--display-name")
        {
            Description = $"Name shown in Jupyter's kernel list. Default: {KernelSpec.DefaultDisplayName}",
            DefaultValueFactory = _ => KernelSpec.DefaultDisplayName,
        };
        var noAlias = new Option<bool>("--no-alias")
        {
            Description = $"Do not also install the kernel as '{KernelSpecAlias.Name}' (the name the notebooks carry) when Microsoft's kernel is absent.",
        };
        var command = new Command("install",
            "Install the kernelspec into $JUPYTER_DATA_DIR/kernels or ~/.local/share/jupyter/kernels; also as " +
            $"'{KernelSpecAlias.Name}' when no kernel of that name is installed, so Jupyter opens the notebooks without asking for a kernel.")
        {
            user, name, displayName, noAlias,
        };
        command.SetAction(parse =>
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "LowRankSparse.Cli.dll");
            string file = KernelSpec.Install(parse.GetValue(name)!, parse.GetValue(displayName)!, dll);
            Console.WriteLine($"installed kernelspec '{parse.GetValue(name)}': {file}");
            if (parse.GetValue(noAlias) || parse.GetValue(name) == KernelSpecAlias.Name) return 0;
            if (KernelSpecAlias.Existing() is { } other && !KernelSpecAlias.IsOurs(other))
            {
                Console.WriteLine($"kept the existing '{KernelSpecAlias.Name}' kernelspec ({other}): the notebooks open with it; pick '{parse.GetValue(displayName)}' to use this kernel");
                return 0;
            }
            string alias = KernelSpec.Install(KernelSpecAlias.Name, $"{parse.GetValue(displayName)} as {KernelSpecAlias.Name}", dll);
            Console.WriteLine($"installed kernelspec '{KernelSpecAlias.Name}' (the name the notebooks carry; no other kernel has it): {alias}");
            return 0;
        });
        return command;
    }

    private static Command Uninstall()
    {
        var name = Name();
        var command = new Command("uninstall", "Remove the kernelspec.") { name };
        command.SetAction(parse =>
        {
            bool removed = KernelSpec.Uninstall(parse.GetValue(name)!);
            Console.WriteLine(removed ? $"removed kernelspec '{parse.GetValue(name)}'" : $"no kernelspec '{parse.GetValue(name)}' in {KernelSpec.KernelsFolder()}");
            string alias = Path.Combine(KernelSpec.KernelsFolder(), KernelSpecAlias.Name, "kernel.json");
            if (parse.GetValue(name) != KernelSpecAlias.Name && File.Exists(alias) && KernelSpecAlias.IsOurs(alias) && KernelSpec.Uninstall(KernelSpecAlias.Name))
                Console.WriteLine($"removed kernelspec '{KernelSpecAlias.Name}' (ours)");
            return 0;
        });
        return command;
    }
}
