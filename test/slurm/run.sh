#!/usr/bin/env bash
# `npm run test:slurm`: runs the job arrays of examples/slurm/ on a real one-node Slurm cluster
# and checks that their merged outputs are byte for byte the single-process runs.
#
#  1. Installs Debian's slurm-wlm and munge when missing (as root, like .ci/run does chromium).
#  2. Writes a munge key, slurm.conf (one node with this machine's CPUs and memory from
#     `slurmd -C`, proctrack/linuxproc, no cgroups, select/cons_tres, free ports on 127.0.0.1)
#     into a temporary folder, and starts munged, slurmctld and slurmd on it.
#  3. Sweep: the array (sweep.sbatch) and the dependent merge (merge.sbatch, afterok), as the docs
#     show; the result must equal `treatylab sweep` run in one process.
#  4. Monte Carlo with faults: the array (montecarlo.sbatch); one task is cancelled (scancel)
#     mid-run; a merge over the incomplete outputs must refuse naming the missing shard; the task
#     is resubmitted (it resumes from its .jsonl), and the dependent merge must equal
#     `treatylab montecarlo` run in one process; an output of the same shard with another seed
#     must be refused naming the shard and the seed.
#  5. Cancels its jobs, stops the daemons it started by their process ids and removes the folder,
#     on success and on failure (trap).
#
# Prints `slurm: identical` on success; otherwise `slurm: FAILED: <reason>` and exits non-zero.
# TREATYLAB_SLURM_WAIT bounds each wait in seconds (default 300); TREATYLAB_SLURM_KEEP=1 keeps
# the temporary folder (logs) for a look.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
examples="$repo/examples/slurm"
wait_limit=${TREATYLAB_SLURM_WAIT:-300}
started=$SECONDS

say() { echo "slurm: [$((SECONDS - started)) s] $*"; }
fail() {
  echo "slurm: FAILED: $*" >&2
  exit 1
}

