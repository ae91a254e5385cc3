using KnowledgeBase.Cli;
using KnowledgeBase.Cli.Commands;
using KnowledgeBase.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;

using var services = new ServiceCollection().AddKnowledgeBase().BuildServiceProvider();
var root = CliRoot.Create(
    IngestCommand.Create(services),
    SearchCommand.Create(),
    AskCommand.Create(),
    ListCommand.Create(),
    ShowCommand.Create(),
    DeleteCommand.Create(),
    ReindexCommand.Create(services),
    EvalCommand.Create());
return await root.Parse(args).InvokeAsync();
