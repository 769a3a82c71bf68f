# syntax=docker/dockerfile:1
# Stage 1: build the fat jar with Maven.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

# Stage 2: a slim JRE 17 image that only runs the jar.
FROM eclipse-temurin:17-jre
WORKDIR /app
RUN groupadd --system newswire && useradd --system --gid newswire --uid 10001 --home /app newswire \
 && mkdir -p /app/config /app/data && chown -R newswire:newswire /app
COPY --from=build /src/target/newswire.jar /app/newswire.jar
# Class Data Sharing: one training run records the classes the bot loads, so every later start maps them from
# /app/newswire.jsa instead of loading them again (start-up figures in BENCHMARKS.md).
RUN mkdir -p /tmp/train \
 && printf 'storage:\n  url: "jdbc:h2:file:/tmp/train/db"\nops:\n  enabled: false\nfeeds: []\n' > /tmp/train/newswire.yaml \
 && java -XX:ArchiveClassesAtExit=/app/newswire.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
      -jar /app/newswire.jar run --once --config /tmp/train/newswire.yaml \
 && rm -rf /tmp/train
COPY --chown=newswire:newswire config/ /app/config/
USER newswire
# config/newswire.yaml and the embedded database (./data, relative to /app) live outside the image.
VOLUME ["/app/config", "/app/data"]
ENV NEWSWIRE_CONFIG=/app/config/newswire.yaml
# The operations endpoint (/healthz, /readyz, /metrics) listens on all interfaces inside the container; publish it
# with -p 8080:8080 only where it should be reachable. (ops.bind in the YAML is overridden by this variable.)
ENV NEWSWIRE_OPS_BIND=0.0.0.0
EXPOSE 8080
# No curl/wget assumed in the JRE image: bash's /dev/tcp speaks enough HTTP/1.0 for a health probe.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${NEWSWIRE_OPS_PORT:-8080} && printf "GET /healthz HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 200 "' || exit 1
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/newswire.jsa", "-XX:MaxRAMPercentage=75", "-jar", "/app/newswire.jar"]
CMD ["run"]
