# Production-like image: build with the Maven wrapper, run on a JRE. docker compose up uses it.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY db db
COPY src src
RUN ./mvnw -B -ntp -q package -DskipTests -Dspotless.check.skip=true

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 commerce
WORKDIR /app
COPY --from=build /src/target/whatsapp-commerce-*.jar app.jar
USER commerce
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
