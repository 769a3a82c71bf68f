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
COPY --chown=newswire:newswire config/ /app/config/
USER newswire
# config/newswire.yaml and the embedded database (./data, relative to /app) live outside the image.
VOLUME ["/app/config", "/app/data"]
ENV NEWSWIRE_CONFIG=/app/config/newswire.yaml
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/newswire.jar"]
CMD ["run"]
