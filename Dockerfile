# syntax=docker/dockerfile:1

# --- build: compile and package with the Maven wrapper --------------------------------
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY questions questions
RUN ./mvnw -B -q package -DskipTests

# --- run: a JRE, a non-root user, the bank beside the jar, the database on a volume ----
FROM eclipse-temurin:21-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl libgomp1 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app quizbot \
    && mkdir -p /app /data \
    && chown quizbot /data
WORKDIR /app
COPY --from=build /src/target/quizbot.jar quizbot.jar
COPY --from=build /src/questions questions
USER quizbot
ENV QUIZBOT_DATA_DIR=/data \
    QUIZBOT_BANK_PATH=/app/questions \
    QUIZBOT_CONSOLE_ENABLED=false
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/quizbot.jar"]