# ---- 1. install what is missing --------------------------------------------------------------
[ "$(id -u)" = 0 ] || fail "slurmd runs jobs as their users, so it (and this test) must run as root"
missing=()
command -v munged >/dev/null 2>&1 || missing+=(munge)
{ command -v slurmctld && command -v slurmd && command -v sbatch; } >/dev/null 2>&1 || missing+=(slurm-wlm)
if ((${#missing[@]})); then
  say "installing ${missing[*]}"
  apt-get update -qq || fail "apt-get update failed (the Debian package lists are needed to install ${missing[*]})"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || fail "apt-get install ${missing[*]} failed"
fi
if [ ! -f "$repo/dist/cli/main.cjs" ] || [ -n "$(find "$repo/src" -newer "$repo/dist/cli/main.cjs" -print -quit)" ]; then
  say "building dist/"
  build_log=$(mktemp -t treatylab-build.XXXXXX)
  (cd "$repo" && npm run build --silent >"$build_log" 2>&1) || { cat "$build_log" >&2; rm -f "$build_log"; fail "npm run build failed"; }
  rm -f "$build_log"
fi
cli=(node "$repo/dist/cli/main.cjs")

# ---- 2. a one-node cluster in a temporary folder ---------------------------------------------
tmp=$(mktemp -d -t treatylab-slurm.XXXXXX)
chmod 755 "$tmp" # munged's socket and the job's folder must be reachable
daemons=()       # "name:pid", in start order
bg=()

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  # The cluster is this test's alone: cancel whatever is left and let slurmd see it end (its
  # slurmstepd reports to slurmd, so slurmd stops only after that).
  if [ -n "${SLURM_CONF:-}" ] && [ -n "$(squeue -h 2>/dev/null)" ]; then
    squeue -h -o %A | xargs -r scancel >/dev/null 2>&1 || true
    for _ in $(seq 1 60); do
      [ -z "$(squeue -h 2>/dev/null)" ] && break
      sleep 0.5
    done
  fi
  local p
  # Single-process runs still going (a finished one is no longer among the shell's jobs).
  local running
  running=$(jobs -p)
  for p in "${bg[@]}"; do if grep -qx "$p" <<<"$running"; then kill "$p" 2>/dev/null || true; fi; done
  local i name pid
  for ((i = ${#daemons[@]} - 1; i >= 0; i--)); do
    name=${daemons[i]%%:*}
    pid=${daemons[i]#*:}
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "slurm: $name ($pid) did not stop on TERM; killing it" >&2
      kill -9 "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
  if [ "$code" != 0 ] && [ -d "$tmp" ]; then
    for f in "$tmp/log/"*.log "$tmp/work/logs/"*.out; do
      [ -f "$f" ] && { echo "---- ${f#"$tmp"/}" >&2; tail -n 15 "$f" >&2; }
    done
  fi
  if [ "${TREATYLAB_SLURM_KEEP:-}" = 1 ]; then echo "slurm: kept $tmp" >&2; else rm -rf "$tmp"; fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
ports=()
for p in $(seq $((20000 + ($$ % 4000) * 2)) 2 29998) $(seq 20000 2 29998); do
  if port_free "$p" && port_free $((p + 1)); then ports=("$p" $((p + 1))); break; fi
done
((${#ports[@]})) || fail "no two free ports on 127.0.0.1 between 20000 and 29999"

mkdir -p "$tmp/state" "$tmp/spool" "$tmp/log" "$tmp/work/logs"
head -c 1024 /dev/urandom >"$tmp/munge.key"
chmod 400 "$tmp/munge.key"
host=$(hostname -s)
# "NodeName=vm CPUs=2 Boards=1 SocketsPerBoard=1 CoresPerSocket=2 ThreadsPerCore=1 RealMemory=24105"
hw=$(slurmd -C | head -n 1 | sed -e 's/^NodeName=[^ ]* //')
[[ $hw == CPUs=* ]] || fail "could not read this machine's CPUs and memory from 'slurmd -C' (got: $hw)"
cat >"$tmp/slurm.conf" <<EOF
ClusterName=treatylab-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=${ports[0]}
SlurmdPort=${ports[1]}
SlurmUser=$(id -un)
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$tmp/munge.socket
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerParameters=kill_invalid_depend
MpiDefault=none
ReturnToService=2
KillWait=5
MinJobAge=3600
NodeName=treatylab-node NodeHostname=$host NodeAddr=127.0.0.1 $hw State=UNKNOWN
PartitionName=test Nodes=treatylab-node Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$tmp/slurm.conf"

munged -F --force --key-file="$tmp/munge.key" --socket="$tmp/munge.socket" --pid-file="$tmp/munged.pid" \
  --seed-file="$tmp/munged.seed" --log-file="$tmp/log/munged.log" >"$tmp/log/munged.log" 2>&1 &
daemons+=("munged:$!")
for _ in $(seq 1 40); do [ -S "$tmp/munge.socket" ] && break; sleep 0.25; done
[ -S "$tmp/munge.socket" ] || fail "munged did not start (see log/munged.log below)"
slurmctld -D -i -f "$tmp/slurm.conf" >"$tmp/log/slurmctld.out" 2>&1 &
daemons+=("slurmctld:$!")
slurmd -D -N treatylab-node -f "$tmp/slurm.conf" >"$tmp/log/slurmd.out" 2>&1 &
daemons+=("slurmd:$!")
state=""
for _ in $(seq 1 120); do
  state=$(sinfo -h -n treatylab-node -o %T 2>/dev/null || true)
  [ "$state" = idle ] && break
  for d in "${daemons[@]}"; do kill -0 "${d#*:}" 2>/dev/null || fail "${d%%:*} stopped while starting (see its log below)"; done
  sleep 0.5
done
[ "$state" = idle ] || fail "the node is not idle after 60 s (state: ${state:-none}; see the logs below)"
say "cluster up in $((SECONDS - started)) s (node treatylab-node: $hw; ports ${ports[*]})"

# ---- helpers ---------------------------------------------------------------------------------
submit() { # sbatch arguments...; prints the job id
  local id
  id=$(sbatch --parsable "$@") || fail "sbatch $* was refused"
  echo "${id%%;*}"
}
states() { # job id: "task=STATE" for each job (or array task) of it
  scontrol -o show job "$1" | sed -n 's/.*JobId=\([0-9]*\).*ArrayTaskId=\([0-9]*\).*JobState=\([A-Z_]*\).*/\2=\3/p; t; s/.*JobId=\([0-9]*\).*JobState=\([A-Z_]*\).*/\1=\2/p' | sort
}
wait_jobs() { # label job-ids...: waits until none is pending or running, within the limit
  local label=$1
  shift
  local ids deadline=$((SECONDS + wait_limit))
  ids=$(IFS=,; echo "$*")
  while [ -n "$(squeue -h -j "$ids" 2>/dev/null)" ]; do
    ((SECONDS < deadline)) || fail "$label: still queued or running after ${wait_limit} s: $(squeue -h -j "$ids" -o '%i %T %r' | tr '\n' ';')"
    sleep 1
  done
}
expect_all() { # label job-id STATE
  local bad
  bad=$(states "$2" | grep -v "=$3\$" || true)
  [ -z "$bad" ] || fail "$1: jobs not $3: $(echo "$bad" | tr '\n' ' ')"
}
same() { # label expected actual
  [ -f "$3" ] || fail "$1: $3 was not written"
  cmp -s "$2" "$3" || fail "$1: $(basename "$3") differs from the single-process run ($(cmp "$2" "$3" | head -n 1))"
}

cd "$tmp/work"
export TREATYLAB="${cli[*]}"
export SCENARIO=nash-1950
shards=4

# ---- 3. sweep: array, dependent merge --------------------------------------------------------
export PARAMS="parties.bill.reservation=0:0.9:31 parties.jack.reservation=0:0.9:31"
"${cli[@]}" sweep nash-1950 --param parties.bill.reservation=0:0.9:31 --param parties.jack.reservation=0:0.9:31 \
  --threads 1 --format json --out sweep-single.json 2>logs/sweep-single.out &
bg+=($!)
sweep_job=$(PREFIX=sweep submit --array=1-$shards --cpus-per-task=1 "$examples/sweep.sbatch")
sweep_merge=$(PREFIX=sweep submit --dependency=afterok:"$sweep_job" "$examples/merge.sbatch")
wait_jobs "sweep" "$sweep_job" "$sweep_merge"
expect_all "sweep array" "$sweep_job" COMPLETED
expect_all "sweep merge" "$sweep_merge" COMPLETED
wait "${bg[0]}" || fail "the single-process sweep failed"
same "sweep" sweep-single.json sweep-result.json
say "sweep: $shards shards merged = single run ($(wc -c <sweep-result.json) bytes)"

# ---- 4. Monte Carlo: array, one task cancelled mid-run, refused merges, resume ---------------
export DRAWS=${TREATYLAB_SLURM_DRAWS:-40000} SEED=7
echo '{ "parties.*.weights.*": { "spread": 0.2 }, "parties.*.reservation": { "spread": 0.2 } }' >unc.json
per_shard=$((DRAWS / shards))
"${cli[@]}" montecarlo nash-1950 --uncertainty unc.json --draws "$DRAWS" --seed "$SEED" --threads 1 --format json --out mc-single.json 2>logs/mc-single.out &
bg+=($!)
mc_job=$(PREFIX=mc submit --array=1-$shards --cpus-per-task=1 "$examples/montecarlo.sbatch")
# Cancel task 2 once it has streamed a tenth of its draws.
deadline=$((SECONDS + wait_limit))
until [ -f mc-draws-2.jsonl ] && (($(grep -c '^{"draw"' mc-draws-2.jsonl || true) >= per_shard / 10)); do
  ((SECONDS < deadline)) || fail "monte carlo: task 2 wrote no draws within ${wait_limit} s"
  [ -f mc-part-2.json ] && fail "monte carlo: task 2 finished before it could be cancelled; raise TREATYLAB_SLURM_DRAWS"
  sleep 0.2
done
scancel "${mc_job}_2"
wait_jobs "monte carlo" "$mc_job"
[ "$(states "$mc_job" | grep '^2=')" = 2=CANCELLED ] || fail "monte carlo: task 2 is not CANCELLED: $(states "$mc_job" | tr '\n' ' ')"
[ ! -f mc-part-2.json ] || fail "monte carlo: the cancelled task 2 wrote its output anyway"
kept=$(grep -c '^{"draw"' mc-draws-2.jsonl || true)
((kept > 0 && kept < per_shard)) || fail "monte carlo: the cancelled task kept $kept of $per_shard draws (expected some, not all)"
for k in 1 3 4; do [ -f "mc-part-$k.json" ] || fail "monte carlo: task $k wrote no output ($(states "$mc_job" | tr '\n' ' '))"; done
say "monte carlo: task 2 cancelled after $kept of $per_shard draws"

# A merge job over the incomplete outputs fails, naming the missing shard.
refused=$(PREFIX=mc submit --dependency=afterany:"$mc_job" "$examples/merge.sbatch")
wait_jobs "incomplete merge" "$refused"
expect_all "incomplete merge" "$refused" FAILED
grep -q "shard 2/$shards (items $per_shard-$((2 * per_shard - 1)) of $DRAWS) is missing" "logs/merge-$refused.out" ||
  fail "incomplete merge: its log does not name shard 2/$shards as missing: $(cat "logs/merge-$refused.out")"
[ ! -f mc-result.json ] || fail "incomplete merge: it wrote mc-result.json anyway"
say "monte carlo: merge without shard 2 refused: $(grep -o 'shard 2/.*' "logs/merge-$refused.out")"

# Resubmit task 2 (it resumes from its .jsonl) with the documented command, and the same shard
# with another seed (an output of the same shard from another job).
resumed=$(PREFIX=mc SHARDS=$shards submit --array=2 --cpus-per-task=1 "$examples/montecarlo.sbatch")
foreign=$(PREFIX=other SEED=8 SHARDS=$shards submit --array=3 --cpus-per-task=1 "$examples/montecarlo.sbatch")
mc_merge=$(PREFIX=mc submit --dependency=afterok:"$resumed" "$examples/merge.sbatch")
wait_jobs "monte carlo resume" "$resumed" "$foreign" "$mc_merge"
expect_all "monte carlo resume" "$resumed" COMPLETED
expect_all "monte carlo (seed 8)" "$foreign" COMPLETED
expect_all "monte carlo merge" "$mc_merge" COMPLETED
wait "${bg[1]}" || fail "the single-process Monte Carlo run failed"
same "monte carlo" mc-single.json mc-result.json
# The resumed stream holds each of the shard's draws once: the task continued, it did not restart.
node -e '
  const fs = require("fs");
  const [file, from, n] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3])];
  const parse = (l) => { try { return JSON.parse(l); } catch { return null; } };
  const draws = fs.readFileSync(file, "utf8").split("\n").map(parse).filter((l) => l && typeof l.draw === "number").map((l) => l.draw);
  const set = new Set(draws);
  const ok = draws.length === n && set.size === n && [...set].every((d) => d >= from && d < from + n);
  if (!ok) { console.error(`${file}: ${draws.length} draw lines, ${set.size} distinct; expected draws ${from}-${from + n - 1} once each`); process.exit(1); }
' mc-draws-2.jsonl "$per_shard" "$per_shard" || fail "monte carlo: the resumed stream repeats or lacks draws"
say "monte carlo: task 2 resumed from its $kept draws; $shards shards merged = single run ($(wc -c <mc-result.json) bytes)"

# Two outputs of the same shard from different jobs: refused, naming both and what differs.
set +e
err=$("${cli[@]}" merge mc-part-1.json mc-part-2.json mc-part-3.json other-part-3.json mc-part-4.json 2>&1 >/dev/null)
code=$?
set -e
[ "$code" = 2 ] || fail "merge of two different shard 3 outputs: exit $code, expected 2 ($err)"
want='other-part-3.json: comes from another job than mc-part-3.json (both are shard 3/4); what differs (mc-part-3.json -> other-part-3.json): seed: "7" -> "8"'
[ "$err" = "treatylab: $want" ] || fail "merge of two different shard 3 outputs said: $err; expected: treatylab: $want"
say "monte carlo: two different outputs of shard 3 refused: $want"

say "all checks passed in $((SECONDS - started)) s"
echo "slurm: identical"
