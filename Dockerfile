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
# Charts are drawn in-process and need fonts (fontconfig finds them).
RUN apt-get update \
    && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin salesmeter \
    && mkdir -p /data \
    && chown salesmeter /data
WORKDIR /app
COPY --from=build /src/target/salesmeter.jar /app/salesmeter.jar
USER salesmeter
ENV SALESMETER_DATABASE_PATH=/data/salesmeter.db
VOLUME ["/data"]
# Chat tokens come from the environment (docker run -e SLACK_BOT_TOKEN=...); with none, the
# local console starts, so run it with -it to type commands.
ENTRYPOINT ["java", "-jar", "/app/salesmeter.jar"]
