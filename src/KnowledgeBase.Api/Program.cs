using KnowledgeBase.Api.Cluster;
using KnowledgeBase.Api.Configuration;
using KnowledgeBase.Api.Endpoints;
using KnowledgeBase.Api.Http;
using KnowledgeBase.Api.Telemetry;

var builder = ServiceHost.CreateBuilder(args);
builder.Configuration.AddKbEnvironmentVariables();
builder.AddKnowledgeBaseOptions();
builder.AddKnowledgeBaseServices();
builder.AddKnowledgeBaseHttp();
builder.AddKnowledgeBasePage();
builder.AddKnowledgeBaseTelemetry();
builder.AddKnowledgeBaseCluster();

var app = builder.Build();
app.UseKnowledgeBasePage();
app.UseKnowledgeBaseHttp();
app.UseKnowledgeBaseCluster();
app.MapSearchEndpoints();
app.MapAskEndpoints();
app.MapCompareEndpoints();
app.MapDocumentEndpoints();
app.MapJobEndpoints();
app.MapCollectionEndpoints();
app.MapOperationsEndpoints();
app.Run();
