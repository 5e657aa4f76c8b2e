# Salesmeter: build the jar with Maven, run it on a slim Java 17 runtime as a non-root user.
# The SQLite event log lives on the /data volume; back that up.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
# Dependencies first, so a source change does not download them again.
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# Charts are drawn in-process and need fonts (fontconfig finds them); curl is for HEALTHCHECK.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core curl \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin salesmeter \
    && mkdir -p /data \
    && chown salesmeter /data
COPY --from=build /src/target/salesmeter.jar /app/salesmeter.jar
USER salesmeter
# Everything Salesmeter writes goes to the volume, never into the image's folders: the database,
# the console's charts (./charts) and line history (~), and sqlite-jdbc's native library (tmpdir).
WORKDIR /data
ENV HOME=/data \
    SALESMETER_DATABASE_PATH=/data/salesmeter.db
# Memory: within 256 MB resident with a 1M-event database (README, "Memory"). A fixed heap and
# metaspace, the serial collector (no parallel GC threads or their structures), two cores' worth of
# JIT and GC threads, small thread stacks, and two malloc arenas instead of one per core for
# SQLite's native memory. MemoryBenchmark reads JAVA_OPTS from this line: keep it on one line.
ENV JAVA_OPTS="-Xms32m -Xmx128m -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=32m -Xss512k -XX:+UseSerialGC -XX:ActiveProcessorCount=2" \
    MALLOC_ARENA_MAX=2
VOLUME ["/data"]
# 3000: the public listener (the dashboard, the JSON API, Slack's HTTP mode); 8081: /healthz,
# /readyz, /metrics. Both bind every interface of the container, so that a proxy, Prometheus or an
# orchestrator can reach them; publish 8081 only on a private network.
ENV SALESMETER_MANAGEMENT_BIND=0.0.0.0 \
    SALESMETER_HTTP_BIND=0.0.0.0
EXPOSE 3000 8081
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${SALESMETER_MANAGEMENT_PORT:-8081}/healthz" || exit 1
# Chat tokens come from the environment (docker run -e SLACK_BOT_TOKEN=...); with none, the
# local console starts, so run it with -it to type commands.
# A shell expands JAVA_OPTS (an operator may override it) and then becomes java itself (exec), so
# java gets the signals; arguments to `docker run` go to Salesmeter.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -Djava.io.tmpdir=/data -jar /app/salesmeter.jar \"$@\"", "salesmeter"]
