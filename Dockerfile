# The API, built in one stage and run in another that needs no network.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# npm fetches the Banana Cake Pop bundle during the build; the running image only serves it.
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig KnowledgeGraph.sln ./
COPY data/ data/
COPY schema/ schema/
COPY src/ src/
RUN dotnet publish src/KnowledgeGraph.Api -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /app/.data && chown app /app/.data
USER app
ENV KG_URLS=http://0.0.0.0:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "KnowledgeGraph.Api.dll"]
