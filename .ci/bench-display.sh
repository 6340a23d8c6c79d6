# Sourced by the window benchmarks: bench_display N WORK sets DISPLAY to BENCH_DISPLAY when given (a running X
# display with a window manager), else starts Xvfb and openbox on :N (logs in WORK) and adds their pids to xpids.
bench_display() {
  if [ -n "${BENCH_DISPLAY:-}" ]; then
    export DISPLAY=$BENCH_DISPLAY
    return
  fi
  export DISPLAY=:$1
  [ ! -e "/tmp/.X$1-lock" ] || { echo "display :$1 is in use; set BENCH_DISPLAY to a display with a window manager" >&2; exit 1; }
  Xvfb ":$1" -screen 0 1600x1000x24 -nolisten tcp >"$2/xvfb.log" 2>&1 &
  xpids+=($!)
  for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
  openbox >"$2/openbox.log" 2>&1 &
  xpids+=($!)
  sleep 1
}
