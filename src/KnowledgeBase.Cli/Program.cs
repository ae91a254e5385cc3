using KnowledgeBase.Cli;
using KnowledgeBase.Cli.Commands;
using KnowledgeBase.Cli.Commands.Cluster;
using KnowledgeBase.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;

var settings = CliSettings.FromEnvironment();
using var services = new ServiceCollection().AddKnowledgeBase(settings.Embeddings, settings.Search, ocr: settings.Ocr).AddSingleton(settings.Answers).BuildServiceProvider();
var root = CliRoot.Create(
    IngestCommand.Create(services),
    SearchCommand.Create(services),
    AskCommand.Create(services),
    CompareCommand.Create(),
    ListCommand.Create(),
    ShowCommand.Create(),
    DeleteCommand.Create(),
    ReindexCommand.Create(services),
    EvalCommand.Create(services),
    ClusterCommand.Create(services));
return await root.Parse(args).InvokeAsync();
