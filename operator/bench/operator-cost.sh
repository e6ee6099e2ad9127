#!/usr/bin/env bash
# Operator cost at N apps (default 500) with simulated pods at the default 15 s telemetry interval.
#
# Builds the operator (production profile, server-side apply off because the Fabric8 mock API server does not
# support it: a build-time switch), starts the world around it in a second JVM (OperatorCostHarness: mock API
# server in CRUD mode with N apps and one Ready pod each on 127.0.0.1 serving a real /q/metrics capture, a real
# in-JVM Kafka broker for the StreamApps), runs the operator jar with the chart's JVM options, waits WARMUP
# seconds, then measures the operator process alone over WINDOW seconds from /proc: CPU cores used
# (utime+stime ticks / CLK_TCK / WINDOW), RSS at the end and its peak (VmHWM). Prints the figures and the load.
#
#   operator/bench/operator-cost.sh                 # 500 apps, 180 s warm-up, 120 s window
#   APPS=100 WARMUP=90 WINDOW=60 operator/bench/operator-cost.sh
#   JVM_OPTS="-XX:+UseSerialGC -Xmx512m" SKIP_BUILD=1 operator/bench/operator-cost.sh   # other JVM options, no rebuild
set -euo pipefail
cd "$(dirname "$0")/../.."
APPS=${APPS:-500}
WARMUP=${WARMUP:-180}
WINDOW=${WINDOW:-120}
# The chart's jvmOptions (helm/homeostat/values.yaml); override with JVM_OPTS.
CHART_VALUES=helm/homeostat/values.yaml
if [ -z "${JVM_OPTS:-}" ] && [ -f "$CHART_VALUES" ]; then
  JVM_OPTS=$(sed -n 's/^jvmOptions: *"\(.*\)"/\1/p' "$CHART_VALUES")
fi
JVM_OPTS=${JVM_OPTS:-"-XX:+UseSerialGC -Xms64m -Xmx160m -Xss512k -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=32m -XX:+ExitOnOutOfMemoryError"}
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
WORK=$(mktemp -d /tmp/homeostat-bench-XXXXXX)

if [ -z "${SKIP_BUILD:-}" ]; then   # SKIP_BUILD=1 reuses the previous run's build
  ./mvnw -B -q -pl operator -am package -DskipTests \
    -Dquarkus.operator-sdk.enable-ssa=false -Dquarkus.package.output-directory=bench-app
  ./mvnw -B -q -pl operator -am test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/operator/target/bench-classpath.txt"
fi
cp operator/target/bench-classpath.txt "$WORK/classpath.txt"
# The harness installs the generated CRDs; the bench-app build above does not write them, a test run does.
for crd in streamapps microservices; do
  [ -f "operator/target/kubernetes/$crd.homeostat.dev-v1.yml" ] || {
    echo "operator/target/kubernetes/$crd.homeostat.dev-v1.yml missing: run the operator's tests once, e.g." \
      "./mvnw -B -pl operator -am test -Dtest=GeneratedCrdTest -Dsurefire.failIfNoSpecifiedTests=false" >&2; exit 1; }
done

cleanup() {
  [ -n "${OPERATOR_PID:-}" ] && kill "$OPERATOR_PID" 2>/dev/null || true
  [ -n "${HARNESS_PID:-}" ] && kill "$HARNESS_PID" 2>/dev/null || true
}
trap cleanup EXIT

"$JAVA" -Xmx1g -cp "operator/target/test-classes:operator/target/classes:$(cat "$WORK/classpath.txt")" \
  dev.homeostat.operator.bench.OperatorCostHarness "$APPS" "$WORK/harness.env" > "$WORK/harness.log" 2>&1 &
HARNESS_PID=$!
for _ in $(seq 1 300); do [ -s "$WORK/harness.env" ] && break; sleep 1; done
[ -s "$WORK/harness.env" ] || { echo "harness did not start, see $WORK/harness.log" >&2; exit 1; }
# shellcheck disable=SC1091
. "$WORK/harness.env"
HTTP_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

# Profile "bench" = production settings without leader election: the mock API server rejects the
# SelfSubjectRulesReview the election's permission check sends. One replica, so it always acts.
QUARKUS_PROFILE=bench \
JAVA_TOOL_OPTIONS="$JVM_OPTS" \
QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL="$API" \
QUARKUS_KUBERNETES_CLIENT_NAMESPACE=bench \
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$HTTP_PORT" \
HOMEOSTAT_LEADER_ELECTION_LEASE_NAMESPACE=bench \
QUARKUS_LOG_LEVEL=WARN \
  "$JAVA" -jar operator/target/bench-app/quarkus-run.jar > "$WORK/operator.log" 2>&1 &
OPERATOR_PID=$!
echo "operator pid $OPERATOR_PID, $APPS apps, JVM options: $JVM_OPTS (logs in $WORK)"
sleep "$WARMUP"
kill -0 "$OPERATOR_PID" 2>/dev/null || { echo "operator exited during warm-up: $(grep -m1 -E 'Terminating due to|ERROR' "$WORK/operator.log")" >&2; exit 1; }

ticks() { awk '{print $14 + $15}' "/proc/$OPERATOR_PID/stat"; }
HZ=$(getconf CLK_TCK)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
T0=$(ticks); S0=$(date +%s.%N)
sleep "$WINDOW"
T1=$(ticks); S1=$(date +%s.%N)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
RSS_KB=$(awk '/VmRSS/ {print $2}' "/proc/$OPERATOR_PID/status")
HWM_KB=$(awk '/VmHWM/ {print $2}' "/proc/$OPERATOR_PID/status")
METRICS=$(curl -s "http://127.0.0.1:$HTTP_PORT/q/metrics" || true)
WITH_RATE=$(grep -c '^homeostat_processed_rate{' <<< "$METRICS" || true)
MEASURED=$(grep '^homeostat_processed_rate{' <<< "$METRICS" | grep -vc ' NaN$' || true)

awk -v t0="$T0" -v t1="$T1" -v s0="$S0" -v s1="$S1" -v hz="$HZ" -v rss="$RSS_KB" -v hwm="$HWM_KB" \
    -v apps="$APPS" -v window="$WINDOW" 'BEGIN {
  printf "apps: %d, window: %.0f s after warm-up\n", apps, s1 - s0
  printf "operator CPU: %.3f cores\n", (t1 - t0) / hz / (s1 - s0)
  printf "operator RSS: %.0f MiB (peak %.0f MiB)\n", rss / 1024, hwm / 1024
}'
echo "apps with a homeostat_processed_rate series: $WITH_RATE (measured, not NaN: $MEASURED)"
echo "load average before/after the window: $LOAD_BEFORE / $LOAD_AFTER on $(nproc) cores"
