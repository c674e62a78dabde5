# The AnnotationGate GitHub Action. The SDK stage restores and publishes the CLI for linux-x64
# (which keeps only that platform's ONNX Runtime natives); the runtime stage runs it.
# Layer order: project files first, so a source change reuses the restore layer.
# No USER and no WORKDIR: the runner mounts the workspace as root and sets --workdir itself.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 \
    NUGET_PACKAGES=/root/.nuget/packages
COPY global.json Directory.Build.props Directory.Packages.props /src/
COPY src/AnnotationGate.Core/AnnotationGate.Core.csproj /src/src/AnnotationGate.Core/
COPY src/AnnotationGate.Embeddings/AnnotationGate.Embeddings.csproj /src/src/AnnotationGate.Embeddings/
COPY src/AnnotationGate.GitHub/AnnotationGate.GitHub.csproj /src/src/AnnotationGate.GitHub/
COPY src/AnnotationGate.Cli/AnnotationGate.Cli.csproj /src/src/AnnotationGate.Cli/
# No vulnerability audit here: with warnings as errors, a new advisory would break every user's job.
# The project's own CI audits the same package versions.
# NUGET_SOURCE lets a machine without nuget.org restore from a folder of packages that it mounts
# at build time (tests/container/smoke.sh does so); the default is nuget.org.
ARG NUGET_SOURCE=https://api.nuget.org/v3/index.json
RUN dotnet restore /src/src/AnnotationGate.Cli/AnnotationGate.Cli.csproj -r linux-x64 -p:NuGetAudit=false \
        --source "$NUGET_SOURCE"
# Core embeds the committed gate schema from docs/.
COPY docs/gate.schema.json /src/docs/
COPY src/ /src/src/
RUN dotnet publish /src/src/AnnotationGate.Cli/AnnotationGate.Cli.csproj --no-restore \
        -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=false -o /app

FROM mcr.microsoft.com/dotnet/runtime:10.0
# ONNX Runtime records telemetry on Linux unless this is set before the native library loads.
ENV ORT_DISABLE_TELEMETRY=1 \
    DOTNET_NOLOGO=1
COPY --from=build /app /app
ENTRYPOINT ["dotnet", "/app/annotationgate.dll", "github"]
