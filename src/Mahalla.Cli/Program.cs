using Mahalla.Cli;

// Table of contents of the command-line program: each command group lives in its own folder.
return args switch
{
    ["tlog", .. var rest] => await TlogCommands.RunAsync(rest),
    ["witness", .. var rest] => await WitnessCommands.RunAsync(rest),
    ["triage", .. var rest] => await TriageCommands.RunAsync(rest),
    _ => Usage.Print(),
};
