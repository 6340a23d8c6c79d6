#!/usr/bin/env bash
# Fuzzes every Jazzer target (each @FuzzTest method under src/test/java) for a set time, one JVM
# per target with a 256 MiB heap, so that an input needing more memory is a finding (OutOfMemoryError).
#
#   .ci/fuzz.sh [SECONDS] [FILTER]      SECONDS per target (default: $FUZZ_SECONDS, else 60);
#                                       FILTER: only targets whose Class#method contains it
#
# `mvn verify` replays the committed inputs in regression mode; this script is the fuzzing mode
# (JAZZER_FUZZ=1). A finding (an undocumented exception, a hang past FUZZ_INPUT_TIMEOUT, default
# 10 s, or memory past the heap) fails the target; Jazzer writes the input as crash-<sha1> into the
# target's Inputs directory (src/test/resources/<package>/<Class>Inputs/<method>/), where it is a
# regression input from then on: commit it with the fix. Inputs that found new coverage go to
# .cifuzz-corpus/ (not committed). Logs: target/fuzz/<Class>.<method>.log. Exit 1 on any finding.
set -uo pipefail
cd "$(dirname "$0")/.."

secs="${1:-${FUZZ_SECONDS:-60}}"
filter="${2:-}"
case "$secs" in ''|*[!0-9]*) echo "fuzz: SECONDS must be a whole number, was '$secs'"; exit 2 ;; esac

mvn -B -q test-compile || exit 2
mkdir -p target/fuzz

# Class#method for each @FuzzTest: the annotation, then the next method declaration.
targets=$(grep -rl '@FuzzTest' src/test/java | sort | while read -r f; do
    cls=$(echo "${f#src/test/java/}" | sed 's/\.java$//; s#/#.#g')
    awk -v cls="$cls" '/@FuzzTest/ {want=1; next}
        want && match($0, /void [A-Za-z0-9_]+\(/) {print cls "#" substr($0, RSTART+5, RLENGTH-6); want=0}' "$f"
done)

findings=0
summary=()
for t in $targets; do
    [[ -n "$filter" && "$t" != *"$filter"* ]] && continue
    cls=${t%#*}; method=${t#*#}
    inputs="src/test/resources/$(echo "${cls}" | tr . /)Inputs/$method"
    mkdir -p "$inputs"
    before=$(ls "$inputs" | sort)
    log="target/fuzz/${cls##*.}.$method.log"
    start=$(date +%s)
    # Hooks (off for regression runs, junit-platform.properties) guide the fuzzer and run the bug detectors.
    # Jazzer turns JUnit's default timeout into libFuzzer's per-input -timeout; JUnit's own timeouts
    # are disabled, or JUnit would also end the whole fuzzing run after that time.
    JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${secs}s" \
    JAZZER_INSTRUMENTATION_INCLUDES='org.ferryftp.**:org.apache.commons.net.**:com.fasterxml.jackson.**' \
    JAZZER_CUSTOM_HOOK_INCLUDES='org.ferryftp.**:org.apache.commons.net.**:com.fasterxml.jackson.**' \
        mvn -B -o surefire:test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
            -DargLine="-Xmx256m -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=target/fuzz" \
            -Djazzer.hooks=true -Djunit.jupiter.execution.timeout.default="${FUZZ_INPUT_TIMEOUT:-10}s" \
            -Djunit.jupiter.execution.timeout.mode=disabled >"$log" 2>&1
    rc=$?
    took=$(( $(date +%s) - start ))
    execs=$(grep -o 'Done [0-9]* runs' "$log" | tail -1)
    new=$(comm -13 <(echo "$before") <(ls "$inputs" | sort) | sed "s#^#$inputs/#")
    if [[ $rc -ne 0 || -n "$new" ]]; then
        findings=1
        summary+=("FINDING $t (${took}s${execs:+, $execs}); log $log${new:+; new input(s): $new}")
    else
        summary+=("ok      $t (${took}s${execs:+, $execs})")
    fi
done

printf '%s\n' "${summary[@]}"
[[ $findings -eq 0 ]] && echo "fuzz: no findings" || echo "fuzz: findings above; fix them and commit the inputs"
exit $findings
