#!/usr/bin/env bash
# deploy/run-local.sh N PORT: N playground processes behind nginx on http://127.0.0.1:PORT/.
#
# Each process is `streamlit run app.py` on a free loopback port; nginx (Debian's package)
# runs with its own generated config (deploy/nginx_conf.py), pid, logs and temp files in
# one run folder, not /etc/nginx. Waits until every process answers /_stcore/health, prints
# "ready", and stops everything on Ctrl-C / SIGTERM, or when any of them exits.
#
# Environment: PLAYGROUND_RUN_DIR  the run folder (default: a new temporary one, kept for
#                                  its logs: access.log, error.log, streamlit-<i>.log)
#              PYTHON              the Python with the app's requirements (default: python3)
#              NGINX               the nginx executable (default: nginx on PATH, or /usr/sbin/nginx)
set -euo pipefail

usage() { echo "usage: $0 N PORT   (N processes, 1-32; nginx on 127.0.0.1:PORT)" >&2; exit 2; }
[[ $# -eq 2 && $1 =~ ^[0-9]+$ && $2 =~ ^[0-9]+$ ]] || usage
(( $1 >= 1 && $1 <= 32 && $2 >= 1 && $2 <= 65535 )) || usage
count=$1
port=$2
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
python=${PYTHON:-python3}
run_dir=${PLAYGROUND_RUN_DIR:-$(mktemp -d -t playground-run.XXXXXX)}
mkdir -p "$run_dir"
run_dir=$(cd "$run_dir" && pwd)
# Debian puts nginx in /usr/sbin, which a non-root PATH often lacks.
nginx=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
[[ -x $nginx ]] || { echo "nginx is missing: apt-get install -y nginx" >&2; exit 1; }

pids=()
nginx_pid=
stop() {
  trap - EXIT INT TERM
  # Streamlit stops on SIGTERM; nginx's master on SIGQUIT after its workers finish.
  [[ -n $nginx_pid ]] && kill -QUIT "$nginx_pid" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  local deadline=$((SECONDS + 10))
  for pid in "${pids[@]}" $nginx_pid; do
    while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  echo "stopped (logs in $run_dir)"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Free loopback ports for the processes (asked of the kernel, then released).
read -r -a ports <<< "$("$python" - "$count" <<'EOF'
import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
)"

upstreams=()
cd "$repo"
for i in "${!ports[@]}"; do
  "$python" -m streamlit run app.py --server.headless true --server.address 127.0.0.1 \
    --server.port "${ports[$i]}" >"$run_dir/streamlit-$i.log" 2>&1 &
  pids+=($!)
  echo "$!" >"$run_dir/streamlit-$i.pid"
  upstreams+=("127.0.0.1:${ports[$i]}")
done
printf '%s\n' "${upstreams[@]}" >"$run_dir/upstreams"

user_arg=()
if [[ $(id -u) -eq 0 ]]; then
  # nginx's workers drop to nobody: they must reach the run folder (temp files live there).
  chmod 755 "$run_dir"
  user_arg=(--user "nobody nogroup")
fi
"$python" deploy/nginx_conf.py --listen "127.0.0.1:$port" --run-dir "$run_dir" \
  "${user_arg[@]}" "${upstreams[@]}" >"$run_dir/nginx.conf"
nginx_args=(-p "$run_dir" -c "$run_dir/nginx.conf" -e "$run_dir/error.log")
"$nginx" -t -q "${nginx_args[@]}"
"$nginx" "${nginx_args[@]}" &
nginx_pid=$!

healthy() { curl -fs --max-time 2 -o /dev/null "http://$1/_stcore/health"; }
deadline=$((SECONDS + 90))
for target in "${upstreams[@]}" "127.0.0.1:$port"; do
  until healthy "$target"; do
    for pid in "${pids[@]}" "$nginx_pid"; do
      kill -0 "$pid" 2>/dev/null || { echo "a process exited early; see $run_dir" >&2; exit 1; }
    done
    (( SECONDS < deadline )) || { echo "$target not healthy in 90 s; see $run_dir" >&2; exit 1; }
    sleep 0.2
  done
done
echo "ready: http://127.0.0.1:$port/ -> ${upstreams[*]} (run folder $run_dir)"

# Until a signal, or until any process ends (then stop the others too).
set +e
wait -n "${pids[@]}" "$nginx_pid"
echo "a process exited (code $?); stopping" >&2
exit 1
