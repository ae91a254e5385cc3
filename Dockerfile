# Build stage: restore and publish the kb command.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/KnowledgeBase.Cli -c Release -o /app

# Runtime stage: the published CLI, the sample corpus, the index on a volume, a non-root user.
FROM mcr.microsoft.com/dotnet/runtime:10.0
WORKDIR /app
COPY --from=build /app .
COPY corpus /app/corpus
ENV KB_INDEX=/data/index
RUN mkdir -p /data && chown app:app /data
VOLUME /data
USER app
ENTRYPOINT ["dotnet", "/app/kb.dll"]
CMD ["ingest", "/app/corpus"]
